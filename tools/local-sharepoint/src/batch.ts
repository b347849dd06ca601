import { randomUUID } from 'crypto';
import type { LocalRequest, LocalResponse } from './http/types';
import { odataModeOf } from './http/types';
import { Errors, SpError, errorResponse, statusText } from './http/errors';

/**
 * OData v3 `$batch` as SharePoint Online speaks it (reference §2.5): a multipart/mixed request whose
 * parts are GETs or changesets of writes, answered by a flat multipart list with one part per operation.
 */
export interface BatchPart {
  method: string;
  /** The URL exactly as written in the request line: usually absolute, may be relative. */
  url: string;
  /** Header names as the client wrote them; executeBatch lower-cases them. */
  headers: Record<string, string>;
  body: Buffer;
  /** The boundary of the changeset the operation came in, if any. */
  changeset?: string;
}

/** SharePoint refuses batches with more operations than this. */
export const MAX_BATCH_OPERATIONS = 1000;

// ---------------------------------------------------------------------------------------------
// Request parsing
// ---------------------------------------------------------------------------------------------

interface Line {
  /** The line without its terminator, decoded as latin1 so every byte maps to one char. */
  text: string;
  /** '\n', '\r\n' or '' for the last line: kept so a body is handed on byte for byte. */
  eol: string;
}

/** A half-open range [start, end) of line indexes. */
interface Range {
  start: number;
  end: number;
}

const REQUEST_LINE = /^([A-Za-z]+) +(\S+) +HTTP\/1\.[01]$/;

export function parseBatchRequest(contentType: string, body: Buffer): BatchPart[] {
  const boundary = boundaryOf(contentType);
  if (boundary === undefined || !/^multipart\/mixed\s*(;|$)/i.test(contentType.trim())) {
    throw Errors.badRequest(
      `A $batch request needs the header 'Content-Type: multipart/mixed; boundary=batch_<guid>' (got '${clip(contentType)}').`);
  }
  // latin1 keeps bytes 1:1, so bodies survive the string handling unchanged.
  const lines = splitLines(body.toString('latin1'));
  const parts: BatchPart[] = [];
  const outer = splitMultipart(lines, { start: 0, end: lines.length }, boundary, 'batch');
  for (const range of outer) {
    const { headers, next } = readHeaderBlock(lines, range, 'batch part');
    const partType = headers['content-type'] ?? '';
    if (/^multipart\/mixed/i.test(partType.trim())) {
      const changeset = boundaryOf(partType);
      if (changeset === undefined) {
        throw Errors.badRequest(`A changeset part of the batch has no boundary in its Content-Type '${clip(partType)}'.`);
      }
      for (const inner of splitMultipart(lines, { start: next, end: range.end }, changeset, 'changeset')) {
        const innerHead = readHeaderBlock(lines, inner, 'changeset part');
        assertHttpPart(innerHead.headers['content-type'], true);
        addOperation(parts, readHttpRequest(lines, { start: innerHead.next, end: inner.end }, changeset));
      }
    } else {
      assertHttpPart(headers['content-type'], false);
      addOperation(parts, readHttpRequest(lines, { start: next, end: range.end }, undefined));
    }
  }
  return parts;
}

function addOperation(parts: BatchPart[], part: BatchPart): void {
  if (parts.length >= MAX_BATCH_OPERATIONS) {
    throw Errors.badRequest(`The batch contains more than ${MAX_BATCH_OPERATIONS} operations, the most SharePoint accepts in one $batch request.`);
  }
  parts.push(part);
}

function assertHttpPart(contentType: string | undefined, inChangeset: boolean): void {
  // A part without Content-Type is read as application/http: lenient, and nothing else could be meant.
  if (contentType === undefined || /^application\/http\s*(;|$)/i.test(contentType.trim())) return;
  if (inChangeset && /^multipart\//i.test(contentType.trim())) {
    throw Errors.badRequest('A changeset cannot contain another multipart part; nest operations only one level deep.');
  }
  throw Errors.badRequest(`A batch part must have 'Content-Type: application/http' (got '${clip(contentType)}').`);
}

/** The `boundary` parameter of a multipart Content-Type, quoted or not. */
function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const value = match ? (match[1] ?? match[2]) : undefined;
  return value !== undefined && value.length > 0 ? value : undefined;
}

