import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'TemplatesWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { SpTemplateService, type ITemplateService } from '../../services/TemplateService';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import { validateSiteUrl, type IPmoHubWebPartProps } from '../shared/settings';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const Templates = React.lazy(() => import(/* webpackChunkName: 'templates' */ './components/Templates'));

/** Thin by design: the template service and the component; the base does the rest. */
export default class TemplatesWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  private service!: ITemplateService;

  protected buildServices(sp: SPFI, site: string): void {
    this.service = new SpTemplateService(sp, site);
  }

  protected renderComponent(): React.ReactElement {
    return React.createElement(Templates, { service: this.service, strings, common, locale: this.locale, officeWebViewer: true });
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
