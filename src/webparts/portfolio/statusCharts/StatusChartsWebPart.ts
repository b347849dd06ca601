import { PropertyPaneChoiceGroup, PropertyPaneTextField, PropertyPaneToggle, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import { validateSiteUrl } from '../../shared/settings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IStatusChartsWebPartProps } from '../shared/portfolioSettings';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

export default class StatusChartsWebPart extends PortfolioWebPart<IStatusChartsWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IStatusChartsWebPartProps>> {
    return import(/* webpackChunkName: 'status-charts' */ './composition').then((m) => m.statusChartsComposition);
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [
          {
            groupName: strings.DataGroupName,
            groupFields: [
              PropertyPaneTextField('siteUrl', { label: strings.SiteUrlLabel, onGetErrorMessage: (v: string) => validateSiteUrl(v, strings.SiteUrlInvalid), deferredValidationTime: 500 })
            ]
          },
          this.filterConnectionGroup(strings.ConnectionGroupName, strings.ConnectionLabel),
          {
            groupName: strings.OptionsGroupName,
            groupFields: [
              PropertyPaneChoiceGroup('grouping', { label: strings.GroupingLabel, options: [{ key: 'unit', text: strings.ColumnUnit }, { key: 'phase', text: strings.ColumnPhase }] }),
              PropertyPaneToggle('showTrend', { label: strings.ShowTrendLabel })
            ]
          }
        ]
      }]
    };
  }
}
