import * as React from 'react';
import { Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import type { IRisksProps } from './IRisksProps';
import { ProjectChooser } from '../../../components/ProjectChooser';
import { RiskRegister } from './RiskRegister';

/** The risks web part: choose a project (or the configured one), then its risk register. */
export default function Risks(props: IRisksProps): JSX.Element {
  const { strings: s } = props;
  const theme = useTheme();
  const classes = mergeStyleSets({ root: { color: theme.semanticColors.bodyText } });
  return (
    <section className={classes.root} aria-label={s.Title}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Text variant="xLarge" as="h2">{s.Title}</Text>
        {/* Risk edits happen in a blocking panel that guards its own unsaved changes. */}
        <ProjectChooser service={props.projectService} projectId={props.projectId} strings={s} common={props.common} locale={props.locale} dirty={false}>
          {(project) => <RiskRegister key={project.id} project={project} services={props.services} strings={s} common={props.common} locale={props.locale} />}
        </ProjectChooser>
      </Stack>
    </section>
  );
}
