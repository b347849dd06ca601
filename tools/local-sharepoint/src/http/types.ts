/**
 * The request and response shapes every route of the local SharePoint works with.
 * Routes never touch node's http objects, so the same code answers a real HTTP request
 * and one part of a `$batch` body.
 */
export interface LocalRequest {
  method: string;
  /** Absolute URL, e.g. http://localhost:4321/sites/pmo/_api/web/lists */
  url: URL;
  /** Header names are lower-case. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface LocalResponse {
  status: number;
  statusText?: string;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** How the client asked for JSON: `application/json` is SharePoint Online's minimal metadata. */
export type ODataMode = 'minimal' | 'verbose' | 'nometadata';

export function odataModeOf(accept: string | undefined): ODataMode {
  const a = (accept ?? '').toLowerCase();
  if (a.includes('odata=verbose')) return 'verbose';
  if (a.includes('odata=nometadata')) return 'nometadata';
  return 'minimal';
}
