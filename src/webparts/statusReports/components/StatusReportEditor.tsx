import * as React from 'react';
import {
  ChoiceGroup, type IChoiceGroupOption, TextField, PrimaryButton, DefaultButton, MessageBar, MessageBarType,
  Stack, Text, Spinner, SpinnerSize, mergeStyleSets, useTheme
} from '@fluentui/react';
import type { Project, StatusReport } from '../../../model/portfolio';
import type { Rag } from '../../../model/common';
import type { IStatusReportService } from '../../../services/editing';
import { RAG_VALUES } from '../../../schema';
import { formatAmount, formatDate } from '../../../components/format';
import { ragLabels as commonRagLabels } from '../../../components/labels';
import {
  DIMENSIONS, commentKey, conflictKind, formOf, isDirty, reportFromForm, splitServiceErrors, validateReport,
  type Dimension, type FormErrors, type ReportBase, type ReportForm, type ReportFormKey
} from './reportModel';
import { ConflictDialog, type IConflictRow } from '../../../components/ConflictDialog';
import { UnsavedChangesDialog, useBeforeUnload } from '../../../components/UnsavedChangesGuard';
import { isConflict, isValidation } from '../../../components/errors';
import { errorText, format } from '../../../components/text';
import { parseLocaleNumber } from '../../../components/localeNumber';
import { DateField } from '../../../components/DateField';
import { formatShortDate } from '../../../components/dates';

const ICONS: Record<Rag, string> = { Green: 'SkypeCircleCheck', Amber: 'WarningSolid', Red: 'StatusErrorFull' };

export interface IStatusReportEditorProps {
  project: Project;
  service: IStatusReportService;
  /** The draft being continued, or undefined for a new report. */
  base: ReportBase;
  initial: ReportForm;
  strings: IStatusReportsWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** May the user save (add a new report, or edit the draft)? */
  canSave: boolean;
  onDraftSaved: (report: StatusReport) => void;
  onPublished: (report: StatusReport, project: Project) => void;
  onClose: () => void;
  onDirtyChange?: (dirty: boolean) => void;
}

type Action = 'draft' | 'publish';

interface Conflict {
  action: Action;
  kind: 'report' | 'project';
  theirs: StatusReport | Project;
}

export function dimensionLabels(s: IStatusReportsWebPartStrings): Record<Dimension, string> {
  return { overall: s.Overall, schedule: s.Schedule, cost: s.Cost, scope: s.Scope, risk: s.Risk };
}

