import * as React from 'react';
import { ChoiceGroup, Dropdown, Panel, PanelType, Slider, Text, TextField, Toggle } from '@fluentui/react';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { PropertyPaneFieldType, type StandInField } from './spPropertyPane';

/**
 * A web part's property pane in the hub's edit mode, rendered from the web part's own
 * getPropertyPaneConfiguration (its composition's `propertyPane`): the same groups, labels,
 * options and validators SPFx shows on a tenant, with Fluent controls. Changes apply to the
 * draft at once, as SPFx's reactive property pane does; the dynamic field (the filter
 * connection) is the page's connection to its Portfolio filters web part.
 */
export interface PropertyPanePanelProps {
  title: string;
  closeLabel: string;
  config: IPropertyPaneConfiguration;
  properties: Record<string, unknown>;
  onChange: (property: string, value: unknown) => void;
  /** Whether the connection is made and can be; omitted for web parts without one. */
  connected: boolean;
  canConnect: boolean;
  onConnect: (on: boolean) => void;
  onDismiss: () => void;
}

type Options = Array<{ key: string; text: string }>;

/**
 * As SPFx does, a text value its validator rejects is shown with the message and not given to the
 * web part; the web part keeps the last valid value.
 */
function ValidatedTextField({ field, label, value, onChange }: { field: StandInField; label: string; value: string; onChange: (property: string, value: unknown) => void }): JSX.Element {
  const p = field.properties;
  const validate = p.onGetErrorMessage as ((v: string) => string | Promise<string>) | undefined;
  const [text, setText] = React.useState(value);
  return (
    <TextField
      label={label} description={p.description as string | undefined} value={text} multiline={!!p.multiline}
      onGetErrorMessage={validate} deferredValidationTime={p.deferredValidationTime as number | undefined} validateOnLoad={false}
      onChange={(_e, v) => {
        const next = v ?? '';
        setText(next);
        void Promise.resolve(validate ? validate(next) : '').then((error) => { if (!error) onChange(field.targetProperty, next); });
      }}
    />
  );
}

function Field({ field, props }: { field: StandInField; props: PropertyPanePanelProps }): JSX.Element {
  const p = field.properties;
  const value = props.properties[field.targetProperty];
  const label = String(p.label ?? field.targetProperty);
  switch (field.type) {
    case PropertyPaneFieldType.TextField:
      return <ValidatedTextField field={field} label={label} value={value === undefined || value === null ? '' : String(value)} onChange={props.onChange} />;
    case PropertyPaneFieldType.Toggle:
      return (
        <Toggle label={label} onText={p.onText as string | undefined} offText={p.offText as string | undefined} checked={!!value}
          onChange={(_e, on) => props.onChange(field.targetProperty, !!on)} />
      );
    case PropertyPaneFieldType.Dropdown:
      return (
        <Dropdown label={label} options={(p.options as Options).map((o) => ({ key: o.key, text: o.text }))} selectedKey={value === undefined ? null : String(value)}
          onChange={(_e, o) => o && props.onChange(field.targetProperty, o.key)} />
      );
    case PropertyPaneFieldType.ChoiceGroup:
      return (
        <ChoiceGroup label={label} options={(p.options as Options).map((o) => ({ key: o.key, text: o.text }))} selectedKey={value === undefined ? undefined : String(value)}
          onChange={(_e, o) => o && props.onChange(field.targetProperty, o.key)} />
      );
    case PropertyPaneFieldType.Slider:
      return (
        <Slider label={label} min={p.min as number} max={p.max as number} step={(p.step as number | undefined) ?? 1} showValue={true}
          value={typeof value === 'number' ? value : Number(value ?? p.min)} onChange={(v) => props.onChange(field.targetProperty, v)} />
      );
    case PropertyPaneFieldType.DynamicFieldSet:
      // The filter connection: on the page it is the web part's link to the Portfolio filters web part.
      return (
        <Toggle label={label} checked={props.connected} disabled={!props.canConnect && !props.connected} onChange={(_e, on) => props.onConnect(!!on)} />
      );
    default:
      // Fields PMO Hub's panes do not use (custom, link, button) have no stand-in.
      return <></>;
  }
}

export function PropertyPanePanel(props: PropertyPanePanelProps): JSX.Element {
  return (
    <Panel isOpen={true} onDismiss={props.onDismiss} headerText={props.title} closeButtonAriaLabel={props.closeLabel} type={PanelType.smallFixedFar} isBlocking={false}>
      {props.config.pages.map((page, pi) => (
        <div key={pi}>
          {page.header?.description && <Text block={true} style={{ marginBottom: 12 }}>{page.header.description}</Text>}
          {page.groups.map((group, gi) => {
            const g = group as { groupName?: string; groupFields: unknown[] };
            return (
              <section key={gi} aria-label={g.groupName} style={{ marginBottom: 20 }}>
                {g.groupName && <h2 style={{ margin: '12px 0 4px', fontSize: 16 }}>{g.groupName}</h2>}
                {(g.groupFields as StandInField[]).map((f, fi) => <Field key={`${f.targetProperty}-${fi}`} field={f} props={props} />)}
              </section>
            );
          })}
        </div>
      ))}
    </Panel>
  );
}
