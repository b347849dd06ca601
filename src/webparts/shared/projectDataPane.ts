import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { validateProjectId } from './settings';
import { siteDataPane, type ISiteDataPaneStrings } from './siteDataPane';

/** The data settings of a project-scoped web part (site and project), in each web part's own strings. */
export interface IDataPaneStrings extends ISiteDataPaneStrings {
  ProjectIdLabel: string;
  ProjectIdDescription: string;
  ProjectIdInvalid: string;
}

export function projectDataPane(s: IDataPaneStrings): IPropertyPaneConfiguration {
  return siteDataPane(s, [
    PropertyPaneTextField('projectId', { label: s.ProjectIdLabel, description: s.ProjectIdDescription, onGetErrorMessage: (v: string) => validateProjectId(v, s.ProjectIdInvalid), deferredValidationTime: 500 })
  ]);
}
