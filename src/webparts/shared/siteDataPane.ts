import { PropertyPaneTextField, type IPropertyPaneConfiguration, type IPropertyPaneField } from '@microsoft/sp-property-pane';
import { validateSiteUrl } from './settings';

/** The strings every "which site holds the PMO's lists" pane needs, whichever web part's file holds them. */
export interface ISiteDataPaneStrings {
  PropertyPaneDescription: string;
  DataGroupName: string;
  SiteUrlLabel: string;
  SiteUrlDescription: string;
  SiteUrlInvalid: string;
}

/** A web part's one setting that all share: the site holding the PMO's lists, then any of its own. */
export function siteDataPane(s: ISiteDataPaneStrings, more: Array<IPropertyPaneField<unknown>> = []): IPropertyPaneConfiguration {
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
