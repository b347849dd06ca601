import * as React from 'react';
import type { StatusReport } from '../../../model/portfolio';
import type { EditRights, IStatusReportService } from '../../../services/editing';
import { loadRights, type IRightsService } from '../../../components/rights';
import { newestFirst } from './reportModel';

export type HistoryState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; history: StatusReport[]; rights: EditRights };

/** A project's reports (newest first) and what the user may do; `reload` is the retry. */
export function useReportHistory(service: IStatusReportService, rightsService: IRightsService | undefined, projectId: number): { state: HistoryState; reload: () => void } {
  const [state, setState] = React.useState<HistoryState>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    Promise.all([service.history(projectId), loadRights(rightsService)]).then(([history, rights]) => {
      if (live) setState({ status: 'ready', history: newestFirst(history), rights });
    }, (error: unknown) => {
      if (live) setState({ status: 'error', error });
    });
    return () => { live = false; };
  }, [service, rightsService, projectId, attempt]);
  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
