import * as React from 'react';
import { Checkbox, DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton, TextField } from '@fluentui/react';

export interface SaveViewDraft {
  title: string;
  shared: boolean;
  error?: string;
  busy: boolean;
}

export interface ISaveViewDialogProps {
  strings: IPortfolioWebPartStrings;
  draft: SaveViewDraft;
  /** Only the PMO shares views (SharePoint enforces it: see the README's permission model). */
  canShare: boolean;
  onChange: (draft: SaveViewDraft) => void;
  onSave: () => void;
  onDismiss: () => void;
}

/** Names the page's current filter as a saved view, personal or (for the PMO) shared. */
export function SaveViewDialog(props: ISaveViewDialogProps): JSX.Element {
  const { strings: s, draft, onChange } = props;
  return (
    <Dialog
      hidden={false}
      onDismiss={props.onDismiss}
      dialogContentProps={{ type: DialogType.normal, title: s.SaveViewTitle, subText: s.SaveViewText }}
      modalProps={{ isBlocking: false }}
    >
      <TextField
        label={s.ViewTitle}
        required={true}
        value={draft.title}
        maxLength={255}
        errorMessage={draft.error}
        onChange={(_, v) => onChange({ ...draft, title: v ?? '', error: undefined })}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); props.onSave(); } }}
      />
      {props.canShare && (
        <Checkbox label={s.ShareView} checked={draft.shared} onChange={(_, v) => onChange({ ...draft, shared: !!v })} styles={{ root: { marginTop: 12 } }} />
      )}
      <DialogFooter>
        <PrimaryButton onClick={props.onSave} disabled={draft.busy}>{s.Save}</PrimaryButton>
        <DefaultButton onClick={props.onDismiss}>{s.Cancel}</DefaultButton>
      </DialogFooter>
    </Dialog>
  );
}
