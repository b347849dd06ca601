import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { PropertyPaneSlider, PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { SpPortfolioService, type IPortfolioService } from '../../../services/PortfolioService';
import { validateSiteUrl } from '../../shared/settings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import { boundedInt, registerPageUrl, type IKpiTilesWebPartProps } from '../shared/portfolioSettings';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const KpiTiles = React.lazy(() => import(/* webpackChunkName: 'kpi-tiles' */ './components/KpiTiles'));

export default class KpiTilesWebPart extends PortfolioWebPart<IKpiTilesWebPartProps> {
  private service!: IPortfolioService;
  private site: string = '';

  protected buildServices(sp: SPFI, site: string): void {
    this.service = new SpPortfolioService(sp, site);
    this.site = site;
  }

  protected renderComponent(): React.ReactElement {
    return React.createElement(KpiTiles, {
      service: this.service, filter: this.currentFilter(), strings, common, locale: this.locale,
      staleDays: boundedInt(this.properties.staleDays, 1, 365, 30), registerUrl: registerPageUrl(this.properties.registerUrl, this.site)
    });
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
