import * as React from 'react';
import { TextField, Dropdown, PrimaryButton, DefaultButton, getId, type IDropdownOption } from '@fluentui/react';
import type { Project, ProjectMethod, ProjectPhase, StrategicObjective } from '../../../model/portfolio';
import type { PersonRef } from '../../../model/common';
import type { IPeopleService, IProjectEditingService } from '../../../services/editing';
import { ValidationError } from '../../../services/errors';
import { PROJECT_METHODS, PROJECT_PHASES } from '../../../schema';
import { EditPanel } from '../../../components/EditPanel';
import { useEditForm } from '../../../components/useEditForm';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { DateField } from '../../../components/DateField';
import { formatShortDate } from '../../../components/dates';
import { formatLocaleNumber } from '../../../components/localeNumber';
import { methodLabel, phaseLabel } from '../../../components/labels';
import {
  conflictRows, emptyDraft, fromDraft, isDirty, splitServiceErrors, toDraft, validateDraft, CODE_MAX,
  type EditableField, type FieldLabels, type PickedPerson, type ProjectDraft
} from './projectForm';
import { format } from '../../../components/text';
import { describeError } from '../../../components/errors';

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
  const [submitted, setSubmitted] = React.useState(false);
  const [touched, setTouched] = React.useState<Partial<Record<EditableField, boolean>>>({});
  const [codeCheck, setCodeCheck] = React.useState<{ code: string; taken: boolean } | undefined>(undefined);
  const [checkingCode, setCheckingCode] = React.useState(false);
  const [objectives, setObjectives] = React.useState<Objective[] | undefined>(undefined);
  const [objectivesFailed, setObjectivesFailed] = React.useState(false);
  const ids = React.useRef({ units: getId('units'), programmes: getId('programmes') }).current;

  React.useEffect(() => {
    let live = true;
    editing.strategicObjectives().then((o) => { if (live) setObjectives(o); }, () => { if (live) setObjectivesFailed(true); });
    return () => { live = false; };
  }, [editing]);

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
    siteUrl: s.FieldSiteUrl
  };

  const resolvePerson = async (p: PickedPerson | undefined): Promise<PersonRef | undefined> => {
    if (!p) return undefined;
    if (p.id !== undefined) return { id: p.id, title: p.title, email: p.email };
    return people.ensure(p.email);
  };

  const edit = useEditForm<ProjectDraft, Project, 'save'>({
    initial: props.project ? toDraft(props.project, locale) : emptyDraft(props.defaultPhase || 'Idea'),
    base: props.project,
    isDirty,
    validate: (d) => {
      const errors = validateDraft(d, locale, messages);
      const typed = d.code.trim();
      if (!errors.code && codeCheck && codeCheck.code === typed && codeCheck.taken) errors.code = format(s.ErrCodeTaken, typed);
      return errors;
    },
    submit: async (d, { base, overwrite }) => {
      const typed = d.code.trim();
      // The code was checked while typing (debounced); the save checks again without waiting.
      if (!base || base.code.toLowerCase() !== typed.toLowerCase()) {
        const taken = await editing.isCodeTaken(typed, base?.id);
        setCodeCheck({ code: typed, taken });
        if (taken) throw new ValidationError({ code: format(s.ErrCodeTaken, typed) });
      }
      const resolved: { leader?: PersonRef; sponsor?: PersonRef } = {};
      for (const f of ['leader', 'sponsor'] as const) {
        try {
          resolved[f] = await resolvePerson(d[f]);
        } catch {
          throw new ValidationError({ [f]: format(s.PeopleResolveFailed, d[f]?.title ?? '') });
        }
      }
      return editing.saveProject(fromDraft(d, locale, base, resolved) as Project, { overwrite });
    },
    afterSave: (saved) => { props.onSaved(saved); },
    splitServiceErrors: (fields) => { const split = splitServiceErrors(fields); return { form: split.byField, other: split.other }; },
    failureText: (e) => format(s.SaveFailed, describeError(e, c)),
    reload: (theirs) => ({ form: toDraft(theirs as Project, locale), base: theirs as Project, notice: s.ConflictReloaded })
  }, props.onDismiss);
  const draft = edit.form;
  const original = edit.base;
  const saving = edit.saving !== undefined;

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

  const clientErrors = validateDraft(draft, locale, messages);
  const codeTaken = codeCheck && codeCheck.code === code && codeCheck.taken ? format(s.ErrCodeTaken, code) : undefined;
  if (!clientErrors.code && codeTaken) clientErrors.code = codeTaken;
  // Messages appear once a field was left or a save was tried; a taken code at once, as it is typed.
  const errorOf = (f: EditableField): string | undefined =>
    edit.errors[f] ?? (submitted || touched[f] ? clientErrors[f] : f === 'code' ? codeTaken : undefined);

  const set = <K extends keyof ProjectDraft>(key: K, value: ProjectDraft[K]): void => edit.set(key, value);
  const touch = (f: EditableField): (() => void) => (): void => setTouched((t) => (t[f] ? t : { ...t, [f]: true }));
  const save = (): void => { setSubmitted(true); edit.save('save').catch(() => undefined); };

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
  const numberField = (f: 'budget' | 'actualCost' | 'forecastCost'): JSX.Element => (
    <TextField
      label={labels[f]}
      value={draft[f]}
      onChange={(_, v) => set(f, v ?? '')}
      onBlur={touch(f)}
      inputMode="decimal"
      description={format(s.NumberExample, example)}
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
  const conflictTable = (): Array<{ label: string; mine: string; theirs: string }> => {
    const ref = (p: PickedPerson | undefined): PersonRef | undefined => (p ? { id: p.id ?? 0, title: p.title, email: p.email } : undefined);
    const mine = fromDraft(draft, locale, original, { leader: ref(draft.leader), sponsor: ref(draft.sponsor) }) as Project;
    return conflictRows(mine, edit.conflict?.theirs as Project, labels, locale, c);
  };
  const heading = original ? format(s.EditProjectHeading, original.title) : s.NewProject;

  return (
    <EditPanel
      edit={edit}
      heading={heading}
      closeLabel={c.Close}
      savingLabel={s.Saving}
      quietSpinner={true}
      words={{
        summary: () => s.FixErrors, conflictTitle: s.ConflictTitle, conflictMessage: s.ConflictMessage, conflictField: s.ConflictField,
        conflictMine: s.ConflictMine, conflictTheirs: s.ConflictTheirs, conflictReload: s.ConflictReload, conflictOverwrite: s.ConflictOverwrite,
        cancel: s.Cancel, discardTitle: s.UnsavedTitle, discardMessage: s.UnsavedMessage, discard: s.Discard, keepEditing: s.KeepEditing
      }}
      conflictRows={conflictTable}
      onSubmit={save}
      commands={(
        <>
          <PrimaryButton onClick={save} disabled={saving}>{saving ? s.Saving : s.Save}</PrimaryButton>
          <DefaultButton onClick={edit.requestClose} disabled={saving}>{s.Cancel}</DefaultButton>
        </>
      )}
    >
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
      <TextField label={labels.siteUrl} type="url" value={draft.siteUrl} placeholder={s.SiteUrlPlaceholder} onChange={(_, v) => set('siteUrl', v ?? '')} onBlur={touch('siteUrl')} errorMessage={errorOf('siteUrl')} disabled={saving} />
    </EditPanel>
  );
}
