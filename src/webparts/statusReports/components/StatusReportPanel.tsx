import * as React from 'react';
import { Panel, PanelType } from '@fluentui/react';
import type { Project } from '../../../model/portfolio';
import { ProjectStatusReports, type IStatusReportServices } from './ProjectStatusReports';
import { UnsavedChangesDialog } from '../../../components/UnsavedChangesGuard';

export interface IStatusReportPanelProps {
  /** The project whose reports are shown; the panel is open while it is set and `isOpen` is not false. */
  project?: Project;
  isOpen?: boolean;
  services: IStatusReportServices;
  /** The status reports web part's strings ('StatusReportsWebPartStrings'). */
  strings: IStatusReportsWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  onDismiss: () => void;
  onProjectChanged?: (project: Project) => void;
}

/**
 * The status reports of one project in a panel, for hosts such as the register's detail panel.
 * Closing with unsaved edits asks first.
 */
export function StatusReportPanel(props: IStatusReportPanelProps): JSX.Element {
  const [dirty, setDirty] = React.useState(false);
  const [asking, setAsking] = React.useState(false);
  const p = props.project;
  const dismiss = (): void => {
    if (dirty) setAsking(true);
    else props.onDismiss();
  };
  return (
    <Panel
      isOpen={!!p && props.isOpen !== false}
      type={PanelType.large}
      onDismiss={dismiss}
      headerText={p ? `${p.code} · ${p.title}` : ''}
      closeButtonAriaLabel={props.common.Close}
      // Level 2, so the report and risk sections (h3) follow it without skipping a level.
      headerTextProps={{ 'aria-level': 2 }}
      isBlocking={true}
    >
      {p && (
        <ProjectStatusReports
          key={p.id}
          project={p}
          services={props.services}
          strings={props.strings}
          common={props.common}
          locale={props.locale}
          onProjectChanged={props.onProjectChanged}
          onDirtyChange={setDirty}
        />
      )}
      <UnsavedChangesDialog
        isOpen={asking}
        title={props.strings.DiscardTitle}
        message={props.strings.DiscardText}
        discardLabel={props.strings.Discard}
        keepEditingLabel={props.strings.KeepEditing}
        onKeepEditing={() => setAsking(false)}
        onDiscard={() => { setAsking(false); setDirty(false); props.onDismiss(); }}
      />
    </Panel>
  );
}
