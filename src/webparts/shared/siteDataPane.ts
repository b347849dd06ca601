import { PropertyPaneTextField, type IPropertyPaneConfiguration, type IPropertyPaneField, type IPropertyPaneGroup } from '@microsoft/sp-property-pane';
import { validateSiteUrl } from './settings';

/** The strings of the site field itself; older panes (portfolio) have no description for it. */
export interface ISiteUrlStrings {
  DataGroupName: string;
  SiteUrlLabel: string;
  SiteUrlDescription?: string;
  SiteUrlInvalid: string;
}

/** The strings every "which site holds the PMO's lists" pane needs, whichever web part's file holds them. */
export interface ISiteDataPaneStrings extends ISiteUrlStrings {
  PropertyPaneDescription: string;
  SiteUrlDescription: string;
}

/**
 * The group that names the site holding the PMO's lists, then any data setting of the web part's own.
 * One definition, so every web part validates the URL the same way and waits for typing to pause.
 */
export function siteDataGroup(s: ISiteUrlStrings, more: Array<IPropertyPaneField<unknown>> = []): IPropertyPaneGroup {
  return {
    groupName: s.DataGroupName,
    groupFields: [
      PropertyPaneTextField('siteUrl', { label: s.SiteUrlLabel, description: s.SiteUrlDescription, onGetErrorMessage: (v: string) => validateSiteUrl(v, s.SiteUrlInvalid), deferredValidationTime: 500 }),
      ...more
    ]
  };
}

/** A web part's one setting that all share: the site holding the PMO's lists, then any of its own. */
export function siteDataPane(s: ISiteDataPaneStrings, more: Array<IPropertyPaneField<unknown>> = []): IPropertyPaneConfiguration {
  return { pages: [{ header: { description: s.PropertyPaneDescription }, groups: [siteDataGroup(s, more)] }] };
}
