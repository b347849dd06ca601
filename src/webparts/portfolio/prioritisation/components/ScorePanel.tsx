import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, Stack, Text, TextField } from '@fluentui/react';
import type { CriteriaScores, PrioritisationCriterion, Project } from '../../../../model/portfolio';
import type { IPrioritisationService } from '../../../../services/PrioritisationService';
import { parseCriteriaScores } from '../../../../services/scoring';
import { isConflict, describeError } from '../../../../components/errors';
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

export function ScorePanel(props: IScorePanelProps): JSX.Element {
  const { strings: s, project, criteria } = props;
  const initial = (p: Project): Record<string, string> => {
    const scores = parseCriteriaScores(p.criteriaScores);
    return Object.fromEntries(criteria.map((c) => [String(c.id), scores[String(c.id)] !== undefined ? formatLocaleNumber(scores[String(c.id)], props.locale) : '']));
  };
  const [values, setValues] = React.useState<Record<string, string>>(() => initial(project));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [saving, setSaving] = React.useState(false);
  const [failure, setFailure] = React.useState<string | undefined>();
  const [conflict, setConflict] = React.useState<Project | undefined>();

  const save = async (overwrite = false): Promise<void> => {
    const parsed = parseScoreForm(values, criteria, s, props.locale);
    setErrors(parsed.errors);
    if (Object.keys(parsed.errors).length) return;
    // Criteria left empty are sent as "not scored": the service removes them from the stored scores.
    setSaving(true); setFailure(undefined);
    try {
      props.onSaved(await props.service.saveScores(conflict ?? project, parsed.scores, criteria, { overwrite }));
    } catch (e) {
      if (isConflict(e)) setConflict(e.theirs as Project);
      else setFailure(format(s.SaveFailed, describeError(e, props.common)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Panel
      isOpen={true} type={PanelType.smallFixedFar} onDismiss={props.onDismiss} closeButtonAriaLabel={s.Cancel}
      headerText={format(s.ScoreHeading, `${project.code} ${project.title}`)}
      onRenderFooterContent={() => (
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton disabled={saving} onClick={() => { void save(); }}>{saving ? s.Saving : s.Save}</PrimaryButton>
          <DefaultButton onClick={props.onDismiss}>{s.Cancel}</DefaultButton>
        </Stack>
      )}
      isFooterAtBottom={true}
    >
      <Stack tokens={{ childrenGap: 12 }}>
        <Text variant="small">{s.ScoreHint}</Text>
        {conflict && (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline={true} actions={
            <Stack horizontal tokens={{ childrenGap: 8 }}>
              <DefaultButton onClick={() => { setValues(initial(conflict)); props.onSaved(conflict); }}>{s.Reload}</DefaultButton>
              <DefaultButton onClick={() => { void save(true); }}>{s.Overwrite}</DefaultButton>
            </Stack>
          }>{s.Conflict}</MessageBar>
        )}
        {failure && <MessageBar messageBarType={MessageBarType.error} role="alert">{failure}</MessageBar>}
        {criteria.map((c) => (
          <TextField
            key={c.id} label={format(s.ScoreField, c.title, c.scale)} value={values[String(c.id)] ?? ''} inputMode="decimal"
            description={c.description} errorMessage={errors[String(c.id)]}
            onChange={(_e, v) => setValues({ ...values, [String(c.id)]: v ?? '' })}
          />
        ))}
      </Stack>
    </Panel>
  );
}
