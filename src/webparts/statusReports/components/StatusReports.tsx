import * as React from 'react';
import { Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import type { IStatusReportsProps } from './IStatusReportsProps';
import { ProjectChooser } from '../../../components/ProjectChooser';
import { ProjectStatusReports } from './ProjectStatusReports';

/** The status reports web part: choose a project (or the configured one), then its reports. */
export default function StatusReports(props: IStatusReportsProps): JSX.Element {
  const { strings: s } = props;
  const theme = useTheme();
  const [dirty, setDirty] = React.useState(false);
  const classes = mergeStyleSets({ root: { color: theme.semanticColors.bodyText } });
  return (
    <section className={classes.root} aria-label={s.Title}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Text variant="xLarge" as="h2">{s.Title}</Text>
        <ProjectChooser service={props.projectService} projectId={props.projectId} strings={s} common={props.common} locale={props.locale} dirty={dirty}>
          {(project, replace) => (
            <ProjectStatusReports
              key={project.id}
              project={project}
              services={props.services}
              strings={s}
              common={props.common}
              locale={props.locale}
              onProjectChanged={replace}
              onDirtyChange={setDirty}
              today={props.today}
            />
          )}
        </ProjectChooser>
      </Stack>
    </section>
  );
}
