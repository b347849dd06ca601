import type { StatusReport } from '../../../model/portfolio';
import type { EditRights, IStatusReportService } from '../../../services/editing';
import { loadRights, type IRightsService } from '../../../components/rights';
import { useLoader } from '../../../components/useLoader';
import { newestFirst } from './reportModel';

export type HistoryState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; history: StatusReport[]; rights: EditRights };

/** A project's reports (newest first) and what the user may do; `reload` is the retry. */
export function useReportHistory(service: IStatusReportService, rightsService: IRightsService | undefined, projectId: number): { state: HistoryState; reload: () => void } {
  const { state, reload } = useLoader(
    () => Promise.all([service.history(projectId), loadRights(rightsService, projectId)]).then(([history, rights]) => ({ history: newestFirst(history), rights })),
    [service, rightsService, projectId]);
  return { state: state.status === 'ready' ? { status: 'ready', ...state.value } : state, reload };
}
