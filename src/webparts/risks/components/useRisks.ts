import * as React from 'react';
import type { Risk } from '../../../model/portfolio';
import type { EditRights, IRiskService } from '../../../services/editing';
import { loadRights, type IRightsService } from '../../../components/rights';

export type RisksState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; risks: Risk[]; rights: EditRights };

/** A project's risks (the service's order: open first, by score) and what the user may do. */
export function useRisks(service: IRiskService, rightsService: IRightsService | undefined, projectId: number): { state: RisksState; reload: () => void } {
  const [state, setState] = React.useState<RisksState>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    // A reload after a save keeps the list on screen; only the first load shows the spinner.
    setState((old) => (old.status === 'ready' ? old : { status: 'loading' }));
    Promise.all([service.forProject(projectId), loadRights(rightsService)]).then(([risks, rights]) => {
      if (live) setState({ status: 'ready', risks, rights });
    }, (error: unknown) => {
      if (live) setState({ status: 'error', error });
    });
    return () => { live = false; };
  }, [service, rightsService, projectId, attempt]);
  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
