import * as React from 'react';
import {
  Panel, PanelType, TextField, Dropdown, PrimaryButton, DefaultButton, Stack, MessageBar, MessageBarType,
  Spinner, SpinnerSize, getId, type IDropdownOption
} from '@fluentui/react';
import type { Project, ProjectMethod, ProjectPhase, StrategicObjective } from '../../../model/portfolio';
import type { PersonRef } from '../../../model/common';
import type { IPeopleService, IProjectEditingService } from '../../../services/editing';
import { ConflictError, ValidationError } from '../../../services/errors';
import { PROJECT_METHODS, PROJECT_PHASES } from '../../../schema';
import { ConflictDialog } from '../../../components/ConflictDialog';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { UnsavedChangesDialog, useBeforeUnload } from '../../../components/UnsavedChangesGuard';
import { DateField } from '../../../components/DateField';
import { formatShortDate } from '../../../components/dates';
import { formatLocaleNumber } from '../../../components/localeNumber';
import { methodLabel, phaseLabel } from '../../../components/labels';
import {
  conflictRows, emptyDraft, fromDraft, isDirty, splitServiceErrors, toDraft, validateDraft, CODE_MAX,
  type EditableField, type FieldErrors, type FieldLabels, type PickedPerson, type ProjectDraft
} from './projectForm';
import { errorText, format } from '../../../components/text';

export interface IProjectEditPanelProps {
  /** The project to edit; absent for a new one. */
  project?: Project;
  editing: IProjectEditingService;
  people: IPeopleService;
  strings: IProjectRegisterWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** Phase of a new project. */
  defaultPhase?: ProjectPhase;
  /** Existing values, offered as suggestions. */
  units: string[];
  programmes: string[];
  onSaved: (project: Project) => void;
  /** Called once the user has chosen to close (after confirming when there were unsaved edits). */
  onDismiss: () => void;
  /** Milliseconds of quiet typing before the code is checked (tests use 0). */
  codeCheckDelay?: number;
}

type Objective = StrategicObjective & { keyResults?: unknown[] };

