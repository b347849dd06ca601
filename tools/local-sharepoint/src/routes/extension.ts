import type { LocalResponse } from '../http/types';
import type { Segment } from '../http/path';
import type { ApiContext, Res, Route } from './context';

/** A resource answered by its own route file (pages, attachments…): it walks the rest of the path itself. */
export interface Extension {
  describe: string;
  step(ctx: ApiContext, seg: Segment, last: boolean): Res | LocalResponse;
  finish(ctx: ApiContext): LocalResponse;
}

declare module './context' {
  interface ResKinds {
    ext: { ext: Extension };
  }
}

/** Hands the rest of a path, and the verb, to the extension resource the path reached. */
export const extensionRoute: Route = {
  step: (ctx, res, seg, last) => (res.k === 'ext' ? res.ext.step(ctx, seg, last) : undefined),
  finish: (ctx, res) => (res.k === 'ext' ? res.ext.finish(ctx) : undefined)
};
