import { PropertyPaneTextField, type IPropertyPaneField, type IPropertyPaneGroup } from '@microsoft/sp-property-pane';
import { validateSiteUrl } from '../../shared/settings';

/** The site setting every portfolio planning web part has, in the planning strings. */
export function planningDataGroup(s: IPortfolioPlanningWebPartStrings): IPropertyPaneGroup {
  return {
    groupName: s.DataGroupName,
    groupFields: [PropertyPaneTextField('siteUrl', {
      label: s.SiteUrlLabel, description: s.SiteUrlDescription,
      onGetErrorMessage: (v: string) => validateSiteUrl(v, s.SiteUrlInvalid), deferredValidationTime: 500
    })]
  };
}

export function viewGroup(s: IPortfolioPlanningWebPartStrings, fields: IPropertyPaneField<unknown>[]): IPropertyPaneGroup {
  return { groupName: s.ViewGroupName, groupFields: fields };
}
