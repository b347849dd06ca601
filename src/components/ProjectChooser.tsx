import * as React from 'react';
import { Dropdown, SearchBox, Stack, Text } from '@fluentui/react';
import type { Project } from '../model/portfolio';
import type { IProjectPickerService, ProjectChoice, ProjectSearch } from '../services/ProjectService';
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

type ChoicesState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; choices: ProjectChoice[]; complete: boolean };

type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; start: string }
  | { status: 'done'; start: string; result: ProjectSearch }
  | { status: 'error'; start: string; error: unknown };

/** How long typing pauses before the search asks SharePoint: one request per pause, not per key. */
const SEARCH_PAUSE_MS = 300;

/** What the chooser offers before anything is typed (none when a project is configured). */
function useChoices(service: IProjectPickerService, skip: boolean): { state: ChoicesState; reload: () => void } {
  const [state, setState] = React.useState<ChoicesState>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    if (skip) return undefined;
    let live = true;
    setState({ status: 'loading' });
    service.projectChoices().then((c) => {
      if (live) setState({ status: 'ready', choices: c.choices, complete: c.complete });
    }, (error: unknown) => {
      if (live) setState({ status: 'error', error });
    });
    return () => { live = false; };
  }, [service, skip, attempt]);
  return { state, reload: () => setAttempt((n) => n + 1) };
}

/** The chosen (or configured) project, read whole. */
function useChosenProject(service: IProjectPickerService, id: number | undefined): { state: { status: 'none' } | { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; project: Project }; reload: () => void } {
  type S = { status: 'none' } | { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; project: Project };
  const [state, setState] = React.useState<S>(id === undefined ? { status: 'none' } : { status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    if (id === undefined) { setState({ status: 'none' }); return undefined; }
    let live = true;
    setState({ status: 'loading' });
    service.getProject(id).then((project) => { if (live) setState({ status: 'ready', project }); }, (error: unknown) => { if (live) setState({ status: 'error', error }); });
    return () => { live = false; };
  }, [service, id, attempt]);
  return { state, reload: () => setAttempt((n) => n + 1) };
}

/** The search by code: asked after typing pauses; an answer to an older start is dropped. */
function useCodeSearch(service: IProjectPickerService, text: string): SearchState {
  const [state, setState] = React.useState<SearchState>({ status: 'idle' });
  React.useEffect(() => {
    const start = text.trim();
    if (!start) { setState({ status: 'idle' }); return undefined; }
    let live = true;
    setState({ status: 'searching', start });
    const timer = setTimeout(() => {
      service.findProjects(start).then((result) => { if (live) setState({ status: 'done', start, result }); }, (error: unknown) => { if (live) setState({ status: 'error', start, error }); });
    }, SEARCH_PAUSE_MS);
    return () => { live = false; clearTimeout(timer); };
  }, [service, text]);
  return state;
}

const byCode = (locale: string): ((a: ProjectChoice, b: ProjectChoice) => number) => {
  const c = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  return (a, b) => c.compare(a.code, b.code);
};

export interface IProjectChooserProps {
  service: IProjectPickerService;
  /** A configured project (web part property): no choice is offered. 0/undefined = choose. */
  projectId?: number;
  strings: IProjectChooserStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** While true, switching project asks before throwing edits away. */
  dirty: boolean;
  children: (project: Project, replace: (p: Project) => void) => JSX.Element;
}

/**
 * Loading, error and empty states, the project dropdown and the unsaved-edits guard. A small list
 * (up to `ALL_CHOICES_UP_TO` projects) is offered whole; a larger one offers the user's own projects
 * and a search by the start of the project code, so the page never reads every project for it.
 */
