import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { validateProjectId, validateSiteUrl } from './settings';


/** The data settings of a project-scoped web part (site and project), in each web part's own strings. */
export interface IDataPaneStrings {
  PropertyPaneDescription: string;
  DataGroupName: string;
  SiteUrlLabel: string;
  SiteUrlDescription: string;
  SiteUrlInvalid: string;
  ProjectIdLabel: string;
  ProjectIdDescription: string;
  ProjectIdInvalid: string;
}

export function projectDataPane(s: IDataPaneStrings): IPropertyPaneConfiguration {
  return {
    pages: [{
      header: { description: s.PropertyPaneDescription },
      groups: [{
        groupName: s.DataGroupName,
        groupFields: [
          PropertyPaneTextField('siteUrl', { label: s.SiteUrlLabel, description: s.SiteUrlDescription, onGetErrorMessage: (v: string) => validateSiteUrl(v, s.SiteUrlInvalid), deferredValidationTime: 500 }),
          PropertyPaneTextField('projectId', { label: s.ProjectIdLabel, description: s.ProjectIdDescription, onGetErrorMessage: (v: string) => validateProjectId(v, s.ProjectIdInvalid), deferredValidationTime: 500 })
        ]
      }]
    }]
  };
}
