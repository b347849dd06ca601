import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'TemplatesWebPartStrings';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import { validateSiteUrl, type IPmoHubWebPartProps } from '../shared/settings';
import type { AnyComposition } from '../shared/PmoHubWebPart';

/** Thin by design: the template service and the component; the base does the rest. */
export default class TemplatesWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IPmoHubWebPartProps>> {
    return import(/* webpackChunkName: 'templates' */ './composition').then((m) => m.templatesComposition);
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [{
          groupName: strings.DataGroupName,
          groupFields: [PropertyPaneTextField('siteUrl', {
            label: strings.SiteUrlLabel, description: strings.SiteUrlDescription, deferredValidationTime: 500,
            onGetErrorMessage: (v: string) => validateSiteUrl(v, strings.SiteUrlInvalid)
          })]
        }]
      }]
    };
  }
}
