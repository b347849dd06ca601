import { PropertyPaneTextField, type IPropertyPaneConfiguration, type IPropertyPaneField } from '@microsoft/sp-property-pane';
import { validateSiteUrl } from '../shared/settings';

/** The front door and news web parts' setting: the site holding the PMO's lists, and any of the web part's own. */
export function frontDoorPane(s: IFrontDoorWebPartStrings, more: Array<IPropertyPaneField<unknown>> = []): IPropertyPaneConfiguration {
  return {
    pages: [{
      header: { description: s.PropertyPaneDescription },
      groups: [{
        groupName: s.DataGroupName,
        groupFields: [
          PropertyPaneTextField('siteUrl', { label: s.SiteUrlLabel, description: s.SiteUrlDescription, onGetErrorMessage: (v: string) => validateSiteUrl(v, s.SiteUrlInvalid), deferredValidationTime: 500 }),
          ...more
        ]
      }]
    }]
  };
}
