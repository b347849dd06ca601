import * as React from 'react';
import type { IProjectService } from '../../../services/ProjectService';
import type { Project } from '../../../model/portfolio';
import type { PersonRef } from '../../../model/common';

export type LoadState =
  | { status: 'loading'; loaded: number }
  | { status: 'error'; error: Error }
  | { status: 'ready'; projects: Project[]; me?: PersonRef };

/** Loads the register through the service; `reload` is the retry of the error state. */
/** Loads the register through the service; `upsert` puts a saved project in place (or adds a new one) without a reload. */
export function useProjects(service: IProjectService): { state: LoadState; reload: () => void; upsert: (project: Project) => void } {
  const [state, setState] = React.useState<LoadState>({ status: 'loading', loaded: 0 });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    setState({ status: 'loading', loaded: 0 });
    Promise.all([
      service.loadProjects((loaded) => { if (live) setState({ status: 'loading', loaded }); }),
      service.currentUser().catch((): undefined => undefined)
    ]).then(([projects, me]) => {
      if (live) setState({ status: 'ready', projects, me });
    }, (error: Error) => {
      if (live) setState({ status: 'error', error });
    });
    return () => { live = false; };
  }, [service, attempt]);
  const upsert = React.useCallback((project: Project): void => {
    setState((st) => {
      if (st.status !== 'ready') return st;
      const i = st.projects.findIndex((p) => p.id === project.id);
      const projects = i >= 0 ? st.projects.map((p) => (p.id === project.id ? project : p)) : [...st.projects, project];
      return { ...st, projects };
    });
  }, []);
  return { state, reload: () => setAttempt((n) => n + 1), upsert };
}
