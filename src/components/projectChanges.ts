import * as React from 'react';
import type { Project } from '../model/portfolio';

/**
 * Web parts on one page share nothing but the window: SPFx loads each bundle on its own. When
 * one of them saves a project (an edit, or a publish that writes the latest status), it says so
 * here, and the others on the page (the register, the status reports and risks web parts) show
 * the saved project — with its new ETag, so their next save does not meet a needless conflict.
 */
const PROJECT_CHANGED = 'pmohub:projectchanged';

export function announceProjectChanged(project: Project): void {
  window.dispatchEvent(new CustomEvent<Project>(PROJECT_CHANGED, { detail: project }));
}

/** Calls `onChange` with every project saved on this page, by any web part (this one included). */
export function useProjectChanges(onChange: (project: Project) => void): void {
  const latest = React.useRef(onChange);
  latest.current = onChange;
  React.useEffect(() => {
    const listener = (e: Event): void => {
      const project = (e as CustomEvent<Project>).detail;
      if (project && typeof project.id === 'number') latest.current(project);
    };
    window.addEventListener(PROJECT_CHANGED, listener);
    return () => window.removeEventListener(PROJECT_CHANGED, listener);
  }, []);
}
