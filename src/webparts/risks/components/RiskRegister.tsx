import * as React from 'react';
import {
  DetailsList, DetailsListLayoutMode, SelectionMode, ConstrainMode, type IColumn,
  PrimaryButton, DefaultButton, IconButton, MessageBar, MessageBarType, Dialog, DialogType, DialogFooter,
  Stack, Text, mergeStyleSets, useTheme
} from '@fluentui/react';
import type { Project, Risk } from '../../../model/portfolio';
import type { IPeopleService, IRiskService } from '../../../services/editing';
import { LoadingState, ErrorState, EmptyState } from '../../../components/States';
import { formatDate } from '../../../components/format';
import { mayChangeItem, projectRights, type IRightsService } from '../../../components/rights';
import { format } from '../../../components/text';
import { describeError } from '../../../components/errors';
import { useRisks } from './useRisks';
import { RiskHeatMap, bandLabel } from './RiskHeatMap';
import { statusLabel } from './riskModel';
import { lazyComponent } from '../../../components/lazyComponent';

// The form and its Fluent pickers load when it is first opened, not with the page.
const RiskEditPanel = lazyComponent(() => import(/* webpackChunkName: 'risk-form' */ './RiskEditPanel').then((m) => m.RiskEditPanel));
import { filterRisks, scoreBand, toggleCell, type CellFilter } from './riskModel';
import { ScrollFrame } from '../../../components/ScrollFrame';

export interface IRiskServices {
  risks: IRiskService;
  /** SharePoint's effective permissions (IProjectEditingService.rights); absent = read only. */
  editing?: IRightsService;
  /** For the owner picker; without it the owner is shown but not changed. */
  people?: IPeopleService;
}

export interface IRiskRegisterProps {
  project: Pick<Project, 'id' | 'title'> & Partial<Pick<Project, 'leader'>>;
  services: IRiskServices;
  /** The risks web part's strings ('RisksWebPartStrings'). */
  strings: IRisksWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
}

type Editing = { status: 'closed' } | { status: 'open'; risk?: Risk };

