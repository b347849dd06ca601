import { PropertyPaneSlider, PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import { validateSiteUrl } from '../../shared/settings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IKpiTilesWebPartProps } from '../shared/portfolioSettings';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

export default class KpiTilesWebPart extends PortfolioWebPart<IKpiTilesWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IKpiTilesWebPartProps>> {
    return import(/* webpackChunkName: 'kpi-tiles' */ './composition').then((m) => m.kpiTilesComposition);
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
              PropertyPaneSlider('staleDays', { label: strings.StaleDaysLabel, min: 7, max: 90, step: 1 }),
              PropertyPaneTextField('registerUrl', { label: strings.RegisterUrlLabel })
            ]
          }
        ]
      }]
    };
  }
}
