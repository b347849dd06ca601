import { PropertyPaneChoiceGroup, PropertyPaneSlider, PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import { validateSiteUrl } from '../../shared/settings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IBudgetWebPartProps } from '../shared/portfolioSettings';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

export default class BudgetWebPart extends PortfolioWebPart<IBudgetWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IBudgetWebPartProps>> {
    return import(/* webpackChunkName: 'budget' */ './composition').then((m) => m.budgetComposition);
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
