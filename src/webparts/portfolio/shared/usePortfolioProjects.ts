import * as React from 'react';
import type { IPortfolioService } from '../../../services/PortfolioService';
import type { Project } from '../../../model/portfolio';

export type PortfolioLoad =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'ready'; projects: Project[] };

/** The shared lean project read (one per page, see PortfolioService); `reload` is the retry of the error state. */
export function usePortfolioProjects(service: IPortfolioService): { state: PortfolioLoad; reload: () => void } {
  const [state, setState] = React.useState<PortfolioLoad>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    service.loadProjects().then(
      (projects) => { if (live) setState({ status: 'ready', projects }); },
      (error: Error) => { if (live) setState({ status: 'error', error }); }
    );
    return () => { live = false; };
  }, [service, attempt]);
  const reload = React.useCallback(() => { service.invalidate(); setAttempt((n) => n + 1); }, [service]);
  return { state, reload };
}