function splitLines(text: string): Line[] {
  const pieces = text.split(/(\r?\n)/);
  const lines: Line[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    lines.push({ text: pieces[i], eol: pieces[i + 1] ?? '' });
  }
  return lines;
}

/**
 * The body parts between `--boundary` delimiters within `range` (preamble and epilogue ignored,
 * as RFC 2046 says). Each returned range excludes the delimiter lines.
 */
function splitMultipart(lines: Line[], range: Range, boundary: string, what: string): Range[] {
  const open = `--${boundary}`;
  const close = `--${boundary}--`;
  let i = range.start;
  // RFC 2046 allows trailing whitespace (transport padding) after a delimiter.
  while (i < range.end && lines[i].text.trimEnd() !== open) {
    if (lines[i].text.trimEnd() === close) {
      return [];
    }
    i++;
  }
  if (i >= range.end) {
    throw Errors.badRequest(`The ${what} body does not contain the boundary '${clip(boundary)}' named in its Content-Type.`);
  }
  const parts: Range[] = [];
  let start = i + 1;
  for (i = start; i < range.end; i++) {
    const text = lines[i].text.trimEnd();
    if (text === open) {
      parts.push({ start, end: i });
      start = i + 1;
    } else if (text === close) {
      parts.push({ start, end: i });
      return parts;
    }
  }
  throw Errors.badRequest(`The ${what} body ends without its closing boundary '--${clip(boundary)}--'.`);
}

/** Reads `Name: value` lines up to the first blank line; names are lower-cased for lookup. */
function readHeaderBlock(lines: Line[], range: Range, what: string): { headers: Record<string, string>; next: number } {
  const raw = readHeaders(lines, range, what);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.headers)) {
    headers[name.toLowerCase()] = value;
  }
  return { headers, next: raw.next };
}

function readHeaders(lines: Line[], range: Range, what: string): { headers: Record<string, string>; next: number } {
  const headers: Record<string, string> = {};
  let last: string | undefined;
  let i = range.start;
  for (; i < range.end; i++) {
    const text = lines[i].text;
    if (text.trim() === '') {
      return { headers, next: i + 1 };
    }
    if (/^[ \t]/.test(text) && last !== undefined) {
      // An obsolete folded continuation line: still valid MIME, so join it rather than fail.
      headers[last] = `${headers[last]} ${text.trim()}`;
      continue;
    }
    const colon = text.indexOf(':');
    if (colon <= 0) {
      throw Errors.badRequest(`Malformed header line '${clip(utf8(text))}' in a ${what}.`);
    }
    const name = text.slice(0, colon).trim();
    const value = utf8(text.slice(colon + 1).trim());
    // Repeated headers combine as HTTP allows, so none is silently lost.
    const existing = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    if (existing !== undefined) {
      headers[existing] = `${headers[existing]}, ${value}`;
      last = existing;
    } else {
      headers[name] = value;
      last = name;
    }
  }
  return { headers, next: i };
}

function readHttpRequest(lines: Line[], range: Range, changeset: string | undefined): BatchPart {
  let i = range.start;
  // Tolerate stray blank lines before the request line; some hand-written batches have them.
  while (i < range.end && lines[i].text.trim() === '') i++;
  if (i >= range.end) {
    throw Errors.badRequest('A batch part has no HTTP request line (expected e.g. \'GET <url> HTTP/1.1\').');
  }
  const requestLine = REQUEST_LINE.exec(lines[i].text.trim());
  if (!requestLine) {
    throw Errors.badRequest(
      `A batch part does not start with an HTTP request line like 'GET <url> HTTP/1.1' (found '${clip(utf8(lines[i].text))}').`);
  }
  const { headers, next } = readHeaders(lines, { start: i + 1, end: range.end }, 'batch operation');
  let body = '';
  for (let j = next; j < range.end; j++) {
    body += lines[j].text + lines[j].eol;
  }
  // The line break before a delimiter belongs to the delimiter (RFC 2046), and @pnp/sp adds one more
  // after every body: dropping trailing line breaks hands routes the JSON exactly as the caller built it.
  body = body.replace(/[\r\n]+$/, '');
  const part: BatchPart = {
    method: requestLine[1].toUpperCase(),
    url: utf8(requestLine[2]),
    headers,
    body: Buffer.from(body, 'latin1')
  };
  if (changeset !== undefined) part.changeset = changeset;
  return part;
}

