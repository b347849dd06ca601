import * as React from 'react';
import {
  Panel, PanelType, TextField, Dropdown, PrimaryButton, DefaultButton, MessageBar, MessageBarType, Stack, Text, Spinner, SpinnerSize, mergeStyles
} from '@fluentui/react';
import type { Project, Risk, RiskStatus } from '../../../model/portfolio';
import type { PersonRef } from '../../../model/common';
import type { IPeopleService, IRiskService } from '../../../services/editing';
import { RISK_STATUSES } from '../../../schema';
import { ConflictDialog, type IConflictRow } from '../../../components/ConflictDialog';
import { UnsavedChangesDialog, useBeforeUnload } from '../../../components/UnsavedChangesGuard';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { formatDate } from '../../../components/format';
import { DateField } from '../../../components/DateField';
import { formatShortDate } from '../../../components/dates';

const dateClass = mergeStyles({ maxWidth: 260 });
import { isConflict, isValidation } from '../../../components/errors';
import { errorText, format } from '../../../components/text';
import {
  EMPTY_RISK, SCALE, formOfRisk, isRiskDirty, riskFromForm, scoreBand, splitRiskErrors, validateRiskForm,
  type RiskErrors, type RiskForm, type RiskFormKey
} from './riskModel';
import { bandLabel } from './RiskHeatMap';

export function statusLabel(s: IRisksWebPartStrings, status: RiskStatus): string {
  return ({ Open: s.StatusOpen, Mitigating: s.StatusMitigating, Accepted: s.StatusAccepted, Closed: s.StatusClosed } as Record<RiskStatus, string>)[status] ?? status;
}

export function levelLabel(s: IRisksWebPartStrings, kind: 'probability' | 'impact', n: number): string {
  const names = kind === 'probability'
    ? [s.Probability1, s.Probability2, s.Probability3, s.Probability4, s.Probability5]
    : [s.Impact1, s.Impact2, s.Impact3, s.Impact4, s.Impact5];
  return `${n} – ${names[n - 1]}`;
}

export interface IRiskEditPanelProps {
  /** The risk being edited; undefined = a new risk. */
  risk?: Risk;
  project: Pick<Project, 'id' | 'title'>;
  service: IRiskService;
  people?: IPeopleService;
  strings: IRisksWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  onSaved: (risk: Risk) => void;
  onClose: () => void;
}

