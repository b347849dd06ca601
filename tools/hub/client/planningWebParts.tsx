import * as React from 'react';
import { spFromUrl } from '../../../src/services/sp';
import { SpPortfolioService } from '../../../src/services/PortfolioService';
import { SpPortfolioRiskService } from '../../../src/services/PortfolioRiskService';
import { SpPrioritisationService } from '../../../src/services/PrioritisationService';
import { PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID, PRIORITISATION_MANIFEST_ID, TIMELINE_MANIFEST_ID } from '../../../src/pages/hubPages';
import Timeline from '../../../src/webparts/portfolio/timeline/components/Timeline';
import PortfolioRiskHeatMap from '../../../src/webparts/portfolio/riskHeatMap/components/PortfolioRiskHeatMap';
import Prioritisation from '../../../src/webparts/portfolio/prioritisation/components/Prioritisation';
import planningEn from '../../../src/webparts/portfolio/loc-planning/en-us.js';
import planningSv from '../../../src/webparts/portfolio/loc-planning/sv-se.js';
import planningDa from '../../../src/webparts/portfolio/loc-planning/da-dk.js';
import planningNl from '../../../src/webparts/portfolio/loc-planning/nl-nl.js';
import type { HubLanguage } from './strings';
import { usePageFilter } from './pageFilter';
import type { HostProps } from './webParts';

// The portfolio planning web parts (timeline, risk heat map, prioritisation) as the hub mounts
// them: what each web part class's render does in SPFx, with the page's filter from the hub's context.

const PLANNING_STRINGS: Record<HubLanguage, IPortfolioPlanningWebPartStrings> = {
  'en-us': planningEn, 'sv-se': planningSv, 'da-dk': planningDa, 'nl-nl': planningNl
};

function siteOf(properties: Record<string, unknown>, fallback: string): string {
  const configured = typeof properties.siteUrl === 'string' ? properties.siteUrl.trim() : '';
  return configured || fallback;
}

function TimelineHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context.siteUrl);
  const { filter } = usePageFilter();
  // Keyed by user as well, so the shared read of one demo user is never served to the next.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const portfolio = React.useMemo(() => new SpPortfolioService(spFromUrl(siteUrl), siteUrl, `${siteUrl}|${context.userKey}`), [siteUrl, context.userKey]);
  return (
    <Timeline
      portfolio={portfolio} filter={filter} strings={PLANNING_STRINGS[context.language.key]} common={context.common} locale={context.language.tag}
      grouping={properties.grouping === 'unit' ? 'unit' : 'programme'}
      zoom={properties.zoom === 'years' || properties.zoom === 'halfYears' ? properties.zoom : 'quarters'}
    />
  );
}

function RiskHeatMapHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context.siteUrl);
  const { filter } = usePageFilter();
  const built = React.useMemo(() => {
    const sp = spFromUrl(siteUrl);
    return { portfolio: new SpPortfolioService(sp, siteUrl, `${siteUrl}|${context.userKey}`), risks: new SpPortfolioRiskService(sp, siteUrl) };
  }, [siteUrl, context.userKey]);
  return <PortfolioRiskHeatMap portfolio={built.portfolio} risks={built.risks} filter={filter} strings={PLANNING_STRINGS[context.language.key]} common={context.common} locale={context.language.tag} />;
}

function PrioritisationHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context.siteUrl);
  const { filter } = usePageFilter();
  const built = React.useMemo(() => {
    const sp = spFromUrl(siteUrl);
    return { portfolio: new SpPortfolioService(sp, siteUrl, `${siteUrl}|${context.userKey}`), service: new SpPrioritisationService(sp, siteUrl) };
  }, [siteUrl, context.userKey]);
  return (
    <Prioritisation
      portfolio={built.portfolio} service={built.service} filter={filter} strings={PLANNING_STRINGS[context.language.key]}
      common={context.common} locale={context.language.tag} easeCriteria={typeof properties.easeCriteria === 'string' ? properties.easeCriteria : 'Effort, Risk'}
    />
  );
}

export const PLANNING_WEB_PARTS: Record<string, (props: HostProps) => JSX.Element> = {
  [TIMELINE_MANIFEST_ID]: TimelineHost,
  [PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID]: RiskHeatMapHost,
  [PRIORITISATION_MANIFEST_ID]: PrioritisationHost
};