/** A project's risk register: heat map of open risks (a cell filters the list), list, add/edit/delete. */
export function RiskRegister(props: IRiskRegisterProps): JSX.Element {
  const { strings: s, common: c, locale, project } = props;
  const theme = useTheme();
  const { state, reload } = useRisks(props.services.risks, props.services.editing, project.id);
  const [cell, setCell] = React.useState<CellFilter | undefined>(undefined);
  const [editing, setEditing] = React.useState<Editing>({ status: 'closed' });
  const [deleting, setDeleting] = React.useState<Risk | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<{ type: MessageBarType; text: string } | undefined>(undefined);
  const classes = mergeStyleSets({
    root: { color: theme.semanticColors.bodyText },
    text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
    score: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }
  });

  const risks = state.status === 'ready' ? state.risks : [];
  const rights = state.status === 'ready' ? projectRights(state.rights.risks, project) : { add: false, edit: false, delete: false };
  const visible = React.useMemo(() => filterRisks(risks, cell), [risks, cell]);

  const remove = async (risk: Risk): Promise<void> => {
    setBusy(true);
    try {
      await props.services.risks.deleteRisk(risk);
      setMessage({ type: MessageBarType.success, text: format(s.Deleted, risk.title) });
      reload();
    } catch (e) {
      setMessage({ type: MessageBarType.error, text: format(s.DeleteFailed, describeError(e, c)) });
    } finally {
      setBusy(false);
      setDeleting(undefined);
    }
  };

  const columns: IColumn[] = [
    { key: 'title', name: s.ColumnTitle, minWidth: 160, maxWidth: 280, isMultiline: true, onRender: (r: Risk) => <span className={classes.text}>{r.title}</span> },
    { key: 'probability', name: s.ColumnProbability, minWidth: 40, maxWidth: 70, onRender: (r: Risk) => r.probability },
    { key: 'impact', name: s.ColumnImpact, minWidth: 40, maxWidth: 70, onRender: (r: Risk) => r.impact },
    {
      key: 'score', name: s.ColumnScore, minWidth: 80, maxWidth: 110,
      onRender: (r: Risk) => <span className={classes.score}>{`${r.score} · ${bandLabel(s, scoreBand(r.score))}`}</span>
    },
    { key: 'owner', name: s.Owner, minWidth: 100, maxWidth: 160, onRender: (r: Risk) => r.owner?.title ?? '' },
    { key: 'status', name: s.Status, minWidth: 80, maxWidth: 110, onRender: (r: Risk) => statusLabel(s, r.status) },
    { key: 'due', name: s.Due, minWidth: 90, maxWidth: 120, onRender: (r: Risk) => formatDate(r.due, locale) },
    { key: 'mitigation', name: s.Mitigation, minWidth: 160, isMultiline: true, onRender: (r: Risk) => <span className={classes.text}>{r.mitigation ?? ''}</span> }
  ];
  if (rights.edit || rights.delete) {
    columns.push({
      key: 'actions', name: s.ColumnActions, minWidth: 72, maxWidth: 80,
      onRender: (r: Risk) => (
        <Stack horizontal={true}>
          {mayChangeItem(rights.edit, rights, r) && <IconButton iconProps={{ iconName: 'Edit' }} title={format(s.EditRisk, r.title)} ariaLabel={format(s.EditRisk, r.title)} onClick={() => { setMessage(undefined); setEditing({ status: 'open', risk: r }); }} />}
          {mayChangeItem(rights.delete, rights, r) && <IconButton iconProps={{ iconName: 'Delete' }} title={format(s.DeleteRisk, r.title)} ariaLabel={format(s.DeleteRisk, r.title)} onClick={() => setDeleting(r)} />}
        </Stack>
      )
    });
  }

  let body: JSX.Element;
  if (state.status === 'loading') {
    body = <LoadingState label={c.Loading} />;
  } else if (state.status === 'error') {
    body = <ErrorState title={c.ErrorTitle} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  } else if (risks.length === 0) {
    body = <EmptyState icon="Shield" message={s.EmptyNoRisks} />;
  } else {
    body = (
      <Stack tokens={{ childrenGap: 16 }}>
        <RiskHeatMap risks={risks} selected={cell} onSelect={(x) => setCell((old) => toggleCell(old, x))} strings={s} />
        <Stack tokens={{ childrenGap: 4 }}>
          <Stack horizontal={true} wrap={true} verticalAlign="center" tokens={{ childrenGap: 12 }}>
            <Text variant="mediumPlus" as="h3">{s.ListHeading}</Text>
            <Text aria-live="polite">
              {cell ? format(s.FilteredCount, visible.length, cell.probability, cell.impact) : format(s.RisksCount, risks.length)}
            </Text>
            {cell && <DefaultButton onClick={() => setCell(undefined)}>{s.ShowAll}</DefaultButton>}
          </Stack>
          {visible.length === 0 ? <EmptyState icon="Filter" message={s.EmptyCell} /> : (
            <ScrollFrame label={format(s.GridLabel, project.title)}>
              <DetailsList
                items={visible}
                columns={columns}
                selectionMode={SelectionMode.none}
                layoutMode={DetailsListLayoutMode.justified}
                constrainMode={ConstrainMode.unconstrained}
                getKey={(r: Risk) => String(r.id)}
                setKey="risks"
                ariaLabelForGrid={format(s.GridLabel, project.title)}
                compact={true}
              />
            </ScrollFrame>
          )}
        </Stack>
      </Stack>
    );
  }

  return (
    <section className={classes.root} aria-label={format(s.ProjectRisksLabel, project.title)}>
      <Stack tokens={{ childrenGap: 12 }}>
        {message && (
          <MessageBar messageBarType={message.type} onDismiss={() => setMessage(undefined)} dismissButtonAriaLabel={c.Close}>{message.text}</MessageBar>
        )}
        {state.status === 'ready' && rights.add && (
          <Stack horizontal={true}>
            <PrimaryButton iconProps={{ iconName: 'Add' }} onClick={() => { setMessage(undefined); setEditing({ status: 'open' }); }}>{s.AddRisk}</PrimaryButton>
          </Stack>
        )}
        {body}
      </Stack>
      {editing.status === 'open' && (
        <RiskEditPanel
          risk={editing.risk}
          project={project}
          service={props.services.risks}
          people={props.services.people}
          strings={s}
          common={c}
          locale={locale}
          onSaved={(saved) => {
            setEditing({ status: 'closed' });
            setMessage({ type: MessageBarType.success, text: format(s.Saved, saved.title) });
            reload();
          }}
          onClose={() => setEditing({ status: 'closed' })}
        />
      )}
      <Dialog
        hidden={!deleting}
        onDismiss={() => setDeleting(undefined)}
        dialogContentProps={{ type: DialogType.normal, title: s.DeleteTitle, subText: deleting ? format(s.DeleteText, deleting.title) : '' }}
        modalProps={{ isBlocking: true }}
      >
        <DialogFooter>
          <PrimaryButton onClick={() => { if (deleting) remove(deleting).catch(() => undefined); }} disabled={busy}>{s.Delete}</PrimaryButton>
          <DefaultButton onClick={() => setDeleting(undefined)} disabled={busy}>{s.Cancel}</DefaultButton>
        </DialogFooter>
      </Dialog>
    </section>
  );
}

export default RiskRegister;
