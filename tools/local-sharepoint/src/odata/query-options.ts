import { Errors } from '../http/errors';

/** Parsers for the OData system query options other than $filter (reference §3.2, §3.3). */

export interface OrderBy { path: string[]; descending: boolean }
export interface SkipToken { pagedId?: number; sortValues: Record<string, string>; previous: boolean }

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

function parsePaths(option: string, text: string | null, allowStar: boolean): string[][] {
  if (text === null) return [];
  const paths: string[][] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    // Tolerate "Title,,ID" and a trailing comma as SharePoint does not complain about them [verify].
    if (item === '') continue;
    if (allowStar && item === '*') { paths.push(['*']); continue; }
    const path = item.split('/').map((s) => s.trim());
    if (!path.every((segment) => NAME_RE.test(segment))) {
      throw Errors.badRequest(`The expression "${item}" in ${option} is not valid.`);
    }
    paths.push(path);
  }
  return paths;
}

export function parseSelect(text: string | null): string[][] {
  return parsePaths('$select', text, true);
}

export function parseExpand(text: string | null): string[][] {
  return parsePaths('$expand', text, false);
}

export function parseOrderBy(text: string | null): OrderBy[] {
  if (text === null) return [];
  const result: OrderBy[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const [name, direction, ...rest] = item.split(/\s+/);
    const dir = (direction ?? 'asc').toLowerCase();
    if (rest.length > 0 || (dir !== 'asc' && dir !== 'desc')) {
      throw Errors.badRequest(`The expression "${item}" in $orderby is not valid; expected "<column> [asc|desc]".`);
    }
    const [path] = parsePaths('$orderby', name, false);
    result.push({ path, descending: dir === 'desc' });
  }
  return result;
}

export function parseTop(text: string | null, max: number): number | undefined {
  if (text === null) return undefined;
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    throw Errors.badRequest(`The $top value '${text}' is not valid; it must be a non-negative integer.`);
  }
  const top = Number(trimmed);
  if (top > max) throw Errors.badRequest(`The $top value must not exceed ${max} (the list view threshold)`);
  return top;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw Errors.badRequest(`The $skiptoken value '${value}' is not correctly URL-encoded.`);
  }
}

/**
 * "Paged=TRUE&p_ID=127&p_Title=abc" as found in a nextLink, after the server's one URL decode.
 * Sort values were encoded a second time when the token was made, so they are decoded here.
 */
export function parseSkipToken(text: string | null): SkipToken {
  const token: SkipToken = { sortValues: {}, previous: false };
  if (text === null || text.trim() === '') return token;
  let paged = false;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : decode(part.slice(eq + 1));
    if (key === 'Paged') {
      paged = value.toUpperCase() === 'TRUE';
    } else if (key === 'PagedPrev') {
      token.previous = value.toUpperCase() === 'TRUE';
    } else if (key === 'p_ID') {
      if (!/^\d+$/.test(value)) throw Errors.badRequest(`The $skiptoken p_ID value '${value}' is not a valid item id.`);
      token.pagedId = Number(value);
    } else if (key.startsWith('p_') && key.length > 2) {
      token.sortValues[key.slice(2)] = value;
    }
    // Other keys (e.g. SharePoint's "View=" or "PageFirstRow=") carry nothing we page by.
  }
  if (!paged) throw Errors.badRequest(`The $skiptoken value '${text}' is not valid; it must start with Paged=TRUE.`);
  return token;
}

export function makeSkipToken(lastId: number, sortValues: Record<string, string>): string {
  let token = `Paged=TRUE&p_ID=${lastId}`;
  for (const [field, value] of Object.entries(sortValues)) {
    if (field === 'ID') continue; // already carried by p_ID
    token += `&p_${field}=${encodeURIComponent(value)}`;
  }
  return token;
}
