import { PropertyPaneTextField, type IPropertyPaneConfiguration, type IPropertyPaneField } from '@microsoft/sp-property-pane';
import { validateSiteUrl } from '../../shared/settings';

/** The community web parts' setting: the site holding the PMO lists, and any of the web part's own. */
export function siteDataPane(s: ICommunityWebPartStrings, more: Array<IPropertyPaneField<unknown>> = []): IPropertyPaneConfiguration {
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
