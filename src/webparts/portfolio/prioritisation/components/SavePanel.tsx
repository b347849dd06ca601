import * as React from 'react';
import { DefaultButton, PanelType, PrimaryButton } from '@fluentui/react';
import type { IConflictRow } from '../../../../components/ConflictDialog';
import { EditPanel, editFormWords } from '../../../../components/EditPanel';
import type { IEditForm } from '../../../../components/useEditForm';

export interface ISavePanelProps<F, Item> {
  edit: IEditForm<F, Item, 'save'>;
  heading: string;
  conflictRows: () => IConflictRow[];
  strings: IPortfolioPlanningWebPartStrings;
  common: IPmoHubCommonStrings;
  children: React.ReactNode;
}

/** The prioritisation forms' narrow panel: Save (which says "Saving…" while it saves) and Cancel. */
export function SavePanel<F, Item>(props: ISavePanelProps<F, Item>): JSX.Element {
  const { edit, strings: s, common: c } = props;
  const saving = edit.saving !== undefined;
  return (
    <EditPanel
      edit={edit}
      type={PanelType.smallFixedFar}
      heading={props.heading}
      closeLabel={c.Close}
      savingLabel={s.Saving}
      quietSpinner={true}
      words={editFormWords(c, s.Conflict)}
      conflictRows={props.conflictRows}
      commands={(
        <>
          <PrimaryButton disabled={saving} onClick={() => { edit.save('save').catch(() => undefined); }}>{saving ? s.Saving : s.Save}</PrimaryButton>
          <DefaultButton disabled={saving} onClick={edit.requestClose}>{s.Cancel}</DefaultButton>
        </>
      )}
    >
      {props.children}
    </EditPanel>
  );
}
