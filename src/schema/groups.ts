import type { GroupKey, GroupSchema, ListRoleAssignment, RoleDefinitionSchema, RoleKey } from './types';

/**
 * THE PERMISSION MODEL (README "Permissions: what SharePoint enforces" explains it per list and
 * role). Everything here is enforced by SharePoint itself — permission levels on lists, per-item
 * permissions, ReadSecurity/WriteSecurity — so a REST call made by hand meets the same rules as
 * the UI. The UI only hides what SharePoint would refuse.
 *
 * SharePoint has no column-level security: whoever may edit an item may write every column of it.
 * So what only the PMO may decide lives in lists only the PMO writes (Project Priorities holds the
 * scores that were on the project item until schema 9), and the latest-status columns a project's
 * leader can write on their own project are a cache the portfolio checks against the published
 * reports wherever it reads them (model/portfolioMetrics.withLatestReports).
 *
 * SP.PermissionKind numbers (SPBasePermissions bit + 1), for PMO Hub's own permission levels:
 * https://learn.microsoft.com/previous-versions/office/sharepoint-server/ee536458(v=office.15)
 */
const K = {
  ViewListItems: 1, AddListItems: 2, EditListItems: 3, DeleteListItems: 4, ApproveItems: 5, OpenItems: 6, ViewVersions: 7, ViewFormPages: 13,
  Open: 17, ViewPages: 18, BrowseUserInfo: 28, UseClientIntegration: 37, UseRemoteAPIs: 38, CreateAlerts: 40
} as const;
/** What Read holds on a list, minus nothing: the base of PMO Hub's own levels. */
const READ_ITEMS = [K.ViewListItems, K.OpenItems, K.ViewVersions, K.ViewFormPages, K.Open, K.ViewPages,
  K.BrowseUserInfo, K.UseClientIntegration, K.UseRemoteAPIs, K.CreateAlerts];

// Built-in levels are found by RoleTypeKind because their names are localised on sv-SE, da-DK
// and nl-NL sites; PMO Hub's own levels are created by provisioning and found by name.
export const roleDefinitions: readonly RoleDefinitionSchema[] = [
  { key: 'fullControl', name: 'Full Control', roleTypeKind: 5 },
  // Design = Edit + Override List Behaviors: what the PMO needs on lists with WriteSecurity 2.
  { key: 'design', name: 'Design', roleTypeKind: 4 },
  { key: 'edit', name: 'Edit', roleTypeKind: 6 },
  { key: 'contribute', name: 'Contribute', roleTypeKind: 3 },
  { key: 'read', name: 'Read', roleTypeKind: 2 },
  {
    // "Add but not edit": a request, a download entry, once made, is the PMO's to change.
    key: 'addItems', name: 'PMO Hub Add Items', roleTypeKind: 0, since: 4,
    description: 'PMO Hub: read and add list items; never edit or delete them.',
    basePermissions: [...READ_ITEMS, K.AddListItems]
  },
  {
    // A project leader on their own project's register entry: keep it current, never delete it.
    key: 'editItems', name: 'PMO Hub Edit Items', roleTypeKind: 0, since: 4,
    description: 'PMO Hub: read and edit list items; never add or delete them.',
    basePermissions: [...READ_ITEMS, K.EditListItems]
  },
  {
    // A leader in their own project's folder of Status Reports and Risks: write, and publish
    // (approve) their reports — Approve Items here is what lets them see and publish their
    // project's drafts and nobody else's (draft-item security "approvers and the author").
    key: 'projectReporting', name: 'PMO Hub Project Reporting', roleTypeKind: 0, since: 8,
    description: "PMO Hub: add, edit, delete and publish the items of one's own project.",
    basePermissions: [...READ_ITEMS, K.AddListItems, K.EditListItems, K.DeleteListItems, K.ApproveItems]
  }
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
    description: 'Keep their own projects current: edit their register entries, write status reports and risks.',
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

/**
 * Replaces roles from schema version `since`: the old assignment ends (`until`), the new one
 * starts, so provisioning upgrades a site by removing the one and adding the other.
 */
export function changeRoles(roles: readonly ListRoleAssignment[], since: number, changes: Partial<Record<GroupKey, RoleKey>>): readonly ListRoleAssignment[] {
  const out: ListRoleAssignment[] = [];
  for (const r of roles) {
    const next = changes[r.group];
    if (next === undefined || next === r.role) { out.push(r); continue; }
    out.push({ ...r, until: since }, { group: r.group, role: next, since });
  }
  return out;
}

/** The roles a list has at schema version `version`. */
export function rolesAt(roles: readonly ListRoleAssignment[], version: number): readonly ListRoleAssignment[] {
  return roles.filter((r) => (r.since ?? 1) <= version && (r.until === undefined || version < r.until));
}
