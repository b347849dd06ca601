/**
 * SharePoint's permission model, reduced to what decides who may read and write:
 * SP.PermissionKind bits, the built-in role definitions and their masks.
 * Bit n of the 64-bit mask is PermissionKind n+1; Low holds bits 0-31, High 32-63.
 */
export const PermissionKind = {
  ViewListItems: 1, AddListItems: 2, EditListItems: 3, DeleteListItems: 4, ApproveItems: 5,
  OpenItems: 6, ViewVersions: 7, DeleteVersions: 8, CancelCheckout: 9, ManagePersonalViews: 10,
  ManageLists: 12, ViewFormPages: 13, Open: 17, ViewPages: 18, AddAndCustomizePages: 19,
  ApplyThemeAndBorder: 20, ApplyStyleSheets: 21, ViewUsageData: 22, CreateSSCSite: 23, ManageSubwebs: 24,
  CreateGroups: 25, ManagePermissions: 26, BrowseDirectories: 27, BrowseUserInfo: 28,
  AddDelPrivateWebParts: 29, UpdatePersonalWebParts: 30, ManageWeb: 31, UseClientIntegration: 37,
  UseRemoteAPIs: 38, ManageAlerts: 39, CreateAlerts: 40, EditMyUserInfo: 41, EnumeratePermissions: 63
} as const;
export type PermissionName = keyof typeof PermissionKind;

const P = PermissionKind;
// The base permissions of each built-in permission level as Microsoft lists them for
// SPPermissionGroup64 (Guest = Limited Access: Open, BrowseUserInfo, ViewFormPages,
// UseClientIntegration, UseRemoteAPIs; Reader adds ViewPages, ViewListItems, OpenItems,
// ViewVersions, CreateAlerts, CreateSSCSite) and "User permissions and permission levels in
// SharePoint" (Contribute, Edit = Contribute + Manage Lists, Design = Edit + Approve Items,
// Override List Behaviors (CancelCheckout), Add and Customize Pages, themes and style sheets;
// View Only = Read without Open Items, so documents cannot be downloaded).
// https://learn.microsoft.com/previous-versions/office/sharepoint-server/ms412585(v=office.15)
// https://learn.microsoft.com/sharepoint/sites/user-permissions-and-permission-levels
const LIMITED = [P.Open, P.BrowseUserInfo, P.ViewFormPages, P.UseClientIntegration, P.UseRemoteAPIs];
const READ = [...LIMITED, P.ViewPages, P.ViewListItems, P.OpenItems, P.ViewVersions, P.CreateAlerts, P.CreateSSCSite];
const VIEW_ONLY = READ.filter((k) => k !== P.OpenItems);
const CONTRIBUTE = [...READ, P.AddListItems, P.EditListItems, P.DeleteListItems, P.DeleteVersions,
  P.ManagePersonalViews, P.BrowseDirectories, P.AddDelPrivateWebParts, P.UpdatePersonalWebParts, P.EditMyUserInfo];
const EDIT = [...CONTRIBUTE, P.ManageLists];
const DESIGN = [...EDIT, P.ApproveItems, P.CancelCheckout, P.AddAndCustomizePages, P.ApplyThemeAndBorder, P.ApplyStyleSheets];
const ALL = Object.values(P);

export interface RoleDefinition {
  id: number; name: string; description: string; roleTypeKind: number; order: number; kinds: number[];
  /** Full Control: every bit of the mask, including those this model does not name. */
  full?: boolean;
}

export const FULL_CONTROL_ID = 1073741829;
export const LIMITED_ACCESS_ID = 1073741825;

/**
 * Built-in role definitions with SharePoint Online's ids [verify: ids and View Only's
 * RoleTypeKind as commonly reported; RoleType has no member for View Only, so 0 (None)].
 */
export const ROLE_DEFINITIONS: RoleDefinition[] = [
  { id: FULL_CONTROL_ID, name: 'Full Control', description: 'Has full control.', roleTypeKind: 5, order: 1, kinds: ALL, full: true },
  { id: 1073741828, name: 'Design', description: 'Can view, add, update, delete, approve, and customize.', roleTypeKind: 4, order: 32, kinds: DESIGN },
  { id: 1073741830, name: 'Edit', description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.', roleTypeKind: 6, order: 48, kinds: EDIT },
  { id: 1073741827, name: 'Contribute', description: 'Can view, add, update, and delete list items and documents.', roleTypeKind: 3, order: 64, kinds: CONTRIBUTE },
  { id: 1073741826, name: 'Read', description: 'Can view pages and list items and download documents.', roleTypeKind: 2, order: 128, kinds: READ },
  { id: 1073741924, name: 'View Only', description: 'Can view pages, list items, and documents. Document types with server-side file handlers can be viewed in the browser but not downloaded.', roleTypeKind: 0, order: 2147483647, kinds: VIEW_ONLY },
  { id: LIMITED_ACCESS_ID, name: 'Limited Access', description: 'Can view specific lists, document libraries, list items, folders, or documents when given permissions.', roleTypeKind: 1, order: 160, kinds: LIMITED }
];

/** The PermissionKind numbers set in a `{High, Low}` mask (strings or numbers, as clients send them). */
export function kindsOfMask(mask: { High: string | number; Low: string | number }): number[] {
  const low = Number(mask.Low) >>> 0;
  const high = Number(mask.High) >>> 0;
  const out: number[] = [];
  for (let bit = 0; bit < 32; bit++) {
    if ((low >>> bit) & 1) out.push(bit + 1);
    if ((high >>> bit) & 1) out.push(bit + 33);
  }
  return out;
}

export function roleDefinitionById(id: number): RoleDefinition | undefined {
  return ROLE_DEFINITIONS.find((r) => r.id === id);
}

/** A set of PermissionKind numbers. */
export class PermissionSet {
  private readonly kinds = new Set<number>();
  public full = false;

  public static fullControl(): PermissionSet {
    const s = new PermissionSet();
    s.full = true;
    for (const k of ALL) s.kinds.add(k);
    return s;
  }

  public add(kinds: readonly number[]): void {
    for (const k of kinds) this.kinds.add(k);
  }

  public has(kind: number): boolean {
    return this.full || this.kinds.has(kind);
  }

  /** The `{High, Low}` mask as SharePoint serialises Edm.Int64 in JSON light: strings. */
  public toMask(): { High: string; Low: string } {
    if (this.full) return { High: '2147483647', Low: '4294967295' };
    let low = 0;
    let high = 0;
    for (const k of this.kinds) {
      const bit = k - 1;
      if (bit < 32) low = (low | (1 << bit)) >>> 0;
      else high = (high | (1 << (bit - 32))) >>> 0;
    }
    return { High: String(high), Low: String(low) };
  }
}

export function maskOfRole(role: RoleDefinition): { High: string; Low: string } {
  if (role.full) return PermissionSet.fullControl().toMask();
  const s = new PermissionSet();
  s.add(role.kinds);
  return s.toMask();
}
