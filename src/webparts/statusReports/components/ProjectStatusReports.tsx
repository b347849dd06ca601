import * as React from 'react';
import {
  DetailsList, DetailsListLayoutMode, SelectionMode, ConstrainMode, type IColumn,
  PrimaryButton, MessageBar, MessageBarType, Stack, Text, mergeStyleSets, useTheme
} from '@fluentui/react';
import type { Project, StatusReport } from '../../../model/portfolio';
import type { IStatusReportService } from '../../../services/editing';
import { StatusPill } from '../../../components/StatusPill';
import { LoadingState, ErrorState, EmptyState } from '../../../components/States';
import { formatAmount, formatDate } from '../../../components/format';
import { ragLabels } from '../../../components/labels';
import { useReportHistory } from './useReportHistory';
import { lazyComponent } from '../../../components/lazyComponent';
import { StatusTrend } from './StatusTrend';
import { DIMENSIONS, dimensionLabels, startReport, type ReportBase, type ReportForm } from './reportModel';

// The report form (date pickers, people) loads when a report is first opened, not with the page.
const StatusReportEditor = lazyComponent(() => import(/* webpackChunkName: 'status-report-form' */ './StatusReportEditor').then((m) => m.StatusReportEditor));
import { mayChangeItem, projectRights, type IRightsService } from '../../../components/rights';
import { format } from '../../../components/text';
import { describeError } from '../../../components/errors';
import { announceProjectChanged } from '../../../components/projectChanges';
import { ScrollFrame } from '../../../components/ScrollFrame';

export interface IStatusReportServices {
  statusReports: IStatusReportService;
  /** SharePoint's effective permissions (IProjectEditingService.rights); absent = read only. */
  editing?: IRightsService;
}

export interface IProjectStatusReportsProps {
  project: Project;
  services: IStatusReportServices;
  strings: IStatusReportsWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** Called with the project as publishing saved it (new latest-status fields and ETag). */
  onProjectChanged?: (project: Project) => void;
  /** True while the report form holds unsaved edits: hosts warn before closing or switching. */
  onDirtyChange?: (dirty: boolean) => void;
  /** For tests: "today" for a new report's date. */
  today?: Date;
}

type Editing =
  | { status: 'closed' }
  | { status: 'starting' }
  | { status: 'open'; base: ReportBase; form: ReportForm; key: number };

