import * as React from 'react';
import type { IProjectService } from '../../../services/ProjectService';
import type { Project } from '../../../model/portfolio';
import type { PersonRef } from '../../../model/common';

export type LoadState =
  | { status: 'loading'; loaded: number }
  | { status: 'error'; error: Error }
  /** `asOf`: the projects are what this browser read then (an earlier visit); the fresh read is under way. */
  | { status: 'ready'; projects: Project[]; me?: PersonRef; asOf?: Date };

/**
 * Loads the register through the service; `reload` is the retry of the error state, `upsert` puts
 * a saved project in place (or adds a new one) without a reload. On a later visit the projects the
 * browser remembers are shown at once (with `asOf`) until the fresh read — only SharePoint's
 * changes since — replaces them; a project saved in between stays as saved.
 */
export function useProjects(service: IProjectService): { state: LoadState; reload: () => void; upsert: (project: Project) => void } {
  const [state, setState] = React.useState<LoadState>({ status: 'loading', loaded: 0 });
  const [attempt, setAttempt] = React.useState(0);
  const savedDuringRead = React.useRef(new Map<number, Project>());
  React.useEffect(() => {
    let live = true;
    savedDuringRead.current.clear();
    setState({ status: 'loading', loaded: 0 });
    service.rememberedProjects?.().then((r) => {
      if (live && r) setState((st) => (st.status === 'loading' ? { status: 'ready', projects: r.projects, asOf: r.readAt } : st));
    }, () => undefined);
    Promise.all([
      service.loadProjects((loaded) => { if (live) setState((st) => (st.status === 'loading' ? { status: 'loading', loaded } : st)); }),
      service.currentUser().catch((): undefined => undefined)
    ]).then(([fresh, me]) => {
      if (!live) return;
      const saved = savedDuringRead.current;
      const projects = fresh.map((p) => saved.get(p.id) ?? p).concat([...saved.values()].filter((p) => !fresh.some((f) => f.id === p.id)));
      setState({ status: 'ready', projects, me });
    }, (error: Error) => {
      if (live) setState({ status: 'error', error });
    });
    return () => { live = false; };
  }, [service, attempt]);
  const upsert = React.useCallback((project: Project): void => {
    savedDuringRead.current.set(project.id, project);
    setState((st) => {
      if (st.status !== 'ready') return st;
      const i = st.projects.findIndex((p) => p.id === project.id);
      const projects = i >= 0 ? st.projects.map((p) => (p.id === project.id ? project : p)) : [...st.projects, project];
      return { ...st, projects };
    });
  }, []);
  return { state, reload: () => setAttempt((n) => n + 1), upsert };
}
