import * as React from 'react';
import { PropertyPaneTextField } from '@microsoft/sp-property-pane';
import News from './components/News';
import { SpNewsService } from '../../services/NewsService';
import type { IPmoHubWebPartProps } from '../shared/settings';
import { defineComposition } from '../shared/composition';
import { siteDataPane } from '../shared/siteDataPane';

export interface INewsWebPartProps extends IPmoHubWebPartProps {
  count?: number;
}

function count(v: unknown): string {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 20 ? '' : 'invalid';
}

export const newsComposition = defineComposition<INewsWebPartProps, IFrontDoorWebPartStrings>()({
  propertyPane: (strings) => siteDataPane(strings, [
    PropertyPaneTextField('count', { label: strings.NewsCountLabel, onGetErrorMessage: (v: string) => (count(v) ? strings.NewsCountInvalid : ''), deferredValidationTime: 500 })
  ]),
  services: ({ sp, siteUrl }) => ({ news: new SpNewsService(sp, siteUrl) }),
  render: (s, properties, ctx) => React.createElement(News, {
    news: s.news, strings: ctx.strings, common: ctx.common, locale: ctx.locale, count: count(properties.count) ? 4 : Number(properties.count)
  })
});
