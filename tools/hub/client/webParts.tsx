import * as React from 'react';
import ProjectRegister from '../../../src/webparts/projectRegister/components/ProjectRegister';
import { SpProjectService } from '../../../src/services/ProjectService';
import { spFromUrl } from '../../../src/services/sp';
import { PROJECT_PHASES } from '../../../src/schema';
import type { ProjectPhase } from '../../../src/model/portfolio';
import { PROJECT_REGISTER_MANIFEST_ID } from '../../../src/pages/hubPages';
import { REGISTER_STRINGS, type HubLanguageInfo } from './strings';

/** What SPFx's page context gives a web part, as far as the hub's web parts need it. */
export interface HubWebPartContext {
  /** Absolute URL of the site the page is on. */
  siteUrl: string;
  /** Changes when the acting user changes: services are rebuilt and data reloaded. */
  userKey: string;
  language: HubLanguageInfo;
  common: IPmoHubCommonStrings;
}

interface HostProps {
  properties: Record<string, unknown>;
  context: HubWebPartContext;
}

function numberProp(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
}

function isPhase(v: unknown): v is ProjectPhase {
  return (PROJECT_PHASES as readonly unknown[]).includes(v);
}

/** What ProjectRegisterWebPart.render does in SPFx, with the hub's context instead of SPFx's. */
function ProjectRegisterHost({ properties, context }: HostProps): JSX.Element {
  const configured = typeof properties.siteUrl === 'string' ? properties.siteUrl.trim() : '';
  const siteUrl = configured || context.siteUrl;
  // One service per acting user: the register reloads as that user, as after a sign-in.
  const service = React.useMemo(() => new SpProjectService(spFromUrl(siteUrl), siteUrl),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [siteUrl, context.userKey]);
  return (
    <ProjectRegister
      service={service}
      strings={REGISTER_STRINGS[context.language.key]}
      common={context.common}
      locale={context.language.tag}
      pageSize={numberProp(properties.pageSize, 50)}
      staleDays={numberProp(properties.staleDays, 30)}
      defaultPhase={isPhase(properties.defaultPhase) ? properties.defaultPhase : ''}
    />
  );
}

/** The web parts the hub can render, by manifest id: the ones built so far. */
export const WEB_PARTS: Record<string, (props: HostProps) => JSX.Element> = {
  [PROJECT_REGISTER_MANIFEST_ID]: ProjectRegisterHost
};
