import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { PropertyPaneChoiceGroup, PropertyPaneSlider, PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { SpPortfolioService, type IPortfolioService } from '../../../services/PortfolioService';
import { validateSiteUrl } from '../../shared/settings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import { boundedInt, budgetKey, type IBudgetWebPartProps } from '../shared/portfolioSettings';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const BudgetOverview = React.lazy(() => import(/* webpackChunkName: 'budget-overview' */ './components/BudgetOverview'));

export default class BudgetWebPart extends PortfolioWebPart<IBudgetWebPartProps> {
  private service!: IPortfolioService;

  protected buildServices(sp: SPFI, site: string): void {
    this.service = new SpPortfolioService(sp, site);
  }

  protected renderComponent(): React.ReactElement {
    return React.createElement(BudgetOverview, {
      service: this.service, filter: this.currentFilter(), strings, common, locale: this.locale,
      grouping: budgetKey(this.properties.grouping), tolerancePct: boundedInt(this.properties.tolerancePct, 0, 100, 5),
      projectLimit: boundedInt(this.properties.projectLimit, 5, 50, 15)
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
              PropertyPaneChoiceGroup('grouping', { label: strings.GroupingLabel, options: [{ key: 'unit', text: strings.ColumnUnit }, { key: 'project', text: strings.ColumnProject }] }),
              PropertyPaneSlider('tolerancePct', { label: strings.ToleranceLabel, min: 0, max: 50, step: 1 }),
              PropertyPaneSlider('projectLimit', { label: strings.ProjectLimitLabel, min: 5, max: 50, step: 5 })
            ]
          }
        ]
      }]
    };
  }
}
