/**
 * The tenant directory the local SharePoint pretends to sit in: people who can be
 * ensured as site users and found through the Graph subset. The first four are the
 * demo users one can act as; the rest exist so people pickers and the expert
 * directory have someone to find. Fictional people at Microsoft's fictional Contoso.
 */
export interface DirectoryUser {
  /** Short name to act as this user: `X-PMOHub-User: pmo` or the `pmohub-user` cookie. */
  alias: string;
  id: string;                 // Azure AD object id (stable GUID)
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  preferredLanguage: string;
  /** What the user is in the demo; decides the groups they start in. */
  role: 'owner' | 'member' | 'leader' | 'visitor' | 'none';
  /** Two colours for the generated photo. */
  colours: [string, string];
}

export const TENANT_DOMAIN = 'contoso.com';

export const DIRECTORY: DirectoryUser[] = [
  { alias: 'owner', id: '5f1c2a3e-8b4d-4c6e-9a10-2b3c4d5e6f01', displayName: 'Astrid Lindqvist', givenName: 'Astrid', surname: 'Lindqvist', mail: 'astrid.lindqvist@contoso.com', jobTitle: 'Head of PMO', department: 'Project Management Office', officeLocation: 'Stockholm', preferredLanguage: 'sv-SE', role: 'owner', colours: ['#1f4e79', '#9dc3e6'] },
  { alias: 'pmo', id: '7a2d3b4c-1e5f-4a6b-8c7d-3e4f5a6b7c02', displayName: 'Mikkel Sørensen', givenName: 'Mikkel', surname: 'Sørensen', mail: 'mikkel.sorensen@contoso.com', jobTitle: 'PMO Consultant', department: 'Project Management Office', officeLocation: 'København', preferredLanguage: 'da-DK', role: 'member', colours: ['#375623', '#a9d18e'] },
  { alias: 'leader', id: '9c3e4d5f-2a6b-4c7d-9e8f-4a5b6c7d8e03', displayName: 'Sanne de Vries', givenName: 'Sanne', surname: 'de Vries', mail: 'sanne.devries@contoso.com', jobTitle: 'Senior Project Leader', department: 'Digital Services', officeLocation: 'Utrecht', preferredLanguage: 'nl-NL', role: 'leader', colours: ['#833c0b', '#f4b183'] },
  { alias: 'visitor', id: 'b4f5e6a7-3b7c-4d8e-8f9a-5b6c7d8e9f04', displayName: 'Erik Johansson', givenName: 'Erik', surname: 'Johansson', mail: 'erik.johansson@contoso.com', jobTitle: 'Business Analyst', department: 'Finance', officeLocation: 'Göteborg', preferredLanguage: 'sv-SE', role: 'visitor', colours: ['#7030a0', '#c9a3e6'] },
  { alias: 'lars', id: 'c5a6f7b8-4c8d-4e9f-9a0b-6c7d8e9f0a05', displayName: 'Lars Nielsen', givenName: 'Lars', surname: 'Nielsen', mail: 'lars.nielsen@contoso.com', jobTitle: 'Programme Manager', department: 'Infrastructure', officeLocation: 'Aarhus', preferredLanguage: 'da-DK', role: 'leader', colours: ['#2e75b6', '#bdd7ee'] },
  { alias: 'ingrid', id: 'd6b7a8c9-5d9e-4f0a-8b1c-7d8e9f0a1b06', displayName: 'Ingrid Berg', givenName: 'Ingrid', surname: 'Berg', mail: 'ingrid.berg@contoso.com', jobTitle: 'Project Leader', department: 'HR', officeLocation: 'Malmö', preferredLanguage: 'sv-SE', role: 'leader', colours: ['#c55a11', '#f8cbad'] },
  { alias: 'pieter', id: 'e7c8b9d0-6e0f-4a1b-9c2d-8e9f0a1b2c07', displayName: 'Pieter Jansen', givenName: 'Pieter', surname: 'Jansen', mail: 'pieter.jansen@contoso.com', jobTitle: 'Agile Coach', department: 'Digital Services', officeLocation: 'Amsterdam', preferredLanguage: 'nl-NL', role: 'leader', colours: ['#548235', '#c5e0b4'] },
  { alias: 'karin', id: 'f8d9c0e1-7f1a-4b2c-8d3e-9f0a1b2c3d08', displayName: 'Karin Holm', givenName: 'Karin', surname: 'Holm', mail: 'karin.holm@contoso.com', jobTitle: 'CFO', department: 'Finance', officeLocation: 'Stockholm', preferredLanguage: 'sv-SE', role: 'none', colours: ['#404040', '#bfbfbf'] },
  { alias: 'femke', id: '0a1b2c3d-8a2b-4c3d-9e4f-0a1b2c3d4e09', displayName: 'Femke Bakker', givenName: 'Femke', surname: 'Bakker', mail: 'femke.bakker@contoso.com', jobTitle: 'Test Manager', department: 'Quality', officeLocation: 'Rotterdam', preferredLanguage: 'nl-NL', role: 'leader', colours: ['#7f6000', '#ffe699'] },
  { alias: 'thomas', id: '1b2c3d4e-9b3c-4d4e-8f5a-1b2c3d4e5f10', displayName: 'Thomas Mortensen', givenName: 'Thomas', surname: 'Mortensen', mail: 'thomas.mortensen@contoso.com', jobTitle: 'External PRINCE2 Practitioner', department: 'External', officeLocation: 'Odense', preferredLanguage: 'da-DK', role: 'none', colours: ['#203864', '#8faadc'] },
  { alias: 'anna', id: '2c3d4e5f-0c4d-4e5f-9a6b-2c3d4e5f6a11', displayName: 'Anna Andersson', givenName: 'Anna', surname: 'Andersson', mail: 'anna.andersson@contoso.com', jobTitle: 'CIO', department: 'IT', officeLocation: 'Stockholm', preferredLanguage: 'sv-SE', role: 'none', colours: ['#843c0c', '#f4b183'] },
  { alias: 'johan', id: '3d4e5f6a-1d5e-4f6a-8b7c-3d4e5f6a7b12', displayName: 'Johan Ek', givenName: 'Johan', surname: 'Ek', mail: 'johan.ek@contoso.com', jobTitle: 'Project Leader', department: 'Infrastructure', officeLocation: 'Uppsala', preferredLanguage: 'sv-SE', role: 'leader', colours: ['#385723', '#a9d18e'] }
];

export function loginNameOf(mail: string): string {
  return `i:0#.f|membership|${mail}`;
}

/** Finds a directory user by alias, e-mail, login name or object id (case-insensitive). */
export function findDirectoryUser(key: string): DirectoryUser | undefined {
  const k = key.trim().toLowerCase();
  const mail = k.startsWith('i:0#.f|membership|') ? k.slice('i:0#.f|membership|'.length) : k;
  return DIRECTORY.find((u) => u.alias === k || u.mail === mail || u.id === k);
}

export const DEFAULT_USER_ALIAS = 'owner';
