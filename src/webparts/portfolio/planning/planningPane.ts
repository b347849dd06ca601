import type { IPropertyPaneField, IPropertyPaneGroup } from '@microsoft/sp-property-pane';

export function viewGroup(s: IPortfolioPlanningWebPartStrings, fields: IPropertyPaneField<unknown>[]): IPropertyPaneGroup {
  return { groupName: s.ViewGroupName, groupFields: fields };
}
