import type { GroupKey, GroupSchema, ListRoleAssignment, RoleDefinitionSchema, RoleKey } from './types';

// SharePoint's built-in role definitions, found by RoleTypeKind because their names
// are localised on sv-SE, da-DK and nl-NL sites.
export const roleDefinitions: readonly RoleDefinitionSchema[] = [
  { key: 'fullControl', name: 'Full Control', roleTypeKind: 5 },
  { key: 'edit', name: 'Edit', roleTypeKind: 6 },
  { key: 'contribute', name: 'Contribute', roleTypeKind: 3 },
  { key: 'read', name: 'Read', roleTypeKind: 2 }
];

export const groups: readonly GroupSchema[] = [
  {
    key: 'pmoOwners',
    title: 'PMO Owners',
    description: 'Run the PMO Hub: full control of the site, its lists and its groups.',
    since: 1,
    siteRole: 'fullControl',
    owner: 'pmoOwners'
  },
  {
    key: 'pmoMembers',
    title: 'PMO Members',
    description: 'PMO staff: edit every list, curate templates, run the meeting cycle, answer sparring requests.',
    since: 1,
    siteRole: 'edit',
    owner: 'pmoOwners'
  },
  {
    key: 'projectLeaders',
    title: 'Project Leaders',
    description: 'Keep their projects current: contribute to Projects, Status Reports and Risks.',
    since: 1,
    siteRole: 'read',
    owner: 'pmoOwners'
  },
  {
    // Staff already reach the site through its visitors group; creating a second one
    // would split who counts as "staff".
    key: 'visitors',
    title: 'Visitors',
    description: "The site's own visitors group: read the hub, ask for sparring, log lessons.",
    since: 1,
    siteRole: 'read',
    associatedGroup: 'visitors'
  }
];

/**
 * The full role set of a list: PMO Owners and Members always manage it; the named
 * groups contribute, everyone else reads. Project leaders are staff too, so a list
 * visitors may add to is one project leaders may add to as well.
 */
export function listRoles(contributors: readonly GroupKey[]): readonly ListRoleAssignment[] {
  const roleOf = (group: GroupKey): RoleKey => (contributors.indexOf(group) >= 0 ? 'contribute' : 'read');
  return [
    { group: 'pmoOwners', role: 'fullControl' },
    { group: 'pmoMembers', role: 'edit' },
    { group: 'projectLeaders', role: roleOf('projectLeaders') },
    { group: 'visitors', role: roleOf('visitors') }
  ];
}
