import { PropertyPaneDynamicField, PropertyPaneDynamicFieldSet, type IPropertyPaneGroup } from '@microsoft/sp-property-pane';

/** The property pane group that connects a portfolio web part to the page's Portfolio filters web part. */
export function filterConnectionGroup(groupName: string, label: string): IPropertyPaneGroup {
  return {
    groupName,
    groupFields: [PropertyPaneDynamicFieldSet({ label, fields: [PropertyPaneDynamicField('filter', { label })] })]
  };
}