/** A project's status reports: write the next one (pre-filled from the last), the history, and the trend. */
export function ProjectStatusReports(props: IProjectStatusReportsProps): JSX.Element {
  const { strings: s, common: c, locale, project } = props;
  const theme = useTheme();
  const service = props.services.statusReports;
  const { state, reload } = useReportHistory(service, props.services.editing, project.id);
  const [editing, setEditing] = React.useState<Editing>({ status: 'closed' });
  const [message, setMessage] = React.useState<{ type: MessageBarType; text: string } | undefined>(undefined);
  const labels = ragLabels(c);
  const dims = dimensionLabels(s);
  const classes = mergeStyleSets({
    root: { color: theme.semanticColors.bodyText },
    summary: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }
  });

  const history = state.status === 'ready' ? state.history : [];
  // Kept while the history reloads after a save, so the open form's buttons do not flicker.
  const lastRights = React.useRef<{ add: boolean; edit: boolean; folderOnly?: boolean }>({ add: false, edit: false });
  if (state.status === 'ready') lastRights.current = projectRights(state.rights.statusReports, project);
  const rights = lastRights.current;
  const draft = history.find((r) => !r.published);
  // A draft is continued (needs edit rights), else a new report is written (needs add rights).
  const mayWrite = draft ? mayChangeItem(rights.edit, rights, draft) : rights.add;

  const open = async (): Promise<void> => {
    setMessage(undefined);
    setEditing({ status: 'starting' });
    try {
      const latest = await service.latest(project.id);
      const start = startReport(latest, project, locale, props.today);
      setEditing({ status: 'open', base: start.base, form: start.form, key: Date.now() });
    } catch (e) {
      setEditing({ status: 'closed' });
      setMessage({ type: MessageBarType.error, text: describeError(e, c) });
    }
  };

  const columns: IColumn[] = [
    {
      key: 'reportDate', name: s.ReportDate, minWidth: 90, maxWidth: 120,
      onRender: (r: StatusReport) => formatDate(r.reportDate, locale)
    },
    ...DIMENSIONS.map((d): IColumn => ({
      key: d, name: dims[d], minWidth: 70, maxWidth: 100,
      onRender: (r: StatusReport) => <StatusPill status={r[d]} labels={labels} dimension={dims[d]} />
    })),
    {
      key: 'percentComplete', name: s.PercentComplete, minWidth: 60, maxWidth: 80,
      onRender: (r: StatusReport) => (r.percentComplete === undefined ? '' : `${r.percentComplete} %`)
    },
    {
      key: 'forecastCost', name: s.ForecastCost, minWidth: 80, maxWidth: 120,
      onRender: (r: StatusReport) => formatAmount(r.forecastCost, locale)
    },
    {
      key: 'state', name: s.ColumnState, minWidth: 70, maxWidth: 90,
      onRender: (r: StatusReport) => (r.published ? s.StatePublished : s.StateDraft)
    },
    {
      key: 'summary', name: s.Summary, minWidth: 200, isMultiline: true,
      onRender: (r: StatusReport) => <span className={classes.summary}>{r.summary}</span>
    }
  ];

  let body: JSX.Element;
  if (state.status === 'loading') {
    body = <LoadingState label={c.Loading} />;
  } else if (state.status === 'error') {
    body = <ErrorState title={c.ErrorTitle} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  } else if (history.length === 0) {
    body = <EmptyState icon="ReportDocument" message={s.EmptyNoReports} />;
  } else {
    body = (
      <Stack tokens={{ childrenGap: 16 }}>
        <StatusTrend
          history={history}
          dimensionLabels={dims}
          ragLabels={labels}
          strings={s}
          locale={locale}
        />
        <Stack tokens={{ childrenGap: 4 }}>
          <Text variant="mediumPlus" as="h3">{s.HistoryHeading}</Text>
          <ScrollFrame label={s.HistoryHeading}>
            <DetailsList
              items={history}
              columns={columns}
              selectionMode={SelectionMode.none}
              layoutMode={DetailsListLayoutMode.justified}
              constrainMode={ConstrainMode.unconstrained}
              getKey={(r: StatusReport) => String(r.id)}
              setKey="history"
              ariaLabelForGrid={format(s.HistoryGridLabel, project.title)}
              compact={true}
            />
          </ScrollFrame>
        </Stack>
      </Stack>
    );
  }

  return (
    <section className={classes.root} aria-label={format(s.ProjectReportsLabel, project.title)}>
      <Stack tokens={{ childrenGap: 12 }}>
        {message && <MessageBar messageBarType={message.type} role={message.type === MessageBarType.error ? 'alert' : 'status'} onDismiss={() => setMessage(undefined)} dismissButtonAriaLabel={c.Close}>{message.text}</MessageBar>}
        {state.status === 'ready' && mayWrite && editing.status === 'closed' && (
          <Stack horizontal={true}>
            <PrimaryButton iconProps={{ iconName: draft ? 'Edit' : 'Add' }} onClick={() => { open().catch(() => undefined); }}>
              {draft ? s.ContinueDraft : s.NewReport}
            </PrimaryButton>
          </Stack>
        )}
        {editing.status === 'starting' && <LoadingState label={s.LoadingPrevious} />}
        {editing.status === 'open' && (
          <StatusReportEditor
            key={editing.key}
            project={project}
            service={service}
            base={editing.base}
            initial={editing.form}
            strings={s}
            common={c}
            locale={locale}
            canSave={editing.base ? mayChangeItem(rights.edit, rights, editing.base) : rights.add}
            onDirtyChange={props.onDirtyChange}
            onDraftSaved={() => reload()}
            onPublished={(report, saved) => {
              setEditing({ status: 'closed' });
              setMessage({ type: MessageBarType.success, text: format(s.Published, formatDate(report.reportDate, locale)) });
              props.onProjectChanged?.(saved);
              announceProjectChanged(saved);
              reload();
            }}
            onClose={() => setEditing({ status: 'closed' })}
          />
        )}
        {body}
      </Stack>
    </section>
  );
}
