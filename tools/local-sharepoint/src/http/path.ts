import { Errors } from './errors';

/**
 * One step of a SharePoint REST path: `getByTitle('Projects')`, `items(5)`,
 * `AddUsingPath(decodedurl='a.docx',overwrite=true)`, `siteusers(@v)`.
 */
export interface Segment {
  /** As written; match with `is()`, SharePoint ignores case. */
  name: string;
  args: Arg[];
  hasParens: boolean;
}

export interface Arg {
  name?: string;
  value: string | number | boolean | null;
}

export function is(seg: Segment | undefined, ...names: string[]): boolean {
  if (!seg) return false;
  const n = seg.name.toLowerCase();
  return names.some((x) => x.toLowerCase() === n);
}

/** The single positional argument, or the named one. */
export function arg(seg: Segment, name?: string): string | number | boolean | null | undefined {
  if (name) {
    const a = seg.args.find((x) => x.name?.toLowerCase() === name.toLowerCase());
    if (a) return a.value;
  }
  return seg.args.find((x) => x.name === undefined)?.value;
}

export function stringArg(seg: Segment, name?: string): string {
  const v = arg(seg, name);
  if (v === undefined || v === null) throw Errors.badRequest(`${seg.name} needs ${name ? `the parameter ${name}` : 'an argument'}.`);
  return String(v);
}

/**
 * Splits the part of a URL after `/_api/` into segments. The path is decoded first, so the
 * scanner respects quotes and parentheses: a `/` inside `'…'` is part of a value.
 * `@alias` arguments are resolved from the query string, as SharePoint does.
 */
export function parseApiPath(path: string, query: URLSearchParams): Segment[] {
  let text: string;
  try {
    text = decodeURIComponent(path);
  } catch {
    throw Errors.badRequest(`The URL path '${path}' is not validly percent-encoded.`);
  }
  const segments: Segment[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '/') { i++; continue; }
    let name = '';
    while (i < text.length && text[i] !== '/' && text[i] !== '(') name += text[i++];
    const seg: Segment = { name, args: [], hasParens: false };
    if (text[i] === '(') {
      seg.hasParens = true;
      const start = ++i;
      let depth = 1;
      let inQuote = false;
      while (i < text.length && depth > 0) {
        const ch = text[i];
        if (inQuote) {
          if (ch === "'" && text[i + 1] === "'") i++;
          else if (ch === "'") inQuote = false;
        } else if (ch === "'") inQuote = true;
        else if (ch === '(') depth++;
        else if (ch === ')') depth--;
        i++;
      }
      if (depth !== 0 || inQuote) throw Errors.badRequest(`Unbalanced parentheses or quotes in '${name}(' of the request URL.`);
      seg.args = parseArgs(text.slice(start, i - 1), query);
    }
    if (name === '' && !seg.hasParens) continue;
    segments.push(seg);
  }
  return segments;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      if (ch === "'" && text[i + 1] === "'") { cur += "''"; i++; continue; }
      if (ch === "'") inQuote = false;
    } else if (ch === "'") inQuote = true;
    else if (ch === ',') { parts.push(cur); cur = ''; continue; }
    cur += ch;
  }
  if (cur.trim() !== '' || parts.length) parts.push(cur);
  return parts;
}

function parseArgs(text: string, query: URLSearchParams): Arg[] {
  if (text.trim() === '') return [];
  return splitTopLevel(text).map((part) => {
    const p = part.trim();
    const eq = p.search(/=(?=(?:[^']*'[^']*')*[^']*$)/);
    if (eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(p.slice(0, eq).trim())) {
      return { name: p.slice(0, eq).trim(), value: parseLiteral(p.slice(eq + 1).trim(), query) };
    }
    return { value: parseLiteral(p, query) };
  });
}

export function parseLiteral(raw: string, query: URLSearchParams): string | number | boolean | null {
  if (raw.startsWith('@')) {
    const aliased = query.get(raw);
    if (aliased === null) throw Errors.badRequest(`The parameter alias '${raw}' has no value in the query string.`);
    return parseLiteral(aliased.trim(), new URLSearchParams());
  }
  const quoted = /^(?:guid|datetime|X)?'([\s\S]*)'$/i.exec(raw);
  if (quoted) return quoted[1].replace(/''/g, "'");
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (/^true$/i.test(raw)) return true;
  if (/^false$/i.test(raw)) return false;
  if (/^null$/i.test(raw)) return null;
  // SharePoint tolerates unquoted GUIDs and bare words in a few helpers.
  if (/^[{]?[0-9a-f-]{36}[}]?$/i.test(raw)) return raw.replace(/[{}]/g, '');
  throw Errors.badRequest(`The argument '${raw}' is not a valid literal.`);
}
