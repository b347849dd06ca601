import * as React from 'react';
import { PropertyPaneTextField, type IPropertyPaneConfiguration, type IPropertyPaneField } from '@microsoft/sp-property-pane';
import FrontDoor from './components/FrontDoor';
import News from './components/News';
import { SpFrontDoorService, SpNewsService } from '../../services/FrontDoorService';
import type { IPmoHubWebPartProps } from '../shared/settings';
import { defineComposition } from '../shared/composition';
import { validateSiteUrl } from '../shared/settings';
import { pageLinks, profilePageKeys } from './pageLinks';

// The front door bundle's two web parts (one loc file, `FrontDoorWebPartStrings`).

export interface IFrontDoorWebPartProps extends IPmoHubWebPartProps {
  /** Reports older than this many days count as late in the key figures (the KPI tiles' default). */
  staleDays?: number;
}

export interface INewsWebPartProps extends IPmoHubWebPartProps {
  count?: number;
}

function pane(s: IFrontDoorWebPartStrings, more: Array<IPropertyPaneField<unknown>> = []): IPropertyPaneConfiguration {
  return {
    pages: [{
      header: { description: s.PropertyPaneDescription },
      groups: [{
        groupName: s.DataGroupName,
        groupFields: [
          PropertyPaneTextField('siteUrl', { label: s.SiteUrlLabel, description: s.SiteUrlDescription, onGetErrorMessage: (v: string) => validateSiteUrl(v, s.SiteUrlInvalid), deferredValidationTime: 500 }),
          ...more
        ]
      }]
    }]
  };
}

function count(v: unknown): string {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 20 ? '' : 'invalid';
}

export const frontDoorComposition = defineComposition<IFrontDoorWebPartProps, IFrontDoorWebPartStrings>()({
  propertyPane: (strings) => pane(strings),
  services: ({ sp, siteUrl }) => ({ service: new SpFrontDoorService(sp, siteUrl, profilePageKeys), siteUrl }),
  render: (s, properties, ctx) => React.createElement(FrontDoor, {
    service: s.service, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    links: (pages) => pageLinks(s.siteUrl, pages), staleDays: Number(properties.staleDays) > 0 ? Number(properties.staleDays) : 30
  })
});

export const newsComposition = defineComposition<INewsWebPartProps, IFrontDoorWebPartStrings>()({
  propertyPane: (strings) => pane(strings, [
    PropertyPaneTextField('count', { label: strings.NewsCountLabel, onGetErrorMessage: (v: string) => (count(v) ? strings.NewsCountInvalid : ''), deferredValidationTime: 500 })
  ]),
  services: ({ sp, siteUrl }) => ({ news: new SpNewsService(sp, siteUrl) }),
  render: (s, properties, ctx) => React.createElement(News, {
    news: s.news, strings: ctx.strings, common: ctx.common, locale: ctx.locale, count: count(properties.count) ? 4 : Number(properties.count)
  })
});
