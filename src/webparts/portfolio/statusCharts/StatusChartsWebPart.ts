import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { PropertyPaneChoiceGroup, PropertyPaneTextField, PropertyPaneToggle, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import { validateSiteUrl } from '../../shared/settings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IStatusChartsWebPartProps } from '../shared/portfolioSettings';
import { statusChartsComposition } from './composition';

export default class StatusChartsWebPart extends PortfolioWebPart<IStatusChartsWebPartProps> {
  private services!: ReturnType<typeof statusChartsComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = statusChartsComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return statusChartsComposition.render(this.services, this.properties, this.renderContext(strings));
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