/** The create/edit form of a project: validates before saving, never loses what was typed, and never overwrites silently. */
export function ProjectEditPanel(props: IProjectEditPanelProps): JSX.Element {
  const { strings: s, common: c, locale, editing, people } = props;
  const [original, setOriginal] = React.useState<Project | undefined>(props.project);
  const [initial, setInitial] = React.useState<ProjectDraft>(() => (props.project ? toDraft(props.project, locale) : emptyDraft(props.defaultPhase || 'Idea')));
  const [draft, setDraft] = React.useState<ProjectDraft>(initial);
  const [submitted, setSubmitted] = React.useState(false);
  const [touched, setTouched] = React.useState<Partial<Record<EditableField, boolean>>>({});
  const [serviceErrors, setServiceErrors] = React.useState<FieldErrors>({});
  const [generalError, setGeneralError] = React.useState<string | undefined>(undefined);
  const [info, setInfo] = React.useState<string | undefined>(undefined);
  const [saving, setSaving] = React.useState(false);
  const [codeCheck, setCodeCheck] = React.useState<{ code: string; taken: boolean } | undefined>(undefined);
  const [checkingCode, setCheckingCode] = React.useState(false);
  const [conflict, setConflict] = React.useState<{ mine: Project; theirs: Project } | undefined>(undefined);
  const [confirmClose, setConfirmClose] = React.useState(false);
  const [objectives, setObjectives] = React.useState<Objective[] | undefined>(undefined);
  const [objectivesFailed, setObjectivesFailed] = React.useState(false);
  const ids = React.useRef({ units: getId('units'), programmes: getId('programmes') }).current;

  const dirty = isDirty(draft, initial);
  useBeforeUnload(dirty);

  React.useEffect(() => {
    let live = true;
    editing.strategicObjectives().then((o) => { if (live) setObjectives(o); }, () => { if (live) setObjectivesFailed(true); });
    return () => { live = false; };
  }, [editing]);

  // The unique code, checked while typing (debounced); the save checks again without waiting.
  const code = draft.code.trim();
  const codeUnchanged = !!original && original.code.toLowerCase() === code.toLowerCase();
  React.useEffect(() => {
    if (!code || codeUnchanged || code.length > CODE_MAX) { setCodeCheck(undefined); setCheckingCode(false); return undefined; }
    let live = true;
    setCheckingCode(true);
    const timer = setTimeout(() => {
      editing.isCodeTaken(code, original?.id).then(
        (taken) => { if (live) { setCodeCheck({ code, taken }); setCheckingCode(false); } },
        () => { if (live) setCheckingCode(false); }
      );
    }, props.codeCheckDelay ?? 400);
    return () => { live = false; clearTimeout(timer); };
  }, [code, codeUnchanged, editing, original?.id, props.codeCheckDelay]);

  const example = formatLocaleNumber(1200000.5, locale);
  const messages = {
    Required: s.ErrRequired, TooLong: s.ErrTooLong, EndBeforeStart: s.ErrEndBeforeStart, ForecastEndBeforeStart: s.ErrForecastEndBeforeStart,
    NotANumber: format(s.ErrNotANumber, example), Negative: s.ErrNegative, InvalidUrl: s.ErrInvalidUrl,
    InvalidDate: format(c.DateInvalid, formatShortDate(new Date(2027, 0, 15), locale))
  };
  const labels: FieldLabels = {
    code: s.FieldCode, title: s.FieldTitle, description: s.Description, leader: s.FilterLeader, sponsor: s.Sponsor, unit: s.ColumnUnit,
    programme: s.ColumnProgramme, phase: s.FilterPhase, method: s.Method, startDate: s.Start, endDate: s.End, forecastEnd: s.ForecastEnd,
    budget: s.Budget, actualCost: s.ActualCost, forecastCost: s.ForecastCost, strategicObjectives: s.StrategicObjectives,
    priorityScore: s.PriorityScore, siteUrl: s.FieldSiteUrl
  };
  const clientErrors = validateDraft(draft, locale, messages);
  const codeTaken = codeCheck && codeCheck.code === code && codeCheck.taken ? format(s.ErrCodeTaken, code) : undefined;
  if (!clientErrors.code && codeTaken) clientErrors.code = codeTaken;
  // Messages appear once a field was left or a save was tried; a taken code at once, as it is typed.
  const errorOf = (f: EditableField): string | undefined =>
    serviceErrors[f] ?? (submitted || touched[f] ? clientErrors[f] : f === 'code' ? codeTaken : undefined);

  const set = <K extends keyof ProjectDraft>(key: K, value: ProjectDraft[K]): void => {
    setDraft((d) => ({ ...d, [key]: value }));
    setServiceErrors((e) => { const next = { ...e }; delete next[key as EditableField]; return next; });
    setInfo(undefined);
  };
  const touch = (f: EditableField): (() => void) => (): void => setTouched((t) => (t[f] ? t : { ...t, [f]: true }));

  const resolvePerson = async (p: PickedPerson | undefined): Promise<PersonRef | undefined> => {
    if (!p) return undefined;
    if (p.id !== undefined) return { id: p.id, title: p.title, email: p.email };
    return people.ensure(p.email);
  };

  const handleFailure = (e: unknown, mine: Project | undefined): void => {
    if (e instanceof ConflictError && mine) {
      setConflict({ mine, theirs: (e as ConflictError<Project>).theirs });
    } else if (e instanceof ValidationError) {
      const { byField, other } = splitServiceErrors(e.fields);
      setServiceErrors(byField);
      setGeneralError(other.length ? other.join(' ') : s.FixErrors);
    } else {
      setGeneralError(format(s.SaveFailed, errorText(e instanceof Error ? e : new Error(String(e)))));
    }
  };

  const save = async (): Promise<void> => {
    setSubmitted(true);
    setInfo(undefined);
    setGeneralError(undefined);
    const errors = { ...clientErrors };
    if (Object.keys(errors).length) { setGeneralError(s.FixErrors); return; }
    setSaving(true);
    let mine: Project | undefined;
    try {
      if (!codeUnchanged) {
        const taken = await editing.isCodeTaken(code, original?.id);
        setCodeCheck({ code, taken });
        if (taken) { setGeneralError(s.FixErrors); return; }
      }
      const resolved: { leader?: PersonRef; sponsor?: PersonRef } = {};
      for (const f of ['leader', 'sponsor'] as const) {
        try {
          resolved[f] = await resolvePerson(draft[f]);
        } catch {
          setServiceErrors((se) => ({ ...se, [f]: format(s.PeopleResolveFailed, draft[f]?.title ?? '') }));
          setGeneralError(s.FixErrors);
          return;
        }
      }
      mine = fromDraft(draft, locale, original, resolved) as Project;
      const saved = await editing.saveProject(mine);
      props.onSaved(saved);
    } catch (e) {
      handleFailure(e, mine);
    } finally {
      setSaving(false);
    }
  };

  const overwrite = async (): Promise<void> => {
    if (!conflict) return;
    setSaving(true);
    const mine: Project = { ...conflict.mine, etag: conflict.theirs.etag };
    try {
      const saved = await editing.saveProject(mine, { overwrite: true });
      setConflict(undefined);
      props.onSaved(saved);
    } catch (e) {
      setConflict(undefined);
      handleFailure(e, mine);
    } finally {
      setSaving(false);
    }
  };

  const reload = (): void => {
    if (!conflict) return;
    const theirs = conflict.theirs;
    const d = toDraft(theirs, locale);
    setOriginal(theirs);
    setInitial(d);
    setDraft(d);
    setConflict(undefined);
    setServiceErrors({});
    setGeneralError(undefined);
    setInfo(s.ConflictReloaded);
  };

  const requestClose = (): void => {
    if (saving) return;
    if (dirty) setConfirmClose(true);
    else props.onDismiss();
  };

  const dateField = (f: 'startDate' | 'endDate' | 'forecastEnd'): JSX.Element => (
    <DateField
      label={labels[f]}
      value={draft[f]}
      onChange={(v) => set(f, v)}
      onBlur={touch(f)}
      locale={locale}
      common={c}
      errorMessage={errorOf(f)}
      disabled={saving}
    />
  );
  const numberField = (f: 'budget' | 'actualCost' | 'forecastCost' | 'priorityScore'): JSX.Element => (
    <TextField
      label={labels[f]}
      value={draft[f]}
      onChange={(_, v) => set(f, v ?? '')}
      onBlur={touch(f)}
      inputMode="decimal"
      description={f === 'priorityScore' ? undefined : format(s.NumberExample, example)}
      errorMessage={errorOf(f)}
      disabled={saving}
    />
  );
  const objectiveOptions: IDropdownOption[] = [
    ...(objectives ?? []).map((o) => ({ key: o.id, text: o.period ? `${o.title} (${o.period})` : o.title })),
    ...draft.strategicObjectives.filter((o) => !(objectives ?? []).some((x) => x.id === o.id)).map((o) => ({ key: o.id, text: o.title }))
  ];
  const personField = (f: 'leader' | 'sponsor'): JSX.Element => (
    <PeoplePicker
      label={labels[f]}
      people={people}
      selected={draft[f]}
      onChange={(p) => set(f, p)}
      suggestionsHeaderText={s.PeopleSuggestions}
      noResultsFoundText={s.PeopleNoResults}
      loadingText={s.PeopleLoading}
      removeButtonAriaLabel={s.PeopleRemove}
      errorMessage={errorOf(f)}
      disabled={saving}
    />
  );
  const rows = conflict ? conflictRows(conflict.mine, conflict.theirs, labels, locale, c) : [];

  return (
    <Panel
      isOpen={true}
      type={PanelType.medium}
      headerText={original ? format(s.EditProjectHeading, original.title) : s.NewProject}
      closeButtonAriaLabel={c.Close}
      isBlocking={true}
      isLightDismiss={false}
      onDismiss={(ev) => { ev?.preventDefault?.(); requestClose(); }}
      isFooterAtBottom={true}
      onRenderFooterContent={() => (
        <Stack horizontal={true} tokens={{ childrenGap: 8 }} verticalAlign="center">
          <PrimaryButton onClick={() => { void save(); }} disabled={saving}>{saving ? s.Saving : s.Save}</PrimaryButton>
          <DefaultButton onClick={requestClose} disabled={saving}>{s.Cancel}</DefaultButton>
          {saving && <Spinner size={SpinnerSize.small} ariaLabel={s.Saving} />}
        </Stack>
      )}
    >
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate={true} aria-label={original ? format(s.EditProjectHeading, original.title) : s.NewProject}>
        <Stack tokens={{ childrenGap: 12 }}>
          {generalError && <MessageBar messageBarType={MessageBarType.error} isMultiline={true} role="alert">{generalError}</MessageBar>}
          {info && <MessageBar messageBarType={MessageBarType.info} isMultiline={true} role="status">{info}</MessageBar>}
          <TextField
            label={labels.code}
            required={true}
            value={draft.code}
            onChange={(_, v) => set('code', v ?? '')}
            onBlur={touch('code')}
            maxLength={CODE_MAX + 10}
            errorMessage={errorOf('code')}
            description={checkingCode ? s.CheckingCode : undefined}
            disabled={saving}
          />
          <TextField label={labels.title} required={true} value={draft.title} onChange={(_, v) => set('title', v ?? '')} onBlur={touch('title')} errorMessage={errorOf('title')} disabled={saving} />
          <TextField label={labels.description} multiline={true} rows={4} autoAdjustHeight={true} value={draft.description} onChange={(_, v) => set('description', v ?? '')} errorMessage={errorOf('description')} disabled={saving} />
          {personField('leader')}
          {personField('sponsor')}
          <TextField label={labels.unit} value={draft.unit} onChange={(_, v) => set('unit', v ?? '')} onBlur={touch('unit')} list={ids.units} autoComplete="off" errorMessage={errorOf('unit')} disabled={saving} />
          <datalist id={ids.units}>{props.units.map((u) => <option key={u} value={u} />)}</datalist>
          <TextField label={labels.programme} value={draft.programme} onChange={(_, v) => set('programme', v ?? '')} onBlur={touch('programme')} list={ids.programmes} autoComplete="off" errorMessage={errorOf('programme')} disabled={saving} />
          <datalist id={ids.programmes}>{props.programmes.map((u) => <option key={u} value={u} />)}</datalist>
          <Dropdown
            label={labels.phase}
            required={true}
            options={PROJECT_PHASES.map((p) => ({ key: p, text: phaseLabel(c, p) }))}
            selectedKey={draft.phase}
            onChange={(_, o) => { if (o) set('phase', o.key as ProjectPhase); }}
            errorMessage={errorOf('phase')}
            disabled={saving}
          />
          <Dropdown
            label={labels.method}
            options={[{ key: '', text: c.NotSet }, ...PROJECT_METHODS.map((m) => ({ key: m, text: methodLabel(c, m) }))]}
            selectedKey={draft.method}
            onChange={(_, o) => { if (o) set('method', o.key as ProjectMethod | ''); }}
            errorMessage={errorOf('method')}
            disabled={saving}
          />
          {dateField('startDate')}
          {dateField('endDate')}
          {dateField('forecastEnd')}
          {numberField('budget')}
          {numberField('actualCost')}
          {numberField('forecastCost')}
          <Dropdown
            label={labels.strategicObjectives}
            placeholder={s.ObjectivesPlaceholder}
            multiSelect={true}
            options={objectiveOptions}
            selectedKeys={draft.strategicObjectives.map((o) => o.id)}
            onChange={(_, o) => {
              if (!o) return;
              const id = Number(o.key);
              const rest = draft.strategicObjectives.filter((x) => x.id !== id);
              const title = (objectives ?? []).find((x) => x.id === id)?.title ?? o.text;
              set('strategicObjectives', o.selected ? [...rest, { id, title }] : rest);
            }}
            errorMessage={errorOf('strategicObjectives') ?? (objectivesFailed ? s.ObjectivesLoadFailed : undefined)}
            disabled={saving}
          />
          {numberField('priorityScore')}
          <TextField label={labels.siteUrl} type="url" value={draft.siteUrl} placeholder={s.SiteUrlPlaceholder} onChange={(_, v) => set('siteUrl', v ?? '')} onBlur={touch('siteUrl')} errorMessage={errorOf('siteUrl')} disabled={saving} />
        </Stack>
      </form>
      <ConflictDialog
        isOpen={!!conflict}
        title={s.ConflictTitle}
        message={s.ConflictMessage}
        fieldLabel={s.ConflictField}
        mineLabel={s.ConflictMine}
        theirsLabel={s.ConflictTheirs}
        rows={rows}
        reloadLabel={s.ConflictReload}
        overwriteLabel={s.ConflictOverwrite}
        cancelLabel={s.Cancel}
        onReload={reload}
        onOverwrite={() => { void overwrite(); }}
        onCancel={() => setConflict(undefined)}
        busy={saving}
      />
      <UnsavedChangesDialog
        isOpen={confirmClose}
        title={s.UnsavedTitle}
        message={s.UnsavedMessage}
        discardLabel={s.Discard}
        keepEditingLabel={s.KeepEditing}
        onDiscard={() => { setConfirmClose(false); props.onDismiss(); }}
        onKeepEditing={() => setConfirmClose(false)}
      />
    </Panel>
  );
}
