import { listRoles } from './groups';
import { defineList, titleField } from './types';

/**
 * What the Home page says about the PMO, written by the PMO in SharePoint (schema 6): its
 * purpose, its services (coordinate / control / support), who decides what, and the team to
 * contact. One item per text and language, so a Swedish visitor reads the PMO's Swedish words;
 * the profile column lets one list serve sites of different PMO profiles.
 */
export const FRONT_DOOR_SECTIONS = ['Purpose', 'Service', 'Role', 'Team'] as const;
export const FRONT_DOOR_LANGUAGES = ['en-US', 'sv-SE', 'da-DK', 'nl-NL'] as const;
/** The three things a PMO does (seed 001): the services are grouped by them. */
export const SERVICE_AREAS = ['Coordinate', 'Control', 'Support'] as const;
/** Who the role text is about (the roles of a project's governance). */
export const GOVERNANCE_ROLES = ['SteeringGroup', 'Sponsor', 'ProjectLeader', 'Pmo'] as const;

export const frontDoor = defineList({
  key: 'frontDoor',
  title: 'PMO Front Door',
  url: 'Lists/PMOFrontDoor',
  template: 100,
  description: 'What the Home page says about the PMO: purpose, services, roles and contacts, in each language.',
  since: 6,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  writeSecurity: 1,
  // The PMO edits, everyone on the site reads.
  roles: listRoles([]),
  fields: [
    { ...titleField('Heading', true), since: 6 },
    {
      key: 'section', internalName: 'PMOFrontDoorSection', displayName: 'Section', type: 'Choice',
      id: 'c7f1f0a2-58f4-4c6e-9b1e-0c2f3a6d9e11', since: 6, required: true, indexed: true, choices: FRONT_DOOR_SECTIONS
    },
    {
      key: 'language', internalName: 'PMOContentLanguage', displayName: 'Language', type: 'Choice',
      id: '4a0d7c3e-1b9f-4f62-8d55-7e2b9c1a6f23', since: 6, required: true, indexed: true, choices: FRONT_DOOR_LANGUAGES
    },
    {
      key: 'body', internalName: 'PMOFrontDoorBody', displayName: 'Text', type: 'Note',
      id: 'e3b9a6d1-7c2f-4e8a-b0d4-5f1c9a2e7b34', since: 6, numLines: 6
    },
    {
      key: 'serviceArea', internalName: 'PMOServiceArea', displayName: 'Service area', type: 'Choice',
      id: '9d2e4f6a-3b1c-4a7e-8f05-2c6b8d1e9a45', since: 6, choices: SERVICE_AREAS
    },
    {
      key: 'governanceRole', internalName: 'PMOGovernanceRole', displayName: 'Role', type: 'Choice',
      id: '2f8c1a9e-6d3b-4e5f-a7c2-9b0e4d6f1a56', since: 6, choices: GOVERNANCE_ROLES
    },
    {
      key: 'contact', internalName: 'PMOContact', displayName: 'Contact', type: 'User',
      id: '7b4e2d9f-1a6c-4f3e-b8d5-0e9a2c7f4b67', since: 6
    },
    {
      key: 'profiles', internalName: 'PMOProfiles', displayName: 'PMO profiles', type: 'MultiChoice',
      id: '5c9a3e1f-8b2d-4d7a-9e6f-1f0b3c8a2d78', since: 6,
      choices: ['operational', 'tactical', 'portfolio', 'enterprise', 'excellence']
    },
    {
      key: 'sortOrder', internalName: 'PMOSortOrder', displayName: 'Order', type: 'Number',
      id: 'a1d6f3b8-4e2c-4b9a-8c7d-3e5f0a9b1c89', since: 6, min: 0
    }
  ],
  views: [
    {
      key: 'all', title: 'All texts', since: 6, isDefault: true,
      fields: ['title', 'section', 'language', 'serviceArea', 'governanceRole', 'contact', 'sortOrder'],
      sort: [{ field: 'language', ascending: true }, { field: 'section', ascending: true }], rowLimit: 100, paged: true
    }
  ]
});