export function ProjectChooser(props: IProjectChooserProps): JSX.Element {
  const { strings: s, common: c } = props;
  const fixed = props.projectId && props.projectId > 0 ? props.projectId : undefined;
  const { state: choices, reload: reloadChoices } = useChoices(props.service, fixed !== undefined);
  const [selectedId, setSelectedId] = React.useState<number | undefined>(undefined);
  const [pending, setPending] = React.useState<number | undefined>(undefined);
  const [searchText, setSearchText] = React.useState('');
  const [shown, setShown] = React.useState<Record<number, ProjectChoice>>({});
  const [replaced, setReplaced] = React.useState<Record<number, Project>>({});
  const search = useCodeSearch(props.service, searchText);
  const id = fixed ?? selectedId;
  const { state: chosen, reload: reloadChosen } = useChosenProject(props.service, id);
  // A project saved elsewhere on the page (the register's edit panel) replaces the stale copy here.
  useProjectChanges((p) => setReplaced((r) => ({ ...r, [p.id]: p })));

  if (fixed) {
    if (chosen.status === 'ready') return props.children(replaced[chosen.project.id] ?? chosen.project, (p) => setReplaced((r) => ({ ...r, [p.id]: p })));
    if (chosen.status === 'error') return <ErrorState title={c.ErrorTitle} message={format(s.ProjectNotFound, fixed)} retryLabel={c.Retry} onRetry={reloadChosen} />;
    return <LoadingState label={c.Loading} />;
  }
  if (choices.status === 'loading') return <LoadingState label={c.Loading} />;
  if (choices.status === 'error') return <ErrorState title={c.ErrorTitle} message={describeError(choices.error, c)} retryLabel={c.Retry} onRetry={reloadChoices} />;
  if (choices.complete && choices.choices.length === 0) return <EmptyState icon="ProjectCollection" message={s.NoProjects} />;

  const found = search.status === 'done' && search.result.status === 'found' ? search.result.choices : undefined;
  const offered = [...(found ?? choices.choices)].sort(byCode(props.locale));
  // The chosen project stays offered while a search shows others, so the dropdown still names it.
  const selected = selectedId === undefined ? undefined : shown[selectedId];
  if (selected && !offered.some((o) => o.id === selected.id)) offered.unshift(selected);
  const choose = (next: number): void => {
    const choice = offered.find((o) => o.id === next);
    if (choice) setShown((m) => ({ ...m, [choice.id]: choice }));
    if (next === selectedId) return;
    if (props.dirty) setPending(next);
    else setSelectedId(next);
  };
  const searchNote = search.status === 'done'
    ? (search.result.status === 'tooBroad' ? format(c.ProjectSearchTooBroad, search.start) : search.result.choices.length === 0 ? format(c.ProjectSearchNone, search.start) : undefined)
    : search.status === 'error' ? describeError(search.error, c) : undefined;
  let body: JSX.Element;
  if (chosen.status === 'ready') body = props.children(replaced[chosen.project.id] ?? chosen.project, (p) => setReplaced((r) => ({ ...r, [p.id]: p })));
  else if (chosen.status === 'loading') body = <LoadingState label={c.Loading} />;
  else if (chosen.status === 'error') body = <ErrorState title={c.ErrorTitle} message={describeError(chosen.error, c)} retryLabel={c.Retry} onRetry={reloadChosen} />;
  else body = <EmptyState icon="ProjectCollection" message={choices.complete ? s.ChooseProject : c.ProjectSearchHint} />;
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 12 }} verticalAlign="end">
        {!choices.complete && (
          <SearchBox
            ariaLabel={c.ProjectSearchLabel}
            placeholder={c.ProjectSearchPlaceholder}
            value={searchText}
            onChange={(_, v) => setSearchText(v ?? '')}
            styles={{ root: { minWidth: 240, maxWidth: 320 } }}
          />
        )}
        <Dropdown
          label={s.ProjectLabel}
          placeholder={s.ProjectPlaceholder}
          options={offered.map((p) => ({ key: p.id, text: `${p.code} · ${p.title}` }))}
          selectedKey={selectedId ?? ''}
          onChange={(_, o) => { if (o) choose(Number(o.key)); }}
          styles={{ root: { minWidth: 240, maxWidth: 480, flexGrow: 1 } }}
        />
      </Stack>
      {searchNote && <Text role="status" variant="small">{searchNote}</Text>}
      {search.status === 'searching' && <Text role="status" variant="small">{c.ProjectSearching}</Text>}
      {body}
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
