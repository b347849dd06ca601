import * as React from 'react';
import {
  ActionButton, Checkbox, DefaultButton, Dialog, DialogFooter, DialogType, IconButton, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, TextField, Toggle, FontIcon,
  mergeStyleSets, getFocusStyle, useTheme, type Theme, type IProcessedStyleSet, type IStyle
} from '@fluentui/react';
import manifests from 'pmohub:web-part-manifests';
import { SECTION_LAYOUT_KEYS, type EditedControl, type EditedSection, type SectionLayout } from '../../../src/pages/canvas';
import type { StoredPage } from '../../../src/services/SitePageService';
import { CONNECTABLE_MANIFEST_IDS, filterInstanceOf, moveSection, newInstanceId, removeControl, updateControl } from '../../../src/pages/editing';
import { localised, type ToolboxEntry } from './toolboxEntry';
import { format } from './strings';

/**
 * The local hub's edit mode for a page: what SharePoint's page editor offers for PMO Hub web
 * parts (the toolbox from their manifests, add / move / remove, connect to the page's filters),
 * kept as a draft until "Save and publish" writes it through the pages API.
 */

export const TOOLBOX: readonly ToolboxEntry[] = manifests;

export function entryOf(manifestId: string): ToolboxEntry | undefined {
  return TOOLBOX.find((e) => e.id === manifestId.toLowerCase());
}

/** The stored page as a draft the editor changes; web parts named by their manifest alias. */
export function draftOf(page: StoredPage): EditedSection[] {
  return page.sections.map((s) => ({
    columns: s.columns.map((c) => ({
      factor: c.factor,
      controls: c.controls.map((ctl): EditedControl => (ctl.kind === 'text' ? ctl : { ...ctl, alias: entryOf(ctl.manifestId)?.alias ?? ctl.manifestId }))
    }))
  }));
}

export function webPartTitle(manifestId: string, tag: string): string {
  const e = entryOf(manifestId);
  return e ? localised(e.title, tag) : manifestId;
}

type EditClass = 'bar' | 'toolbar' | 'toolbarTitle' | 'addLine' | 'entry' | 'entryIcon' | 'entryTitle' | 'entryDescription';

function classesOf(t: Theme): IProcessedStyleSet<Record<EditClass, IStyle>> {
  return mergeStyleSets<Record<EditClass, IStyle>>({
    bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, padding: '8px 0' },
    toolbar: {
      display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4, padding: '2px 8px', marginBottom: 4,
      background: t.palette.neutralLighter, borderLeft: `3px solid ${t.palette.themePrimary}`
    },
    toolbarTitle: { ...t.fonts.medium, fontWeight: 600, marginRight: 'auto', color: t.semanticColors.bodyText },
    addLine: { display: 'flex', justifyContent: 'center', borderTop: `1px dashed ${t.palette.neutralTertiaryAlt}`, marginTop: 8 },
    entry: [getFocusStyle(t), {
      display: 'flex', gap: 12, alignItems: 'flex-start', width: '100%', textAlign: 'left', padding: 12, margin: '0 0 8px',
      background: t.semanticColors.bodyBackground, color: t.semanticColors.bodyText, border: `1px solid ${t.palette.neutralLight}`,
      borderRadius: t.effects.roundedCorner2, cursor: 'pointer', selectors: { ':hover': { background: t.palette.neutralLighter } }
    }],
    entryIcon: { fontSize: 20, color: t.palette.themePrimary, paddingTop: 2 },
    entryTitle: { ...t.fonts.medium, fontWeight: 600, display: 'block' },
    entryDescription: { ...t.fonts.small, color: t.semanticColors.bodySubtext, display: 'block', marginTop: 2 }
  });
}

export interface EditBarProps {
  common: IPmoHubCommonStrings;
  saving: boolean;
  error?: string;
  onSave: () => void;
  onDiscard: () => void;
}

