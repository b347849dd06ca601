import * as React from 'react';
import {
  ChoiceGroup, type IChoiceGroupOption, TextField, PrimaryButton, DefaultButton,
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
  dimensionLabels, type Dimension, type ReportBase, type ReportForm, type ReportFormKey
} from './reportModel';
import type { IConflictRow } from '../../../components/ConflictDialog';
import { EditFormFrame } from '../../../components/EditPanel';
import { useEditForm } from '../../../components/useEditForm';
import { format } from '../../../components/text';
import { describeError } from '../../../components/errors';
import { RAG_ICONS, ragColours } from '../../../components/ragColours';
import { parseLocaleNumber } from '../../../components/localeNumber';
import { DateField } from '../../../components/DateField';
import { formatShortDate } from '../../../components/dates';


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

/** The report form: validated before saving, what was typed survives any failure, conflicts are a choice. */
export function StatusReportEditor(props: IStatusReportEditorProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const theme = useTheme();
  const [project, setProject] = React.useState<Project>(props.project);
  const labels = commonRagLabels(c);
  const dims = dimensionLabels(s);
  const idBase = React.useMemo(() => `sr-${Math.random().toString(36).slice(2, 8)}`, []);
  const classes = mergeStyleSets({
    form: { maxWidth: 760 },
    date: { maxWidth: 260 },
    error: { color: theme.semanticColors.errorText },
    choices: { selectors: { '.ms-ChoiceFieldGroup-flexContainer': { display: 'flex', flexWrap: 'wrap', gap: 4 } } },
    Green: { color: ragColours(theme).Green },
    Amber: { color: ragColours(theme).Amber },
    Red: { color: ragColours(theme).Red }
  });

  const messages = {
    Required: s.ValidationRequired, ChooseStatus: s.ValidationChooseStatus, InvalidDate: format(c.DateInvalid, formatShortDate(new Date(2027, 0, 15), locale)),
    PercentRange: s.ValidationPercent, NotNegative: s.ValidationNotNegative, NotANumber: s.ValidationNumber
  };

  const edit = useEditForm<ReportForm, StatusReport, Action>({
    initial: props.initial,
    base: props.base,
    isDirty,
    validate: (form) => validateReport(form, messages, locale),
    submit: async (form, { base, overwrite, action }) => {
      const report = { ...reportFromForm(form, base, project, locale), published: action === 'publish' };
      if (action === 'draft') return props.service.saveDraft(report, { overwrite });
      const result = await props.service.publish(report, project, { overwrite });
      props.onPublished(result.report, result.project);
      return result.report;
    },
    afterSave: (saved, action) => {
      if (action !== 'draft') return undefined;
      props.onDraftSaved(saved);
      return { form: formOf(saved, locale), notice: format(s.DraftSaved, formatDate(saved.reportDate, locale)) };
    },
    splitServiceErrors,
    failureText: (e) => format(s.SaveFailed, describeError(e, c)),
    reload: (theirs) => {
      if (conflictKind(theirs) === 'report') return { form: formOf(theirs as StatusReport, locale), base: theirs as StatusReport, notice: s.ReloadedReport };
      // The project's latest-status fields changed (another report was published): the report typed here stays.
      setProject(theirs as Project);
      return { notice: s.ReloadedProject };
    }
  }, props.onClose);
  const { form, errors, base } = edit;
  const set = (key: ReportFormKey, value: string): void => edit.set(key, value as never);

  const onDirtyChange = props.onDirtyChange;
  React.useEffect(() => { onDirtyChange?.(edit.dirty); }, [edit.dirty, onDirtyChange]);
  React.useEffect(() => () => { onDirtyChange?.(false); }, [onDirtyChange]);

  const kind = edit.conflict ? conflictKind(edit.conflict.theirs) : 'report';
  const ragText = (v: Rag | '' | undefined): string => (v ? labels[v] : c.NotSet);
  const conflictRows = (): IConflictRow[] => {
    if (!edit.conflict) return [];
    if (kind === 'project') {
      const theirs = edit.conflict.theirs as Project;
      const mine = props.project;
      return [
        { label: s.ReportDate, mine: formatDate(mine.latestReportDate, locale), theirs: formatDate(theirs.latestReportDate, locale) },
        ...DIMENSIONS.map((d) => {
          const key = `latest${d.charAt(0).toUpperCase()}${d.slice(1)}` as 'latestOverall';
          return { label: dims[d], mine: ragText(mine[key]), theirs: ragText(theirs[key]) };
        }),
        { label: s.PercentComplete, mine: mine.latestPercentComplete === undefined ? '' : `${mine.latestPercentComplete} %`, theirs: theirs.latestPercentComplete === undefined ? '' : `${theirs.latestPercentComplete} %` }
      ].filter((r) => r.mine !== r.theirs);
    }
    const theirs = formOf(edit.conflict.theirs as StatusReport, locale);
    const amount = (t: string): string => { const n = parseLocaleNumber(t, locale); return n === undefined || Number.isNaN(n) ? t : formatAmount(n, locale); };
    return [
      { label: s.ReportDate, mine: formatDate(form.reportDate, locale), theirs: formatDate(theirs.reportDate, locale) },
      ...DIMENSIONS.map((d) => ({ label: dims[d], mine: ragText(form[d]), theirs: ragText(theirs[d]) })),
      { label: s.Summary, mine: form.summary, theirs: theirs.summary },
      { label: s.NextSteps, mine: form.nextSteps, theirs: theirs.nextSteps },
      { label: s.PercentComplete, mine: form.percentComplete, theirs: theirs.percentComplete },
      { label: s.ForecastCost, mine: amount(form.forecastCost), theirs: amount(theirs.forecastCost) },
      { label: s.ForecastEnd, mine: formatDate(form.forecastEnd, locale), theirs: formatDate(theirs.forecastEnd, locale) }
    ].filter((r) => r.mine !== r.theirs);
  };

  const ragOptions = (d: Dimension): IChoiceGroupOption[] => RAG_VALUES.map((r) => ({
    key: r,
    text: labels[r],
    iconProps: { iconName: RAG_ICONS[r], className: classes[r] },
    ariaLabel: `${dims[d]}: ${labels[r]}`
  }));

  const saving = edit.saving;
  const busy = saving !== undefined;
  return (
    <form
      className={classes.form}
      aria-label={base ? s.EditDraftHeading : s.NewReportHeading}
      noValidate={true}
      onSubmit={(e) => { e.preventDefault(); }}
    >
      <EditFormFrame
        edit={edit}
        conflictRows={conflictRows}
        conflictMessage={kind === 'project' ? s.ConflictProjectText : s.ConflictText}
        words={{
          summary: (n) => format(s.ValidationSummary, n), conflictTitle: s.ConflictTitle, conflictMessage: s.ConflictText, conflictField: s.ConflictField,
          conflictMine: s.ConflictMine, conflictTheirs: s.ConflictTheirs, conflictReload: s.ConflictReload, conflictOverwrite: s.ConflictOverwrite,
          cancel: s.Cancel, discardTitle: s.DiscardTitle, discardMessage: s.DiscardText, discard: s.Discard, keepEditing: s.KeepEditing
        }}
      >
        <Text variant="large" as="h3">{base ? s.EditDraftHeading : s.NewReportHeading}</Text>
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
          <PrimaryButton onClick={() => { edit.save('publish').catch(() => undefined); }} disabled={busy || !props.canSave}>{s.Publish}</PrimaryButton>
          <DefaultButton onClick={() => { edit.save('draft').catch(() => undefined); }} disabled={busy || !props.canSave}>{s.SaveDraft}</DefaultButton>
          <DefaultButton onClick={edit.requestClose} disabled={busy}>{s.Cancel}</DefaultButton>
          {busy && <Spinner size={SpinnerSize.small} label={saving === 'publish' ? s.Publishing : s.Saving} labelPosition="right" />}
        </Stack>
      </EditFormFrame>
    </form>
  );
}
