import type { Risk } from '../../../model/portfolio';
import type { EditRights, IRiskService } from '../../../services/editing';
import { loadRights, type IRightsService } from '../../../components/rights';
import { useLoader } from '../../../components/useLoader';

export type RisksState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; risks: Risk[]; rights: EditRights };

/** A project's risks (the service's order: open first, by score) and what the user may do. */
export function useRisks(service: IRiskService, rightsService: IRightsService | undefined, projectId: number): { state: RisksState; reload: () => void } {
  // A reload after a save keeps the list on screen; only the first load shows the spinner.
  const { state, reload } = useLoader(
    () => Promise.all([service.forProject(projectId), loadRights(rightsService, projectId)]).then(([risks, rights]) => ({ risks, rights })),
    [service, rightsService, projectId], true);
  return { state: state.status === 'ready' ? { status: 'ready', ...state.value } : state, reload };
}