export function EditBar({ common: c, saving, error, onSave, onDiscard }: EditBarProps): JSX.Element {
  const classes = classesOf(useTheme());
  return (
    <div role="region" aria-label={c.EditPage}>
      <MessageBar messageBarType={MessageBarType.info}>{c.EditingPage}</MessageBar>
      {error && <MessageBar messageBarType={MessageBarType.error} role="alert">{format(c.SaveFailed, error)}</MessageBar>}
      <div className={classes.bar}>
        <PrimaryButton iconProps={{ iconName: 'Send' }} text={c.SaveAndPublish} disabled={saving} onClick={onSave} />
        <DefaultButton text={c.DiscardChanges} disabled={saving} onClick={onDiscard} />
      </div>
    </div>
  );
}

/** "+" between sections: opens the toolbox for that place. */
export function AddHere({ label, onClick }: { label: string; onClick: () => void }): JSX.Element {
  const classes = classesOf(useTheme());
  return (
    <div className={classes.addLine}>
      <ActionButton iconProps={{ iconName: 'Add' }} text={label} onClick={onClick} />
    </div>
  );
}

const LAYOUT_LABEL: Record<SectionLayout, keyof IPmoHubCommonStrings> = {
  oneColumn: 'LayoutOneColumn', twoColumns: 'LayoutTwoColumns', threeColumns: 'LayoutThreeColumns',
  oneThirdLeft: 'LayoutOneThirdLeft', oneThirdRight: 'LayoutOneThirdRight'
};

const LAYOUT_ICON: Record<SectionLayout, string> = {
  oneColumn: 'SingleColumn', twoColumns: 'DoubleColumn', threeColumns: 'TripleColumn', oneThirdLeft: 'ColumnLeftTwoThirds', oneThirdRight: 'ColumnRightTwoThirds'
};

/** "Add a section" with SharePoint's layouts to choose from. */
export function AddSection({ common: c, label, onPick }: { common: IPmoHubCommonStrings; label: string; onPick: (layout: SectionLayout) => void }): JSX.Element {
  return (
    <ActionButton
      iconProps={{ iconName: 'CirclePlus' }} text={label}
      menuProps={{
        items: SECTION_LAYOUT_KEYS.map((k) => ({
          key: k, text: c[LAYOUT_LABEL[k]], iconProps: { iconName: LAYOUT_ICON[k] }, onClick: () => { onPick(k); },
          'data-layout': k
        }))
      }}
    />
  );
}

export interface NewPageDialogProps {
  common: IPmoHubCommonStrings;
  /** Whether SharePoint lets this user change the site navigation. */
  canLink: boolean;
  onCreate: (title: string, addToNavigation: boolean) => Promise<void>;
  onDismiss: () => void;
}

/** SharePoint's "New > Page", cut to what the hub needs: a title, and whether to link it in the navigation. */
export function NewPageDialog({ common: c, canLink, onCreate, onDismiss }: NewPageDialogProps): JSX.Element {
  const [title, setTitle] = React.useState('');
  const [link, setLink] = React.useState(canLink);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>();
  const submit = (): void => {
    if (!title.trim() || busy) return;
    setBusy(true);
    setError(undefined);
    onCreate(title.trim(), canLink && link).catch((e: unknown) => { setBusy(false); setError(format(c.PageNotCreated, (e as Error).message)); });
  };
  return (
    <Dialog hidden={false} onDismiss={onDismiss} dialogContentProps={{ type: DialogType.normal, title: c.NewPage, closeButtonAriaLabel: c.Close }} modalProps={{ isBlocking: busy }}>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <TextField label={c.NewPageTitle} required={true} value={title} onChange={(_e, v) => setTitle(v ?? '')} autoFocus={true} disabled={busy} />
        <Checkbox styles={{ root: { marginTop: 16 } }} label={c.AddToNavigation} checked={canLink && link} disabled={!canLink || busy} onChange={(_e, v) => setLink(!!v)} />
        {!canLink && <p style={{ margin: '8px 0 0' }}>{c.NavigationNotAllowed}</p>}
        {error && <MessageBar messageBarType={MessageBarType.error} role="alert" styles={{ root: { marginTop: 12 } }}>{error}</MessageBar>}
        <DialogFooter>
          <PrimaryButton type="submit" text={c.CreatePage} disabled={!title.trim() || busy} />
          <DefaultButton text={c.Cancel} disabled={busy} onClick={onDismiss} />
        </DialogFooter>
      </form>
    </Dialog>
  );
}

