import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import { SPFx } from '@pnp/sp/behaviors/spfx';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import '@pnp/sp/security';
import '@pnp/sp/batching';

/**
 * The one place an SPFI is built. In SharePoint and Teams it rides on the SPFx context
 * (cookies and the page's form digest); outside SPFx (the local hub, Node tools) on fetch.
 */
type SpfxContext = Parameters<typeof SPFx>[0];

let cached: { key: string; sp: SPFI } | undefined;

export function spFromContext(context: SpfxContext, siteUrl?: string): SPFI {
  const key = `spfx|${siteUrl ?? ''}`;
  if (!cached || cached.key !== key) {
    const sp = spfi(siteUrl || undefined).using(SPFx(context));
    cached = { key, sp };
  }
  return cached.sp;
}

export function spFromUrl(siteUrl: string): SPFI {
  return spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
}
