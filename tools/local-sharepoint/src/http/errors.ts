import type { LocalResponse, ODataMode } from './types';

/**
 * An error SharePoint would answer with. `code` is SharePoint's "<hresult>, <exception type>"
 * string; the body shape depends on the OData mode the client asked for.
 */
export class SpError extends Error {
  public constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly extraHeaders: Record<string, string> = {}
  ) {
    super(message);
    this.name = 'SpError';
  }
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  412: 'Precondition Failed', 413: 'Payload Too Large', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable'
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? 'Unknown';
}

export function errorResponse(err: SpError, mode: ODataMode): LocalResponse {
  const inner = { code: err.code, message: { lang: 'en-US', value: err.message } };
  const body = mode === 'verbose' ? { error: inner } : { 'odata.error': inner };
  const contentType = mode === 'verbose'
    ? 'application/json;odata=verbose;charset=utf-8'
    : 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';
  return {
    status: err.status,
    statusText: statusText(err.status),
    headers: { 'content-type': contentType, ...err.extraHeaders },
    body: JSON.stringify(body)
  };
}

// The errors SharePoint Online is seen to return, in one place (reference §3.1).
export const Errors = {
  badRequest: (message: string): SpError =>
    new SpError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message),
  argument: (message: string, status = 400): SpError =>
    new SpError(status, '-1, System.ArgumentException', message),
  fieldNotFound: (name: string): SpError =>
    new SpError(400, '-1, Microsoft.SharePoint.SPException', `The field or property '${name}' does not exist.`),
  columnNotFound: (name: string): SpError =>
    new SpError(400, '-2147024809, System.ArgumentException',
      `Column '${name}' does not exist. It may have been deleted by another user.`),
  listNotFound: (title: string, webUrl: string): SpError =>
    new SpError(404, '-1, System.ArgumentException', `List '${title}' does not exist at site with URL '${webUrl}'.`),
  itemNotFound: (): SpError =>
    new SpError(404, '-2130575338, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.'),
  notFound: (message: string): SpError =>
    new SpError(404, '-2147024894, System.IO.FileNotFoundException', message),
  accessDenied: (): SpError =>
    new SpError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied.'),
  etagMismatch: (sent: string, current: string): SpError =>
    new SpError(412, '-1, Microsoft.SharePoint.Client.ClientServiceException',
      `The request ETag value '${sent}' does not match the object's ETag value '${current}'.`),
  threshold: (): SpError =>
    new SpError(500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      'The attempted operation is prohibited because it exceeds the list view threshold enforced by the administrator.'),
  notImplemented: (what: string): SpError =>
    new SpError(501, '-1, Microsoft.SharePoint.Client.ClientServiceException',
      `The local SharePoint does not implement ${what}. See tools/local-sharepoint/README.md for what it covers.`)
};
