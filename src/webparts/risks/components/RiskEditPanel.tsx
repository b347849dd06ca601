import * as React from 'react';
import { TextField, Dropdown, PrimaryButton, DefaultButton, Stack, Text, mergeStyles } from '@fluentui/react';
import type { Project, Risk, RiskStatus } from '../../../model/portfolio';
import type { PersonRef } from '../../../model/common';
import type { IPeopleService, IRiskService } from '../../../services/editing';
import { RISK_STATUSES } from '../../../schema';
import type { IConflictRow } from '../../../components/ConflictDialog';
import { EditPanel } from '../../../components/EditPanel';
import { useEditForm } from '../../../components/useEditForm';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { formatDate } from '../../../components/format';
import { DateField } from '../../../components/DateField';
import { formatShortDate } from '../../../components/dates';
import { format } from '../../../components/text';
import { describeError } from '../../../components/errors';
import {
  EMPTY_RISK, SCALE, formOfRisk, isRiskDirty, riskFromForm, scoreBand, splitRiskErrors, statusLabel, validateRiskForm, type RiskForm
} from './riskModel';
import { bandLabel } from './RiskHeatMap';

const dateClass = mergeStyles({ maxWidth: 260 });

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

  const owner = async (form: RiskForm): Promise<PersonRef | undefined> => {
    const o = form.owner;
    if (!o) return undefined;
    if (o.id !== undefined) return { id: o.id, title: o.title, email: o.email };
    if (!props.people) return undefined;
    return props.people.ensure(o.email);
  };

  const edit = useEditForm<RiskForm, Risk, 'save'>({
    initial: props.risk ? formOfRisk(props.risk) : EMPTY_RISK,
    base: props.risk,
    isDirty: isRiskDirty,
    validate: (form) => validateRiskForm(form, {
      Required: s.ValidationRequired, TooLong: s.ValidationTooLong, ChooseLevel: s.ValidationLevel,
      InvalidDate: format(c.DateInvalid, formatShortDate(new Date(2027, 0, 15), locale))
    }),
    submit: async (form, { base, overwrite }) => props.service.saveRisk(riskFromForm(form, base, props.project, await owner(form)), { overwrite }),
    afterSave: (saved) => { props.onSaved(saved); },
    splitServiceErrors: splitRiskErrors,
    failureText: (e) => format(s.SaveFailed, describeError(e, c)),
    reload: (theirs) => ({ form: formOfRisk(theirs as Risk), base: theirs as Risk, notice: s.ReloadedRisk })
  }, props.onClose);
  const { form, errors, set } = edit;

  const conflictRows = (): IConflictRow[] => {
    const t = formOfRisk(edit.conflict?.theirs as Risk);
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

  const score = form.probability && form.impact ? form.probability * form.impact : undefined;
  const levels = (kind: 'probability' | 'impact'): Array<{ key: number; text: string }> => SCALE.map((n) => ({ key: n, text: levelLabel(s, kind, n) }));
  const heading = edit.base ? s.EditRiskHeading : s.NewRiskHeading;
  const saving = edit.saving !== undefined;

  return (
    <EditPanel
      edit={edit}
      heading={heading}
      closeLabel={c.Close}
      savingLabel={s.Saving}
      words={{
        summary: (n) => format(s.ValidationSummary, n), conflictTitle: s.ConflictTitle, conflictMessage: s.ConflictText, conflictField: s.ConflictField,
        conflictMine: s.ConflictMine, conflictTheirs: s.ConflictTheirs, conflictReload: s.ConflictReload, conflictOverwrite: s.ConflictOverwrite,
        cancel: s.Cancel, discardTitle: s.DiscardTitle, discardMessage: s.DiscardText, discard: s.Discard, keepEditing: s.KeepEditing
      }}
      conflictRows={conflictRows}
      commands={(
        <>
          <PrimaryButton onClick={() => { edit.save('save').catch(() => undefined); }} disabled={saving}>{s.Save}</PrimaryButton>
          <DefaultButton onClick={edit.requestClose} disabled={saving}>{s.Cancel}</DefaultButton>
        </>
      )}
    >
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
    </EditPanel>
  );
}
