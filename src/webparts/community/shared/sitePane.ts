import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { validateSiteUrl } from '../../shared/settings';

/** The community web parts' one setting: the site holding the PMO lists. */
export function siteDataPane(s: ICommunityWebPartStrings): IPropertyPaneConfiguration {
  return {
    pages: [{
      header: { description: s.PropertyPaneDescription },
      groups: [{
        groupName: s.DataGroupName,
        groupFields: [
          PropertyPaneTextField('siteUrl', { label: s.SiteUrlLabel, description: s.SiteUrlDescription, onGetErrorMessage: (v: string) => validateSiteUrl(v, s.SiteUrlInvalid), deferredValidationTime: 500 })
        ]
      }]
    }]
  };
}
