import * as React from 'react';
import type { IPortfolioService } from '../../../services/PortfolioService';
import type { Project } from '../../../model/portfolio';
import { useLoader, type LoadState } from '../../../components/useLoader';

/**
 * The shared lean project read (one per page, see PortfolioService). `reload`, the retry of the
 * error state, drops the shared read first so the retry really asks SharePoint again.
 */
export function usePortfolioProjects(service: IPortfolioService): { state: LoadState<Project[]>; reload: () => void } {
  const { state, reload } = useLoader(() => service.loadProjects(), [service]);
  const retry = React.useCallback(() => { service.invalidate(); reload(); }, [service, reload]);
  return { state, reload: retry };
}
