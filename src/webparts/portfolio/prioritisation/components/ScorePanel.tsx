import * as React from 'react';
import { Text, TextField } from '@fluentui/react';
import type { CriteriaScores, PrioritisationCriterion, Project } from '../../../../model/portfolio';
import type { IPrioritisationService } from '../../../../services/PrioritisationService';
import { parseCriteriaScores } from '../../../../services/scoring';
import type { IConflictRow } from '../../../../components/ConflictDialog';
import { useEditForm } from '../../../../components/useEditForm';
import { describeError } from '../../../../components/errors';
import { SavePanel } from './SavePanel';
import { format } from '../../../../components/text';
import { formatLocaleNumber, parseLocaleNumber } from '../../../../components/localeNumber';

export interface IScorePanelProps {
  service: IPrioritisationService;
  project: Project;
  /** The active criteria: the ones a PMO member scores today. */
  criteria: PrioritisationCriterion[];
  strings: IPortfolioPlanningWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  onSaved: (p: Project) => void;
  onDismiss: () => void;
}

/** Typed text → scores; an empty field means "not scored". Errors per criterion ID. */
export function parseScoreForm(values: Record<string, string>, criteria: readonly PrioritisationCriterion[], s: IPortfolioPlanningWebPartStrings, locale: string): { scores: CriteriaScores; errors: Record<string, string> } {
  const scores: CriteriaScores = {};
  const errors: Record<string, string> = {};
  for (const c of criteria) {
    const n = parseLocaleNumber(values[String(c.id)] ?? '', locale);
    if (n === undefined) continue;
    if (Number.isNaN(n) || n < 0 || n > c.scale) errors[String(c.id)] = format(s.NumberRange, 0, c.scale);
    else scores[String(c.id)] = n;
  }
  return { scores, errors };
}

/** The form of a project's scores: each active criterion's score as the language writes it. */
export function formOfScores(p: Project, criteria: readonly PrioritisationCriterion[], locale: string): Record<string, string> {
  const scores = parseCriteriaScores(p.criteriaScores);
  return Object.fromEntries(criteria.map((c) => [String(c.id), scores[String(c.id)] !== undefined ? formatLocaleNumber(scores[String(c.id)], locale) : '']));
}

/** Score one project against the active criteria; the project's ETag travels with the save. */
export function ScorePanel(props: IScorePanelProps): JSX.Element {
  const { strings: s, common: c, project, criteria, locale } = props;
  const edit = useEditForm<Record<string, string>, Project, 'save'>({
    initial: formOfScores(project, criteria, locale),
    base: project,
    validate: (values) => parseScoreForm(values, criteria, s, locale).errors,
    // Criteria left empty are sent as "not scored": the service removes them from the stored scores.
    submit: (values, { base, overwrite }) => props.service.saveScores(base ?? project, parseScoreForm(values, criteria, s, locale).scores, criteria, { overwrite }),
    afterSave: (saved) => { props.onSaved(saved); },
    splitServiceErrors: (fields) => ({ form: {}, other: Object.keys(fields).map((k) => format(s.SaveFailed, k)) }),
    failureText: (e) => format(s.SaveFailed, describeError(e, c)),
    reload: (theirs) => ({ form: formOfScores(theirs as Project, criteria, locale), base: theirs as Project, notice: c.FormReloaded })
  }, props.onDismiss);

  const conflictRows = (): IConflictRow[] => {
    const t = formOfScores(edit.conflict?.theirs as Project, criteria, locale);
    return criteria.map((x) => ({ label: x.title, mine: edit.form[String(x.id)] ?? '', theirs: t[String(x.id)] ?? '' })).filter((r) => r.mine !== r.theirs);
  };

  return (
    <SavePanel edit={edit} heading={format(s.ScoreHeading, `${project.code} ${project.title}`)} conflictRows={conflictRows} strings={s} common={c}>
      <Text variant="small">{s.ScoreHint}</Text>
      {criteria.map((x) => (
        <TextField
          key={x.id} label={format(s.ScoreField, x.title, x.scale)} value={edit.form[String(x.id)] ?? ''} inputMode="decimal"
          description={x.description} errorMessage={edit.errors[String(x.id)]}
          onChange={(_e, v) => edit.set(String(x.id), v ?? '')}
        />
      ))}
    </SavePanel>
  );
}