/** The report form: validated before saving, what was typed survives any failure, conflicts are a choice. */
export function StatusReportEditor(props: IStatusReportEditorProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const theme = useTheme();
  const [base, setBase] = React.useState<ReportBase>(props.base);
  const [initial, setInitial] = React.useState<ReportForm>(props.initial);
  const [form, setForm] = React.useState<ReportForm>(props.initial);
  const [project, setProject] = React.useState<Project>(props.project);
  const [errors, setErrors] = React.useState<FormErrors>({});
  const [general, setGeneral] = React.useState<string[]>([]);
  const [saving, setSaving] = React.useState<Action | undefined>(undefined);
  const [saveError, setSaveError] = React.useState<string | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);
  const [conflict, setConflict] = React.useState<Conflict | undefined>(undefined);
  const [confirmClose, setConfirmClose] = React.useState(false);
  const dirty = isDirty(form, initial);
  const labels = commonRagLabels(c);
  const dims = dimensionLabels(s);
  const idBase = React.useMemo(() => `sr-${Math.random().toString(36).slice(2, 8)}`, []);
  const classes = mergeStyleSets({
    form: { maxWidth: 760 },
    date: { maxWidth: 260 },
    error: { color: theme.semanticColors.errorText },
    choices: { selectors: { '.ms-ChoiceFieldGroup-flexContainer': { display: 'flex', flexWrap: 'wrap', gap: 4 } } },
    Green: { color: theme.semanticColors.successIcon },
    Amber: { color: theme.semanticColors.severeWarningIcon },
    Red: { color: theme.semanticColors.errorIcon }
  });

  const onDirtyChange = props.onDirtyChange;
  React.useEffect(() => { onDirtyChange?.(dirty); }, [dirty, onDirtyChange]);
  React.useEffect(() => () => { onDirtyChange?.(false); }, [onDirtyChange]);
  useBeforeUnload(dirty);

  const set = (key: ReportFormKey, value: string): void => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
    setNotice(undefined);
  };

  const messages = {
    Required: s.ValidationRequired, ChooseStatus: s.ValidationChooseStatus, InvalidDate: format(c.DateInvalid, formatShortDate(new Date(2027, 0, 15), locale)),
    PercentRange: s.ValidationPercent, NotNegative: s.ValidationNotNegative, NotANumber: s.ValidationNumber
  };

  const save = async (action: Action, overwrite: boolean = false): Promise<void> => {
    setSaveError(undefined);
    setNotice(undefined);
    setGeneral([]);
    const found = validateReport(form, messages, locale);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const report = { ...reportFromForm(form, base, project, locale), published: action === 'publish' };
    setSaving(action);
    try {
      if (action === 'draft') {
        const saved = await props.service.saveDraft(report, { overwrite });
        const next = formOf(saved, locale);
        setBase(saved);
        setInitial(next);
        setForm(next);
        setNotice(format(s.DraftSaved, formatDate(saved.reportDate, locale)));
        props.onDraftSaved(saved);
      } else {
        const result = await props.service.publish(report, project, { overwrite });
        setInitial(form);
        props.onPublished(result.report, result.project);
      }
    } catch (e) {
      if (isConflict(e)) {
        setConflict({ action, kind: conflictKind(e.theirs), theirs: e.theirs as StatusReport | Project });
      } else if (isValidation(e)) {
        const split = splitServiceErrors(e.fields);
        setErrors(split.form);
        setGeneral(split.other);
      } else {
        setSaveError(format(s.SaveFailed, errorText(e)));
      }
    } finally {
      setSaving(undefined);
    }
  };

  const errorCount = Object.values(errors).filter(Boolean).length + general.length;

  const ragText = (v: Rag | '' | undefined): string => (v ? labels[v] : c.NotSet);
  const conflictRows = (): IConflictRow[] => {
    if (!conflict) return [];
    if (conflict.kind === 'project') {
      const theirs = conflict.theirs as Project;
      const mine = props.project;
      return [
        { label: s.ReportDate, mine: formatDate(mine.latestReportDate, locale), theirs: formatDate(theirs.latestReportDate, locale) },
        ...DIMENSIONS.map((d) => {
          const key = `latest${d.charAt(0).toUpperCase()}${d.slice(1)}` as 'latestOverall';
          return { label: dims[d], mine: ragText(mine[key]), theirs: ragText(theirs[key]) };
        }),
        { label: s.PercentComplete, mine: mine.latestPercentComplete === undefined ? '' : `${mine.latestPercentComplete} %`, theirs: theirs.latestPercentComplete === undefined ? '' : `${theirs.latestPercentComplete} %` }
      ];
    }
    const theirs = formOf(conflict.theirs as StatusReport, locale);
    const amount = (t: string): string => { const n = parseLocaleNumber(t, locale); return n === undefined || Number.isNaN(n) ? t : formatAmount(n, locale); };
    return [
      { label: s.ReportDate, mine: formatDate(form.reportDate, locale), theirs: formatDate(theirs.reportDate, locale) },
      ...DIMENSIONS.map((d) => ({ label: dims[d], mine: ragText(form[d]), theirs: ragText(theirs[d]) })),
      { label: s.Summary, mine: form.summary, theirs: theirs.summary },
      { label: s.NextSteps, mine: form.nextSteps, theirs: theirs.nextSteps },
      { label: s.PercentComplete, mine: form.percentComplete, theirs: theirs.percentComplete },
      { label: s.ForecastCost, mine: amount(form.forecastCost), theirs: amount(theirs.forecastCost) },
      { label: s.ForecastEnd, mine: formatDate(form.forecastEnd, locale), theirs: formatDate(theirs.forecastEnd, locale) }
    ];
  };

  const reload = (): void => {
    if (!conflict) return;
    if (conflict.kind === 'report') {
      const theirs = conflict.theirs as StatusReport;
      const next = formOf(theirs, locale);
      setBase(theirs);
      setInitial(next);
      setForm(next);
      setNotice(s.ReloadedReport);
    } else {
      // The project's latest-status fields changed (another report was published): the report typed here stays.
      setProject(conflict.theirs as Project);
      setNotice(s.ReloadedProject);
    }
    setErrors({});
    setConflict(undefined);
  };

  const overwrite = (): void => {
    if (!conflict) return;
    const action = conflict.action;
    setConflict(undefined);
    save(action, true).catch(() => undefined);
  };

  const close = (): void => {
    if (dirty) setConfirmClose(true);
    else props.onClose();
  };

  const ragOptions = (d: Dimension): IChoiceGroupOption[] => RAG_VALUES.map((r) => ({
    key: r,
    text: labels[r],
    iconProps: { iconName: ICONS[r], className: classes[r] },
    ariaLabel: `${dims[d]}: ${labels[r]}`
  }));

  const busy = saving !== undefined;
  return (
    <form
      className={classes.form}
      aria-label={base ? s.EditDraftHeading : s.NewReportHeading}
      noValidate={true}
      onSubmit={(e) => { e.preventDefault(); }}
    >
      <Stack tokens={{ childrenGap: 12 }}>
        <Text variant="large" as="h3">{base ? s.EditDraftHeading : s.NewReportHeading}</Text>
        {errorCount > 0 && (
          <MessageBar messageBarType={MessageBarType.error} role="alert">
            {format(s.ValidationSummary, errorCount)}
            {general.map((g) => <div key={g}>{g}</div>)}
          </MessageBar>
        )}
        {saveError && <MessageBar messageBarType={MessageBarType.error} role="alert" isMultiline={true}>{saveError}</MessageBar>}
        {notice && <MessageBar messageBarType={MessageBarType.success} role="status">{notice}</MessageBar>}
        <DateField
          label={s.ReportDate}
          required={true}
          value={form.reportDate || undefined}
          onChange={(v) => set('reportDate', v ?? '')}
          locale={locale}
          common={c}
          errorMessage={errors.reportDate}
          className={classes.date}
        />
        {DIMENSIONS.map((d) => (
          <div key={d}>
            <ChoiceGroup
              className={classes.choices}
              label={dims[d]}
              required={true}
              options={ragOptions(d)}
              selectedKey={form[d]}
              onChange={(_, o) => { if (o) set(d, String(o.key)); }}
              aria-describedby={errors[d] ? `${idBase}-${d}-error` : undefined}
            />
            {errors[d] && <Text id={`${idBase}-${d}-error`} variant="small" className={classes.error}>{errors[d]}</Text>}
            <TextField
              label={format(s.DimensionComment, dims[d])}
              multiline={true}
              autoAdjustHeight={true}
              rows={2}
              value={form[commentKey(d)]}
              onChange={(_, v) => set(commentKey(d), v ?? '')}
              errorMessage={errors[commentKey(d)]}
            />
          </div>
        ))}
        <TextField
          label={s.Summary}
          multiline={true}
          autoAdjustHeight={true}
          rows={4}
          required={true}
          value={form.summary}
          onChange={(_, v) => set('summary', v ?? '')}
          errorMessage={errors.summary}
        />
        <TextField
          label={s.NextSteps}
          multiline={true}
          autoAdjustHeight={true}
          rows={3}
          value={form.nextSteps}
          onChange={(_, v) => set('nextSteps', v ?? '')}
          errorMessage={errors.nextSteps}
        />
        <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 12 }}>
          <TextField
            label={s.PercentComplete}
            suffix="%"
            inputMode="numeric"
            value={form.percentComplete}
            onChange={(_, v) => set('percentComplete', v ?? '')}
            errorMessage={errors.percentComplete}
            styles={{ root: { width: 160 } }}
          />
          <TextField
            label={s.ForecastCost}
            inputMode="decimal"
            value={form.forecastCost}
            onChange={(_, v) => set('forecastCost', v ?? '')}
            errorMessage={errors.forecastCost}
            styles={{ root: { width: 200 } }}
          />
          <DateField
            label={s.ForecastEnd}
            value={form.forecastEnd || undefined}
            onChange={(v) => set('forecastEnd', v ?? '')}
            locale={locale}
            common={c}
            errorMessage={errors.forecastEnd}
            className={classes.date}
          />
        </Stack>
        <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 8 }} verticalAlign="center">
          <PrimaryButton onClick={() => { save('publish').catch(() => undefined); }} disabled={busy || !props.canSave}>{s.Publish}</PrimaryButton>
          <DefaultButton onClick={() => { save('draft').catch(() => undefined); }} disabled={busy || !props.canSave}>{s.SaveDraft}</DefaultButton>
          <DefaultButton onClick={close} disabled={busy}>{s.Cancel}</DefaultButton>
          {busy && <Spinner size={SpinnerSize.small} label={saving === 'publish' ? s.Publishing : s.Saving} labelPosition="right" />}
        </Stack>
      </Stack>
      <ConflictDialog
        isOpen={!!conflict}
        title={s.ConflictTitle}
        message={conflict?.kind === 'project' ? s.ConflictProjectText : s.ConflictText}
        fieldLabel={s.ConflictField}
        mineLabel={s.ConflictMine}
        theirsLabel={s.ConflictTheirs}
        rows={conflictRows().filter((r) => r.mine !== r.theirs)}
        reloadLabel={s.ConflictReload}
        overwriteLabel={s.ConflictOverwrite}
        cancelLabel={s.Cancel}
        busy={busy}
        onReload={reload}
        onOverwrite={overwrite}
        onCancel={() => setConflict(undefined)}
      />
      <UnsavedChangesDialog
        isOpen={confirmClose}
        title={s.DiscardTitle}
        message={s.DiscardText}
        discardLabel={s.Discard}
        keepEditingLabel={s.KeepEditing}
        onKeepEditing={() => setConfirmClose(false)}
        onDiscard={() => { setConfirmClose(false); setForm(initial); props.onClose(); }}
      />
    </form>
  );
}
