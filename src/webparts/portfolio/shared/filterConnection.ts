import {
  PropertyPaneDynamicField, PropertyPaneDynamicFieldSet,
  type IPropertyPaneConfiguration, type IPropertyPaneField, type IPropertyPaneGroup
} from '@microsoft/sp-property-pane';
import { siteDataGroup } from '../../shared/siteDataPane';

/** The property pane group that connects a portfolio web part to the page's Portfolio filters web part. */
export function filterConnectionGroup(groupName: string, label: string): IPropertyPaneGroup {
  return {
    groupName,
    groupFields: [PropertyPaneDynamicFieldSet({ label, fields: [PropertyPaneDynamicField('filter', { label })] })]
  };
}

/** A portfolio chart's pane: the site it reads, its filter connection, then its own options. */
export function portfolioChartPane(strings: IPortfolioWebPartStrings, options: Array<IPropertyPaneField<unknown>>): IPropertyPaneConfiguration {
  return {
    pages: [{
      header: { description: strings.PropertyPaneDescription },
      groups: [
        siteDataGroup(strings),
        filterConnectionGroup(strings.ConnectionGroupName, strings.ConnectionLabel),
        { groupName: strings.OptionsGroupName, groupFields: options }
      ]
    }]
  };
}
