import * as React from 'react';
import { Dialog, DialogType, DialogFooter, PrimaryButton, DefaultButton, mergeStyleSets, useTheme } from '@fluentui/react';

export interface IConflictRow {
  /** The field, in the user's language. */
  label: string;
  /** What the user typed (already formatted for display). */
  mine: string;
  /** What someone else saved meanwhile (already formatted for display). */
  theirs: string;
}

export interface IConflictDialogProps {
  isOpen: boolean;
  title: string;
  /** Optional explanation shown under the title. */
  message?: string;
  mineLabel: string;
  theirsLabel: string;
  /** The fields that differ between the two versions. */
  rows: IConflictRow[];
  /** Label of the field column (screen readers read it as a column header). */
  fieldLabel?: string;
  reloadLabel: string;
  overwriteLabel: string;
  cancelLabel: string;
  /** Take their version (discard mine for the differing fields). */
  onReload: () => void;
  /** Save mine over theirs. */
  onOverwrite: () => void;
  /** Close without choosing; nothing is lost. */
  onCancel: () => void;
  /** Disables the buttons while a choice is being carried out. */
  busy?: boolean;
}

/**
 * The "changed by someone else" choice (DESIGN rule 7): both versions side by side for the
 * fields that differ, and an explicit Reload or Overwrite — never a silent overwrite.
 * Values are rendered as text, never as HTML.
 */
export function ConflictDialog(props: IConflictDialogProps): JSX.Element {
  const theme = useTheme();
  const classes = mergeStyleSets({
    table: { width: '100%', borderCollapse: 'collapse', marginTop: 8 },
    cell: {
      textAlign: 'left', verticalAlign: 'top', padding: '6px 8px', whiteSpace: 'pre-wrap', wordBreak: 'break-word',
      borderBottom: `1px solid ${theme.semanticColors.bodyDivider}`
    },
    head: { fontWeight: 600, color: theme.semanticColors.bodySubtext }
  });
  return (
    <Dialog
      hidden={!props.isOpen}
      onDismiss={props.onCancel}
      dialogContentProps={{ type: DialogType.largeHeader, title: props.title, subText: props.message }}
      modalProps={{ isBlocking: true }}
      minWidth={480}
      maxWidth={720}
    >
      <table className={classes.table}>
        <thead>
          <tr>
            <th scope="col" className={`${classes.cell} ${classes.head}`}>{props.fieldLabel ?? ''}</th>
            <th scope="col" className={`${classes.cell} ${classes.head}`}>{props.mineLabel}</th>
            <th scope="col" className={`${classes.cell} ${classes.head}`}>{props.theirsLabel}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className={`${classes.cell} ${classes.head}`}>{r.label}</th>
              <td className={classes.cell}>{r.mine || '—'}</td>
              <td className={classes.cell}>{r.theirs || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DialogFooter>
        <PrimaryButton onClick={props.onReload} disabled={props.busy}>{props.reloadLabel}</PrimaryButton>
        <DefaultButton onClick={props.onOverwrite} disabled={props.busy}>{props.overwriteLabel}</DefaultButton>
        <DefaultButton onClick={props.onCancel} disabled={props.busy}>{props.cancelLabel}</DefaultButton>
      </DialogFooter>
    </Dialog>
  );
}

export default ConflictDialog;
