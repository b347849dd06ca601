import * as React from 'react';
import { MessageBar, MessageBarType, Stack, Text } from '@fluentui/react';
import type { Project } from '../../../model/portfolio';
import { benefitProgress, isOpenBenefit, type Benefit } from '../../../model/benefits';
import { useLoader } from '../../../components/useLoader';
import { ErrorState, LoadingState } from '../../../components/States';
import { formatLocaleNumber } from '../../../components/localeNumber';
import { phaseLabel } from '../../../components/labels';
import { format } from '../../../components/text';

/** What the details panel reads of benefits: one project's, on the indexed project lookup. */
export interface IProjectBenefitsReader {
  forProject(projectId: number): Promise<Benefit[]>;
}

export interface IProjectBenefitsProps {
  /** Built on first use: the benefits' code is not part of the register's first load. */
  reader: () => Promise<IProjectBenefitsReader>;
  project: Project;
  strings: IProjectRegisterWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
}

/** Phases in which a project hands its open benefits over to their owners. */
const CLOSING: readonly string[] = ['Closing', 'Closed'];

/**
 * A project's benefits in its details: each with its latest measurement against its target and
 * its status; from the closing phase on, the benefits not yet realised and who takes them over.
 */
export default function ProjectBenefits(props: IProjectBenefitsProps): JSX.Element {
  const { project: p, strings: s, common: c, locale } = props;
  const { state, reload } = useLoader(() => props.reader().then((r) => r.forProject(p.id)), [props.reader, p.id], true);
  if (state.status === 'loading') return <LoadingState label={c.Loading} />;
  if (state.status === 'error') return <ErrorState heading={s.BenefitsHeading} title={s.BenefitsLoadFailed} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  const benefits = state.value.filter((b) => !!b.project);
  const open = benefits.filter(isOpenBenefit);
  const n = (v: number | undefined): string => (v === undefined ? s.BenefitNotMeasured : formatLocaleNumber(v, locale, 2));
  const status = (b: Benefit): string => s[`BenefitStatus${b.status}` as keyof IProjectRegisterWebPartStrings] ?? b.status;
  const closing = !!p.phase && CLOSING.includes(p.phase);
  return (
    <Stack tokens={{ childrenGap: 8 }} data-section="benefits">
      <Text variant="large" as="h2">{s.BenefitsHeading}</Text>
      {closing && benefits.length > 0 && (
        <MessageBar messageBarType={open.length ? MessageBarType.warning : MessageBarType.success}>
          {open.length ? format(s.BenefitsHandover, phaseLabel(c, p.phase), open.length) : format(s.BenefitsAllDone, phaseLabel(c, p.phase))}
        </MessageBar>
      )}
      {benefits.length === 0 ? <Text>{s.BenefitsNone}</Text> : (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {(closing ? [...open, ...benefits.filter((b) => !isOpenBenefit(b))] : benefits).map((b) => {
            const progress = benefitProgress(b);
            return (
              <li key={b.id}>
                <Text block={true}>
                  {format(s.BenefitLine, b.title, n(b.actual), formatLocaleNumber(b.target, locale, 2), b.unit, status(b))}
                  {progress !== undefined ? ` (${formatLocaleNumber(Math.round(progress * 1000) / 10, locale, 1)} %)` : ''}
                </Text>
                <Text block={true} variant="small">{format(s.BenefitOwnerLine, b.owner?.title ?? s.BenefitNoOwner)}</Text>
              </li>
            );
          })}
        </ul>
      )}
    </Stack>
  );
}
