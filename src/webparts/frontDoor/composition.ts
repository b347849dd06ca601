import * as React from 'react';
import FrontDoor from './components/FrontDoor';
import { SpFrontDoorService } from '../../services/FrontDoorService';
import type { IPmoHubWebPartProps } from '../shared/settings';
import { defineComposition } from '../shared/composition';
import { siteDataPane } from '../shared/siteDataPane';
import { pageLinks, profilePageKeys } from './pageLinks';

// The front door web part; the news web part has its own (newsComposition.ts), so a page with news only loads news. Both use `FrontDoorWebPartStrings`.

export interface IFrontDoorWebPartProps extends IPmoHubWebPartProps {
  /** Reports older than this many days count as late in the key figures (the KPI tiles' default). */
  staleDays?: number;
}

export const frontDoorComposition = defineComposition<IFrontDoorWebPartProps, IFrontDoorWebPartStrings>()({
  propertyPane: (strings) => siteDataPane(strings),
  services: ({ sp, siteUrl, cacheKey, snapshots }) => ({ service: new SpFrontDoorService(sp, siteUrl, profilePageKeys, cacheKey, snapshots), siteUrl }),
  render: (s, properties, ctx) => React.createElement(FrontDoor, {
    service: s.service, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    links: (pages) => pageLinks(s.siteUrl, pages), staleDays: Number(properties.staleDays) > 0 ? Number(properties.staleDays) : 30
  })
});
