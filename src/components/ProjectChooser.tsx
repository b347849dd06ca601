import * as React from 'react';
import { Dropdown, Stack } from '@fluentui/react';
import type { Project } from '../model/portfolio';
import type { IProjectService } from '../services/ProjectService';
import { LoadingState, ErrorState, EmptyState } from './States';
import { UnsavedChangesDialog } from './UnsavedChangesGuard';
import { format } from './text';
import { describeError } from './errors';
import { useProjectChanges } from './projectChanges';

export interface IProjectChooserStrings {
  DiscardTitle: string;
  DiscardText: string;
  Discard: string;
  KeepEditing: string;
  ProjectLabel: string;
  ProjectPlaceholder: string;
  ChooseProject: string;
  NoProjects: string;
  ProjectNotFound: string;
}

type ListState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; projects: Project[] };

/** The projects to choose from (by code), or the one configured project. */
export function useProjectList(service: IProjectService, fixedId: number | undefined, locale: string): { state: ListState; reload: () => void } {
  const [state, setState] = React.useState<ListState>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    const load = fixedId ? service.getProject(fixedId).then((p) => [p]) : service.loadProjects();
    load.then((projects) => {
      const c = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
      if (live) setState({ status: 'ready', projects: [...projects].sort((a, b) => c.compare(a.code, b.code)) });
    }, (error: unknown) => {
      if (live) setState({ status: 'error', error });
    });
    return () => { live = false; };
  }, [service, fixedId, locale, attempt]);
  return { state, reload: () => setAttempt((n) => n + 1) };
}

export interface IProjectChooserProps {
  service: IProjectService;
  /** A configured project (web part property): no choice is offered. 0/undefined = choose. */
  projectId?: number;
  strings: IProjectChooserStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** While true, switching project asks before throwing edits away. */
  dirty: boolean;
  children: (project: Project, replace: (p: Project) => void) => JSX.Element;
}

/** Loading, error and empty states of the project list, the project dropdown and the unsaved-edits guard. */
export function ProjectChooser(props: IProjectChooserProps): JSX.Element {
  const { strings: s, common: c } = props;
  const fixed = props.projectId && props.projectId > 0 ? props.projectId : undefined;
  const { state, reload } = useProjectList(props.service, fixed, props.locale);
  const [selectedId, setSelectedId] = React.useState<number | undefined>(fixed);
  const [pending, setPending] = React.useState<number | undefined>(undefined);
  const [replaced, setReplaced] = React.useState<Record<number, Project>>({});
  // A project saved elsewhere on the page (the register's edit panel) replaces the stale copy here.
  useProjectChanges((p) => setReplaced((r) => ({ ...r, [p.id]: p })));

  if (state.status === 'loading') return <LoadingState label={c.Loading} />;
  if (state.status === 'error') {
    const text = fixed ? format(s.ProjectNotFound, fixed) : describeError(state.error, c);
    return <ErrorState title={c.ErrorTitle} message={text} retryLabel={c.Retry} onRetry={reload} />;
  }
  if (state.projects.length === 0) return <EmptyState icon="ProjectCollection" message={s.NoProjects} />;
  const projects = state.projects.map((p) => replaced[p.id] ?? p);
  const id = fixed ?? selectedId;
  const project = projects.find((p) => p.id === id);
  const choose = (next: number): void => {
    if (next === selectedId) return;
    if (props.dirty) setPending(next);
    else setSelectedId(next);
  };
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      {!fixed && (
        <Dropdown
          label={s.ProjectLabel}
          placeholder={s.ProjectPlaceholder}
          options={projects.map((p) => ({ key: p.id, text: `${p.code} · ${p.title}` }))}
          selectedKey={selectedId ?? ''}
          onChange={(_, o) => { if (o) choose(Number(o.key)); }}
          styles={{ root: { maxWidth: 480 } }}
        />
      )}
      {project ? props.children(project, (p) => setReplaced((r) => ({ ...r, [p.id]: p }))) : <EmptyState icon="ProjectCollection" message={s.ChooseProject} />}
      <UnsavedChangesDialog
        isOpen={pending !== undefined}
        title={s.DiscardTitle}
        message={s.DiscardText}
        discardLabel={s.Discard}
        keepEditingLabel={s.KeepEditing}
        onKeepEditing={() => setPending(undefined)}
        onDiscard={() => { setSelectedId(pending); setPending(undefined); }}
      />
    </Stack>
  );
}
