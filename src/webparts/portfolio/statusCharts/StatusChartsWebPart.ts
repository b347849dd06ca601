import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { PropertyPaneChoiceGroup, PropertyPaneTextField, PropertyPaneToggle, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { SpPortfolioService, type IPortfolioService } from '../../../services/PortfolioService';
import { SpStatusTrendService, type IStatusTrendService } from '../../../services/StatusTrendService';
import { validateSiteUrl } from '../../shared/settings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import { distributionKey, type IStatusChartsWebPartProps } from '../shared/portfolioSettings';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const StatusCharts = React.lazy(() => import(/* webpackChunkName: 'status-charts' */ './components/StatusCharts'));

export default class StatusChartsWebPart extends PortfolioWebPart<IStatusChartsWebPartProps> {
  private service!: IPortfolioService;
  private trend!: IStatusTrendService;

  protected buildServices(sp: SPFI, site: string): void {
    this.service = new SpPortfolioService(sp, site);
    this.trend = new SpStatusTrendService(sp, site);
  }

  protected renderComponent(): React.ReactElement {
    return React.createElement(StatusCharts, {
      service: this.service, trend: this.trend, filter: this.currentFilter(), strings, common, locale: this.locale,
      grouping: distributionKey(this.properties.grouping), showTrend: this.properties.showTrend !== false
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
              PropertyPaneChoiceGroup('grouping', { label: strings.GroupingLabel, options: [{ key: 'unit', text: strings.ColumnUnit }, { key: 'phase', text: strings.ColumnPhase }] }),
              PropertyPaneToggle('showTrend', { label: strings.ShowTrendLabel })
            ]
          }
        ]
      }]
    };
  }
}
