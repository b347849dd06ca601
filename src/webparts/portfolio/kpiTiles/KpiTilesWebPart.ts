import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { PropertyPaneSlider, PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import { validateSiteUrl } from '../../shared/settings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IKpiTilesWebPartProps } from '../shared/portfolioSettings';
import { kpiTilesComposition } from './composition';

export default class KpiTilesWebPart extends PortfolioWebPart<IKpiTilesWebPartProps> {
  private services!: ReturnType<typeof kpiTilesComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = kpiTilesComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return kpiTilesComposition.render(this.services, this.properties, this.renderContext(strings));
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
