import type { EditRights, IProjectEditingService } from '../services/editing';

/** What a user may do when SharePoint cannot tell us: nothing (read only), never more. */
export const NO_RIGHTS: EditRights = {
  projects: { add: false, edit: false },
  statusReports: { add: false, edit: false },
  risks: { add: false, edit: false, delete: false }
};

/** The rights part of the editing service: all the report and risk web parts need of it. */
export type IRightsService = Pick<IProjectEditingService, 'rights' | 'rightsForProject'>;

/** The user's rights on one project's reports and risks (never more than SharePoint would accept). */
export async function loadRights(service: IRightsService | undefined, projectId: number): Promise<EditRights> {
  if (!service) return NO_RIGHTS;
  try {
    return await service.rightsForProject(projectId);
  } catch {
    return NO_RIGHTS;
  }
}

/**
 * Rights on one project's status reports or risks: the PMO's on the whole list, or a leader's in the
 * folders of the projects they lead (add, edit and delete there; the server checks the folder).
 */
export function projectRights<R extends { add: boolean; edit: boolean; delete?: boolean; addLedBy?: number; folderOnly?: boolean }>(
  rights: R, project: { leader?: { id: number } }
): R {
  const leads = rights.addLedBy !== undefined && project.leader !== undefined && project.leader.id === rights.addLedBy;
  if (!leads || rights.edit) return rights;
  return { ...rights, add: true, edit: true, ...(rights.delete !== undefined ? { delete: true } : {}), folderOnly: true };
}

/**
 * May the user change this report or risk? A leader's rights hold in the project's folder; an item
 * from before the folders (at the list's root) only the PMO may change — SharePoint refuses the rest.
 */
export function mayChangeItem(right: boolean, rights: { folderOnly?: boolean }, item: { inProjectFolder?: boolean }): boolean {
  return right && (!rights.folderOnly || item.inProjectFolder === true);
}
