import * as React from 'react';
import { Dialog, DialogType, DialogFooter, PrimaryButton, DefaultButton } from '@fluentui/react';

/** While `active`, leaving or reloading the page asks the browser's own "leave site?" question. */
export function useBeforeUnload(active: boolean): void {
  React.useEffect(() => {
    if (!active) return undefined;
    const handler = (e: BeforeUnloadEvent): string => {
      e.preventDefault();
      // Older browsers need a returnValue; they show their own text, not ours.
      e.returnValue = '';
      return '';
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [active]);
}

export interface IUnsavedChangesDialogProps {
  isOpen: boolean;
  title: string;
  message: string;
  discardLabel: string;
  keepEditingLabel: string;
  onDiscard: () => void;
  onKeepEditing: () => void;
}

/** "You have unsaved changes": keep editing is the default (focused) choice, so Enter loses nothing. */
export function UnsavedChangesDialog(props: IUnsavedChangesDialogProps): JSX.Element {
  return (
    <Dialog
      hidden={!props.isOpen}
      onDismiss={props.onKeepEditing}
      dialogContentProps={{ type: DialogType.normal, title: props.title, subText: props.message }}
      modalProps={{ isBlocking: true }}
    >
      <DialogFooter>
        <PrimaryButton onClick={props.onKeepEditing}>{props.keepEditingLabel}</PrimaryButton>
        <DefaultButton onClick={props.onDiscard}>{props.discardLabel}</DefaultButton>
      </DialogFooter>
    </Dialog>
  );
}