export interface ToolboxProps {
  common: IPmoHubCommonStrings;
  tag: string;
  isOpen: boolean;
  onPick: (entry: ToolboxEntry) => void;
  onDismiss: () => void;
}

/** The PMO Hub section of SharePoint's toolbox: each web part's title, description and icon from its manifest. */
export function Toolbox({ common: c, tag, isOpen, onPick, onDismiss }: ToolboxProps): JSX.Element {
  const classes = classesOf(useTheme());
  return (
    <Panel isOpen={isOpen} onDismiss={onDismiss} headerText={c.Toolbox} closeButtonAriaLabel={c.Close} type={PanelType.smallFixedFar} isLightDismiss={true}>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={c.Toolbox}>
        {TOOLBOX.map((e) => (
          <li key={e.id}>
            <button type="button" className={classes.entry} data-manifest-id={e.id} onClick={() => onPick(e)}>
              <FontIcon iconName={e.iconName} className={classes.entryIcon} aria-hidden={true} />
              <span>
                <span className={classes.entryTitle}>{localised(e.title, tag)}</span>
                <span className={classes.entryDescription}>{localised(e.description, tag)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** A new control for a toolbox entry: the manifest's default properties, a fresh instance id. */
export function controlFor(entry: ToolboxEntry): EditedControl {
  return { kind: 'webPart', id: newInstanceId(), manifestId: entry.id, alias: entry.alias, properties: JSON.parse(JSON.stringify(entry.properties)) as Record<string, unknown> };
}

export interface WebPartToolbarProps {
  common: IPmoHubCommonStrings;
  tag: string;
  control: EditedControl & { kind: 'webPart' };
  draft: EditedSection[];
  onChange: (next: EditedSection[]) => void;
  /** Opens the web part's property pane; omitted: the web part has none in the hub. */
  onEditProperties?: () => void;
}

/** The tools SharePoint shows beside a web part in edit mode. */
export function WebPartToolbar({ common: c, tag, control, draft, onChange, onEditProperties }: WebPartToolbarProps): JSX.Element {
  const classes = classesOf(useTheme());
  const title = webPartTitle(control.manifestId, tag);
  const filter = filterInstanceOf(draft);
  return (
    <div role="toolbar" aria-label={format(c.WebPartToolbar, title)} className={classes.toolbar}>
      <span className={classes.toolbarTitle}>{title}</span>
      {CONNECTABLE_MANIFEST_IDS.has(control.manifestId) && (
        <Toggle
          inlineLabel={true} label={c.ConnectToFilters} checked={!!control.filterSource && control.filterSource === filter} disabled={!filter}
          title={filter ? undefined : c.NoFiltersOnPage} styles={{ root: { margin: '0 8px 0 0' } }}
          onChange={(_e, on) => onChange(updateControl(draft, control.id, (ctl) => ({ ...ctl, filterSource: on ? filter : undefined })))}
        />
      )}
      {onEditProperties && <IconButton iconProps={{ iconName: 'Edit' }} title={format(c.EditWebPartProperties, title)} ariaLabel={format(c.EditWebPartProperties, title)} onClick={onEditProperties} />}
      <IconButton iconProps={{ iconName: 'Up' }} title={format(c.MoveUp, title)} ariaLabel={format(c.MoveUp, title)} onClick={() => onChange(moveSection(draft, control.id, -1))} />
      <IconButton iconProps={{ iconName: 'Down' }} title={format(c.MoveDown, title)} ariaLabel={format(c.MoveDown, title)} onClick={() => onChange(moveSection(draft, control.id, 1))} />
      <IconButton iconProps={{ iconName: 'Delete' }} title={format(c.RemoveWebPart, title)} ariaLabel={format(c.RemoveWebPart, title)} onClick={() => onChange(removeControl(draft, control.id))} />
    </div>
  );
}
