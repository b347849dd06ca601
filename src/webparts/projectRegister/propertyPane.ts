import { PropertyPaneDropdown, PropertyPaneSlider, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { PROJECT_PHASES } from '../../schema';
import { phaseLabel } from '../../components/labels';
import { siteDataGroup } from '../shared/siteDataPane';

export { DEFAULTS, type IProjectRegisterWebPartProps } from './settings';

export function propertyPane(s: IProjectRegisterWebPartStrings, c: IPmoHubCommonStrings): IPropertyPaneConfiguration {
  return {
    pages: [{
      header: { description: s.PropertyPaneDescription },
      groups: [
        siteDataGroup(s),
        {
          groupName: s.DisplayGroupName,
          groupFields: [
            PropertyPaneDropdown('defaultPhase', { label: s.DefaultPhaseLabel, options: [{ key: '', text: s.AllPhases }, ...PROJECT_PHASES.map((p) => ({ key: p, text: phaseLabel(c, p) }))] }),
            PropertyPaneSlider('pageSize', { label: s.PageSizeLabel, min: 10, max: 200, step: 10 }),
            PropertyPaneSlider('staleDays', { label: s.StaleDaysLabel, min: 7, max: 90, step: 1 })
          ]
        }
      ]
    }]
  };
}
