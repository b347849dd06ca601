import * as React from 'react';
import { MessageBar, MessageBarType, Panel, PanelType, Spinner, SpinnerSize, Stack } from '@fluentui/react';
import { ConflictDialog, type IConflictRow } from './ConflictDialog';
import { UnsavedChangesDialog } from './UnsavedChangesGuard';
import type { IEditForm } from './useEditForm';

/** The words of the shared frame, from the web part's strings. */
export interface IEditFormWords {
  /** "Check the {0} marked fields" (the count is filled in). */
  summary: (count: number) => string;
  conflictTitle: string;
  conflictMessage: string;
  conflictField: string;
  conflictMine: string;
  conflictTheirs: string;
  conflictReload: string;
  conflictOverwrite: string;
  cancel: string;
  discardTitle: string;
  discardMessage: string;
  discard: string;
  keepEditing: string;
}

export interface IEditFormFrameProps<F, Item, Action extends string> {
  edit: IEditForm<F, Item, Action>;
  words: IEditFormWords;
  /** Mine and theirs of the fields that differ, when a save met someone else's change. */
  conflictRows: () => IConflictRow[];
  /** A conflict of another kind of item may need its own explanation. */
  conflictMessage?: string;
  children: React.ReactNode;
}

/**
 * What every edit form shows around its fields: the error summary, a failed save's message (what
 * was typed stays), a notice, the conflict choice and the "discard unsaved changes?" question.
 */
export function EditFormFrame<F, Item, Action extends string>(props: IEditFormFrameProps<F, Item, Action>): JSX.Element {
  const { edit, words: w } = props;
  return (
    <>
      <Stack tokens={{ childrenGap: 12 }}>
        {edit.errorCount > 0 && (
          <MessageBar messageBarType={MessageBarType.error} role="alert">
            {w.summary(edit.errorCount)}
            {edit.general.map((g) => <div key={g}>{g}</div>)}
          </MessageBar>
        )}
        {edit.saveError && <MessageBar messageBarType={MessageBarType.error} role="alert" isMultiline={true}>{edit.saveError}</MessageBar>}
        {edit.notice && <MessageBar messageBarType={MessageBarType.info} role="status" isMultiline={true}>{edit.notice}</MessageBar>}
        {props.children}
      </Stack>
      <ConflictDialog
        isOpen={!!edit.conflict}
        title={w.conflictTitle}
        message={props.conflictMessage ?? w.conflictMessage}
        fieldLabel={w.conflictField}
        mineLabel={w.conflictMine}
        theirsLabel={w.conflictTheirs}
        rows={edit.conflict ? props.conflictRows() : []}
        reloadLabel={w.conflictReload}
        overwriteLabel={w.conflictOverwrite}
        cancelLabel={w.cancel}
        busy={edit.saving !== undefined}
        onReload={edit.reloadTheirs}
        onOverwrite={edit.overwrite}
        onCancel={edit.cancelConflict}
      />
      <UnsavedChangesDialog
        isOpen={edit.confirmingClose}
        title={w.discardTitle}
        message={w.discardMessage}
        discardLabel={w.discard}
        keepEditingLabel={w.keepEditing}
        onKeepEditing={edit.keepEditing}
        onDiscard={edit.discard}
      />
    </>
  );
}

export interface IEditPanelProps<F, Item, Action extends string> extends IEditFormFrameProps<F, Item, Action> {
  heading: string;
  closeLabel: string;
  /** The footer's commands (Save, Cancel…); a spinner with `savingLabel` follows while saving. */
  commands: React.ReactNode;
  savingLabel: string;
  /** The spinner only speaks (no visible text): for a Save button that already says "Saving…". */
  quietSpinner?: boolean;
  /** Enter in a field submits (default: nothing). */
  onSubmit?: () => void;
  type?: PanelType;
}

/** One panel shell for every edit form: blocking, closed only through the unsaved-change guard. */
export function EditPanel<F, Item, Action extends string>(props: IEditPanelProps<F, Item, Action>): JSX.Element {
  const { edit } = props;
  return (
    <Panel
      isOpen={true}
      type={props.type ?? PanelType.medium}
      headerText={props.heading}
      onDismiss={(ev) => { ev?.preventDefault?.(); edit.requestClose(); }}
      isBlocking={true}
      isLightDismiss={false}
      closeButtonAriaLabel={props.closeLabel}
      isFooterAtBottom={true}
      onRenderFooterContent={() => (
        <Stack horizontal={true} tokens={{ childrenGap: 8 }} verticalAlign="center">
          {props.commands}
          {edit.saving !== undefined && (props.quietSpinner
            ? <Spinner size={SpinnerSize.small} ariaLabel={props.savingLabel} />
            : <Spinner size={SpinnerSize.small} label={props.savingLabel} labelPosition="right" />)}
        </Stack>
      )}
    >
      <form noValidate={true} aria-label={props.heading} onSubmit={(e) => { e.preventDefault(); props.onSubmit?.(); }}>
        <EditFormFrame edit={edit} words={props.words} conflictRows={props.conflictRows} conflictMessage={props.conflictMessage}>
          {props.children}
        </EditFormFrame>
      </form>
    </Panel>
  );
}

/** The frame's words from the common strings, for forms whose web part has no words of its own for them. */
export function editFormWords(c: IPmoHubCommonStrings, conflictMessage?: string): IEditFormWords {
  return {
    summary: (n) => c.FormSummary.replace('{0}', String(n)),
    conflictTitle: c.FormConflictTitle, conflictMessage: conflictMessage ?? c.FormConflictText, conflictField: c.FormConflictField,
    conflictMine: c.FormConflictMine, conflictTheirs: c.FormConflictTheirs, conflictReload: c.FormConflictReload,
    conflictOverwrite: c.FormConflictOverwrite, cancel: c.FormCancel, discardTitle: c.FormDiscardTitle,
    discardMessage: c.FormDiscardText, discard: c.FormDiscard, keepEditing: c.FormKeepEditing
  };
}
