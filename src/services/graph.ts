import type { Client } from '@microsoft/microsoft-graph-client';
import { onceUntilFailure } from '../common/once';

/**
 * What the services need of a Graph client: `api()`. Both `@microsoft/microsoft-graph-client`'s
 * `Client` and SPFx's `MSGraphClientV3` (`context.msGraphClientFactory.getClient('3')`) fit.
 */
export type GraphClientLike = Pick<Client, 'api'>;

/** A client, or a factory for one (SPFx hands out clients asynchronously). */
export type GraphClientSource = GraphClientLike | (() => Promise<GraphClientLike>);

/**
 * The one way a service gets its Graph client: made on first use and then kept; a factory that
 * failed is asked again next time (consent may have been granted in between). No source → every
 * call rejects, so a service without Graph degrades instead of breaking at construction.
 */
export function lazyGraphClient(source: GraphClientSource | undefined): () => Promise<GraphClientLike> {
  if (!source) return () => Promise.reject(new Error('No Microsoft Graph client is configured.'));
  return onceUntilFailure(() => (typeof source === 'function' ? source() : Promise.resolve(source)));
}
