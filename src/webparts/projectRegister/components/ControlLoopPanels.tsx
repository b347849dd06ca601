import * as React from 'react';
import { Panel, PanelType } from '@fluentui/react';
import type { Project } from '../../../model/portfolio';
import { StatusReportPanel } from '../../statusReports/components/StatusReportPanel';
import { RiskRegister } from '../../risks/components/RiskRegister';
import type { IControlLoop } from './IProjectRegisterProps';
import { useLoader } from '../../../components/useLoader';
import { ErrorState, LoadingState } from '../../../components/States';

export interface IControlLoopPanelsProps {
  loop: IControlLoop;
  project: Project;
  kind: 'statusReports' | 'risks';
  common: IPmoHubCommonStrings;
  locale: string;
  onProjectChanged: (project: Project) => void;
  onDismiss: () => void;
}

/**
 * The status reports and risks of one project, opened from the register's details panel.
 * Its own chunk: the register loads the reporting and risk UI only when someone opens it.
 */
export default function ControlLoopPanels(props: IControlLoopPanelsProps): JSX.Element {
  const { loop, project: p } = props;
  const { state, reload } = useLoader(loop.services, [loop.services]);
  if (state.status !== 'ready') {
    return (
      <Panel isOpen={true} type={PanelType.large} onDismiss={props.onDismiss} headerText={`${p.code} · ${p.title}`} closeButtonAriaLabel={props.common.Close}>
        {state.status === 'error'
          ? <ErrorState title={props.common.ErrorTitle} error={state.error} common={props.common} retryLabel={props.common.Retry} onRetry={reload} />
          : <LoadingState label={props.common.Loading} />}
      </Panel>
    );
  }
  const { statusReports, risks } = state.value;
  if (props.kind === 'statusReports') {
    return (
      <StatusReportPanel
        project={p}
        services={{ statusReports, editing: loop.editing }}
        strings={loop.statusStrings}
        common={props.common}
        locale={props.locale}
        onDismiss={props.onDismiss}
        onProjectChanged={props.onProjectChanged}
      />
    );
  }
  return (
    <Panel
      isOpen={true}
      type={PanelType.large}
      onDismiss={props.onDismiss}
      headerText={`${p.code} · ${p.title}`}
      closeButtonAriaLabel={props.common.Close}
      // Level 2, so the report and risk sections (h3) follow it without skipping a level.
      headerTextProps={{ 'aria-level': 2 }}
    >
      <RiskRegister
        project={p}
        services={{ risks, editing: loop.editing, people: loop.people }}
        strings={loop.riskStrings}
        common={props.common}
        locale={props.locale}
      />
    </Panel>
  );
}