/** Header values and URLs were decoded as latin1; re-read them as the UTF-8 clients send. */
function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

// ---------------------------------------------------------------------------------------------
// Response writing
// ---------------------------------------------------------------------------------------------

// SharePoint answers with CRLF; @pnp/sp splits on LF and trims, so CRLF suits both.
const CRLF = '\r\n';

// These describe the outer HTTP message, not a part inside it; a part's length is implied by the delimiters.
const PART_HEADERS_DROPPED = new Set(['content-length', 'transfer-encoding', 'connection']);

export function writeBatchResponse(parts: LocalResponse[]): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const out: string[] = [];
  for (const part of parts) {
    out.push(`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
    out.push(`HTTP/1.1 ${part.status} ${oneLine(part.statusText || statusText(part.status))}`);
    for (const [name, value] of Object.entries(part.headers)) {
      if (PART_HEADERS_DROPPED.has(name.toLowerCase())) continue;
      out.push(`${name}: ${oneLine(value)}`);
    }
    out.push('');
    const body = typeof part.body === 'string' ? part.body : part.body.toString('utf8');
    // An empty body must not become an empty line: @pnp/sp would read that line as the body and fail
    // to parse it as JSON. 204 never carries one (the fetch Response refuses a body for it).
    if (part.status !== 204 && body.length > 0) {
      out.push(body);
    }
  }
  out.push(`--${boundary}--`);
  // Exactly one line break after the closing delimiter: @pnp/sp throws without it ("Unexpected end of
  // input") and crashes on a second one (it reads the extra blank line as a status line).
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: out.join(CRLF) + CRLF };
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Execution
// ---------------------------------------------------------------------------------------------

/** The web path a URL addresses: everything before `/_api/`, e.g. `/sites/pmo`, or '' for the root web. */
function webPathOf(url: URL): string | undefined {
  const match = /^(.*?)\/_api(?:\/|$)/i.exec(url.pathname);
  return match ? match[1] : undefined;
}

export async function executeBatch(
  batchUrl: URL,
  parts: BatchPart[],
  dispatch: (req: LocalRequest) => Promise<LocalResponse>
): Promise<LocalResponse[]> {
  const batchWeb = webPathOf(batchUrl);
  const responses: LocalResponse[] = [];
  // One at a time, in order: later operations may read what earlier ones wrote, as in SharePoint.
  for (const part of parts) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(part.headers)) {
      headers[name.toLowerCase()] = value;
    }
    const mode = odataModeOf(headers.accept);
    try {
      const url = resolvePartUrl(part.url, batchUrl, batchWeb);
      responses.push(await dispatch({ method: part.method, url, headers, body: part.body }));
    } catch (err) {
      // No rollback: a failed operation answers in its own part and the others stand (SharePoint does the same).
      responses.push(errorResponse(asSpError(err), mode));
    }
  }
  return responses;
}

function resolvePartUrl(raw: string, batchUrl: URL, batchWeb: string | undefined): URL {
  let url: URL;
  try {
    // Relative URLs are relative to the OData service root, i.e. the `_api/` the $batch URL sits in.
    url = new URL(raw, batchUrl);
  } catch {
    throw Errors.badRequest(`The batch operation URL '${clip(raw)}' is not a valid URL.`);
  }
  if (url.origin !== batchUrl.origin) {
    throw Errors.badRequest(`The batch operation URL '${clip(raw)}' is on another host than the $batch request (${batchUrl.origin}).`);
  }
  // SharePoint compares the site case-sensitively (reference §2.5), so this does too.
  const web = webPathOf(url);
  if (web === undefined || batchWeb === undefined || web !== batchWeb) {
    throw Errors.badRequest(
      `The batch operation URL '${clip(raw)}' must address the same site as the $batch request (${batchUrl.origin}${batchWeb ?? ''}/_api/).`);
  }
  return url;
}

function asSpError(err: unknown): SpError {
  if (err instanceof SpError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new SpError(500, '-1, System.InvalidOperationException', message);
}
