import * as React from 'react';
import type { IPortfolioService } from '../../../services/PortfolioService';
import type { Project } from '../../../model/portfolio';
import { useLoader, type LoadState } from '../../../components/useLoader';
import { afterFirstScreen, holdFirstScreen } from '../../../common/firstScreen';

/**
 * The shared lean project read (one per page, see PortfolioService). Until it is in, what the
 * browser read on an earlier visit is shown, with `asOf` saying when it was read; the fresh read
 * (only the changes since, from SharePoint's change log) then replaces it. `reload`, the retry of
 * the error state, drops the shared read first so the retry really asks SharePoint again.
 * A view below the first screen passes `later`: it renders after the first screen was drawn (see firstScreen).
 */
export function usePortfolioProjects(service: IPortfolioService, later: boolean = false): { state: LoadState<Project[]>; reload: () => void; asOf?: Date } {
  const { state, reload } = useLoader(() => (later ? service.loadProjects().then(afterFirstScreen) : service.loadProjects()), [service, later]);
  const [remembered, setRemembered] = React.useState<{ projects: Project[]; readAt: Date } | undefined>();
  React.useEffect(() => {
    let live = true;
    setRemembered(undefined);
    service.rememberedProjects?.().then((r) => (later ? afterFirstScreen(r) : r)).then((r) => { if (live) setRemembered(r); }, () => undefined);
    return () => { live = false; };
  }, [service, later]);
  const retry = React.useCallback(() => { service.invalidate(); reload(); }, [service, reload]);
  if (state.status === 'loading' && remembered) {
    return { state: { status: 'ready', value: remembered.projects }, reload: retry, asOf: remembered.readAt };
  }
  return { state, reload: retry };
}

/**
 * A first-screen view holds what is below it (see common/firstScreen) from its first render until
 * `drawn`; unmounting releases too.
 */
export function useFirstScreenHold(drawn: boolean): void {
  const release = React.useRef<(() => void) | undefined>(undefined);
  // Taken during the first render, not in an effect: the views below may get their data before effects run.
  if (!release.current) release.current = holdFirstScreen();
  React.useEffect(() => { if (drawn) release.current?.(); }, [drawn]);
  React.useEffect(() => () => release.current?.(), []);
}