/** Add or edit one risk: validated before saving, nothing typed is lost, a conflict is the user's choice. */
export function RiskEditPanel(props: IRiskEditPanelProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const [base, setBase] = React.useState<Risk | undefined>(props.risk);
  const [initial, setInitial] = React.useState<RiskForm>(props.risk ? formOfRisk(props.risk) : EMPTY_RISK);
  const [form, setForm] = React.useState<RiskForm>(initial);
  const [errors, setErrors] = React.useState<RiskErrors>({});
  const [general, setGeneral] = React.useState<string[]>([]);
  const [saving, setSaving] = React.useState(false);
  const [saveError, setSaveError] = React.useState<string | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);
  const [theirs, setTheirs] = React.useState<Risk | undefined>(undefined);
  const [asking, setAsking] = React.useState(false);
  const dirty = isRiskDirty(form, initial);
  useBeforeUnload(dirty);

  const set = <K extends RiskFormKey>(key: K, value: RiskForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  };

  const owner = async (): Promise<PersonRef | undefined> => {
    const o = form.owner;
    if (!o) return undefined;
    if (o.id !== undefined) return { id: o.id, title: o.title, email: o.email };
    if (!props.people) return undefined;
    return props.people.ensure(o.email);
  };

  const save = async (overwrite: boolean = false): Promise<void> => {
    setSaveError(undefined);
    setNotice(undefined);
    setGeneral([]);
    const found = validateRiskForm(form, { Required: s.ValidationRequired, TooLong: s.ValidationTooLong, ChooseLevel: s.ValidationLevel, InvalidDate: format(c.DateInvalid, formatShortDate(new Date(2027, 0, 15), locale)) });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const saved = await props.service.saveRisk(riskFromForm(form, base, props.project, await owner()), { overwrite });
      setInitial(form);
      props.onSaved(saved);
    } catch (e) {
      if (isConflict(e)) setTheirs(e.theirs as Risk);
      else if (isValidation(e)) {
        const split = splitRiskErrors(e.fields);
        setErrors(split.form);
        setGeneral(split.other);
      } else setSaveError(format(s.SaveFailed, errorText(e)));
    } finally {
      setSaving(false);
    }
  };

  const dismiss = (): void => {
    if (dirty) setAsking(true);
    else props.onClose();
  };

  const conflictRows = (): IConflictRow[] => {
    if (!theirs) return [];
    const t = formOfRisk(theirs);
    const status = (v: RiskStatus | ''): string => (v ? statusLabel(s, v) : '');
    const rows: IConflictRow[] = [
      { label: s.ColumnTitle, mine: form.title, theirs: t.title },
      { label: s.Description, mine: form.description, theirs: t.description },
      { label: s.Probability, mine: String(form.probability || ''), theirs: String(t.probability || '') },
      { label: s.Impact, mine: String(form.impact || ''), theirs: String(t.impact || '') },
      { label: s.Owner, mine: form.owner?.title ?? '', theirs: t.owner?.title ?? '' },
      { label: s.Mitigation, mine: form.mitigation, theirs: t.mitigation },
      { label: s.Status, mine: status(form.status), theirs: status(t.status) },
      { label: s.Due, mine: formatDate(form.due, locale), theirs: formatDate(t.due, locale) }
    ];
    return rows.filter((r) => r.mine !== r.theirs);
  };

  const reload = (): void => {
    if (!theirs) return;
    const next = formOfRisk(theirs);
    setBase(theirs);
    setInitial(next);
    setForm(next);
    setErrors({});
    setTheirs(undefined);
    setNotice(s.ReloadedRisk);
  };

  const errorCount = Object.values(errors).filter(Boolean).length + general.length;
  const score = form.probability && form.impact ? form.probability * form.impact : undefined;
  const levels = (kind: 'probability' | 'impact'): Array<{ key: number; text: string }> => SCALE.map((n) => ({ key: n, text: levelLabel(s, kind, n) }));
  const heading = base ? s.EditRiskHeading : s.NewRiskHeading;

  return (
    <Panel
      isOpen={true}
      type={PanelType.medium}
      headerText={heading}
      onDismiss={dismiss}
      isBlocking={true}
      closeButtonAriaLabel={c.Close}
      isFooterAtBottom={true}
      onRenderFooterContent={() => (
        <Stack horizontal={true} tokens={{ childrenGap: 8 }} verticalAlign="center">
          <PrimaryButton onClick={() => { save().catch(() => undefined); }} disabled={saving}>{s.Save}</PrimaryButton>
          <DefaultButton onClick={dismiss} disabled={saving}>{s.Cancel}</DefaultButton>
          {saving && <Spinner size={SpinnerSize.small} label={s.Saving} labelPosition="right" />}
        </Stack>
      )}
    >
      <form noValidate={true} aria-label={heading} onSubmit={(e) => { e.preventDefault(); save().catch(() => undefined); }}>
        <Stack tokens={{ childrenGap: 12 }}>
          {errorCount > 0 && (
            <MessageBar messageBarType={MessageBarType.error}>
              {format(s.ValidationSummary, errorCount)}
              {general.map((g) => <div key={g}>{g}</div>)}
            </MessageBar>
          )}
          {saveError && <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>{saveError}</MessageBar>}
          {notice && <MessageBar messageBarType={MessageBarType.info}>{notice}</MessageBar>}
          <TextField label={s.ColumnTitle} required={true} value={form.title} onChange={(_, v) => set('title', v ?? '')} errorMessage={errors.title} />
          <TextField label={s.Description} multiline={true} rows={3} autoAdjustHeight={true} value={form.description} onChange={(_, v) => set('description', v ?? '')} errorMessage={errors.description} />
          <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 12 }}>
            <Dropdown
              label={s.Probability}
              required={true}
              options={levels('probability')}
              selectedKey={form.probability || ''}
              onChange={(_, o) => { if (o) set('probability', Number(o.key)); }}
              errorMessage={errors.probability}
              styles={{ root: { minWidth: 200 } }}
            />
            <Dropdown
              label={s.Impact}
              required={true}
              options={levels('impact')}
              selectedKey={form.impact || ''}
              onChange={(_, o) => { if (o) set('impact', Number(o.key)); }}
              errorMessage={errors.impact}
              styles={{ root: { minWidth: 200 } }}
            />
          </Stack>
          <Text aria-live="polite">{score ? format(s.ScorePreview, score, bandLabel(s, scoreBand(score))) : s.ScoreUnknown}</Text>
          {props.people ? (
            <PeoplePicker
              label={s.Owner}
              people={props.people}
              selected={form.owner}
              onChange={(p) => set('owner', p)}
              suggestionsHeaderText={s.PeopleSuggestions}
              noResultsFoundText={s.PeopleNoResults}
              loadingText={c.Loading}
              removeButtonAriaLabel={s.PeopleRemove}
              errorMessage={errors.owner}
            />
          ) : (
            <TextField label={s.Owner} readOnly={true} value={form.owner?.title ?? ''} description={s.OwnerReadOnly} />
          )}
          <TextField label={s.Mitigation} multiline={true} rows={3} autoAdjustHeight={true} value={form.mitigation} onChange={(_, v) => set('mitigation', v ?? '')} errorMessage={errors.mitigation} />
          <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 12 }}>
            <Dropdown
              label={s.Status}
              required={true}
              options={RISK_STATUSES.map((st) => ({ key: st, text: statusLabel(s, st) }))}
              selectedKey={form.status}
              onChange={(_, o) => { if (o) set('status', o.key as RiskStatus); }}
              errorMessage={errors.status}
              styles={{ root: { minWidth: 200 } }}
            />
            <DateField label={s.Due} value={form.due || undefined} onChange={(v) => set('due', v ?? '')} locale={locale} common={c} errorMessage={errors.due} className={dateClass} />
          </Stack>
        </Stack>
      </form>
      <ConflictDialog
        isOpen={!!theirs}
        title={s.ConflictTitle}
        message={s.ConflictText}
        fieldLabel={s.ConflictField}
        mineLabel={s.ConflictMine}
        theirsLabel={s.ConflictTheirs}
        rows={conflictRows()}
        reloadLabel={s.ConflictReload}
        overwriteLabel={s.ConflictOverwrite}
        cancelLabel={s.Cancel}
        busy={saving}
        onReload={reload}
        onOverwrite={() => { setTheirs(undefined); save(true).catch(() => undefined); }}
        onCancel={() => setTheirs(undefined)}
      />
      <UnsavedChangesDialog
        isOpen={asking}
        title={s.DiscardTitle}
        message={s.DiscardText}
        discardLabel={s.Discard}
        keepEditingLabel={s.KeepEditing}
        onKeepEditing={() => setAsking(false)}
        onDiscard={() => { setAsking(false); props.onClose(); }}
      />
    </Panel>
  );
}
