import { Errors, SpError } from '../http/errors';

/*
 * SharePoint's OData v3 $filter: tokenizer, recursive-descent parser and evaluator.
 * Input is the already URL-decoded value. SharePoint translates $filter to CAML, which is why
 * only "column <op> value" shapes are accepted (no column-to-column or literal-only comparisons).
 */

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type Literal =
  | { kind: 'literal'; type: 'string'; value: string }
  | { kind: 'literal'; type: 'number'; value: number }
  | { kind: 'literal'; type: 'boolean'; value: boolean }
  | { kind: 'literal'; type: 'null'; value: null }
  | { kind: 'literal'; type: 'datetime'; value: string }
  | { kind: 'literal'; type: 'guid'; value: string };
export type DatePart = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';
export type Operand =
  | Literal
  | { kind: 'property'; path: string[] }
  | { kind: 'call'; name: DatePart; args: Operand[] };
export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'call'; name: 'startswith' | 'substringof'; args: Operand[] }
  | { kind: 'bool'; operand: Operand };

export const MAX_FILTER_LENGTH = 4000;
export const MAX_FILTER_DEPTH = 100;

const COMPARE_OPS: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const DATE_PARTS: readonly string[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];
// Named so the "not supported" message is specific rather than a generic syntax error.
const UNSUPPORTED_FUNCTIONS: readonly string[] = [
  'endswith', 'indexof', 'length', 'replace', 'substring', 'tolower', 'toupper', 'trim', 'concat',
  'round', 'floor', 'ceiling', 'isof', 'cast', 'any', 'all'
];

// ---------------------------------------------------------------------------------------------
// Tokenizer

type Token =
  | { t: 'ident'; text: string; pos: number }          // may contain '/' (lookup sub-property)
  | { t: 'string' | 'datetime' | 'guid'; text: string; pos: number }
  | { t: 'number'; value: number; text: string; pos: number }
  | { t: '(' | ')' | ',' | 'eof'; text: string; pos: number };

function syntaxError(text: string, pos: number, message: string): SpError {
  return Errors.badRequest(`The expression "${text}" is not valid. ${message} (at position ${pos}).`);
}

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}
function isIdentPart(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9');
}

const NUMBER_RE = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[lLmMdDfF]?/;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (start: number): { value: string; end: number } => {
    // `start` is the opening quote; '' inside is an escaped quote.
    let value = '';
    let j = start + 1;
    for (;;) {
      if (j >= src.length) throw syntaxError(src, start, 'Unterminated string literal');
      if (src[j] === '\'') {
        if (src[j + 1] === '\'') { value += '\''; j += 2; continue; }
        return { value, end: j + 1 };
      }
      value += src[j++];
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (c === '(' || c === ')' || c === ',') { tokens.push({ t: c, text: c, pos: i }); i++; continue; }
    if (c === '\'') {
      const q = readQuoted(i);
      tokens.push({ t: 'string', text: q.value, pos: i });
      i = q.end;
      continue;
    }
    const num = NUMBER_RE.exec(src.slice(i, i + 64));
    if (num !== null) {
      const raw = num[0].replace(/[lLmMdDfF]$/, '');
      tokens.push({ t: 'number', value: Number(raw), text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    if (isIdentStart(c)) {
      const start = i;
      while (i < src.length && (isIdentPart(src[i]) || (src[i] === '/' && isIdentStart(src[i + 1] ?? '')))) i++;
      const word = src.slice(start, i);
      const lower = word.toLowerCase();
      if ((lower === 'datetime' || lower === 'guid') && src[i] === '\'') {
        const q = readQuoted(i);
        tokens.push({ t: lower === 'guid' ? 'guid' : 'datetime', text: q.value, pos: start });
        i = q.end;
        continue;
      }
      tokens.push({ t: 'ident', text: word, pos: start });
      continue;
    }
    throw syntaxError(src, i, `Unexpected character '${c}'`);
  }
  tokens.push({ t: 'eof', text: 'end of expression', pos: src.length });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser

class Parser {
  private index = 0;
  private depth = 0;

  public constructor(private readonly src: string, private readonly tokens: Token[]) {}

  public parse(): FilterNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.t !== 'eof') throw this.expected('\'and\', \'or\' or the end of the expression');
    return node;
  }

  private peek(): Token { return this.tokens[this.index]; }
  private next(): Token { return this.tokens[this.index++]; }
  private isKeyword(tok: Token, ...words: string[]): boolean {
    return tok.t === 'ident' && words.includes(tok.text.toLowerCase());
  }
  private describe(tok: Token): string {
    return tok.t === 'eof' ? 'the end of the expression' : `'${tok.text}'`;
  }
  private expected(what: string): SpError {
    const tok = this.peek();
    return syntaxError(this.src, tok.pos, `Expected ${what} but found ${this.describe(tok)}`);
  }
  private expect(t: Token['t'], what: string): Token {
    if (this.peek().t !== t) throw this.expected(what);
    return this.next();
  }
  private enter(): void {
    if (++this.depth > MAX_FILTER_DEPTH) {
      throw Errors.badRequest(`The $filter expression is nested deeper than ${MAX_FILTER_DEPTH} levels.`);
    }
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isKeyword(this.peek(), 'and')) {
      this.next();
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  // `not` negates the whole following comparison (`not Title eq 'x'`), which is what people mean,
  // rather than OData's strict "not binds tighter than eq".
  private parseUnary(): FilterNode {
    this.enter();
    let node: FilterNode;
    if (this.isKeyword(this.peek(), 'not')) {
      this.next();
      node = { kind: 'not', operand: this.parseUnary() };
    } else {
      node = this.parsePrimary();
    }
    this.depth--;
    return node;
  }

  private parsePrimary(): FilterNode {
    const tok = this.peek();
    if (tok.t === '(') {
      this.next();
      const inner = this.parseOr();
      this.expect(')', '\')\'');
      // `(year(Start)) eq 2024`: a parenthesised operand rather than a boolean group.
      if (inner.kind === 'bool' && this.peekCompareOp() !== undefined) return this.parseComparison(inner.operand);
      return this.allowBoolCompare(inner);
    }
    if (tok.t === 'ident' && this.tokens[this.index + 1].t === '(') {
      const name = tok.text.toLowerCase();
      if (name === 'startswith' || name === 'substringof') {
        this.next();
        const args = this.parseArgs(name, 2);
        const [propIndex, litIndex] = name === 'startswith' ? [0, 1] : [1, 0];
        if (args[propIndex].kind !== 'property' || args[litIndex].kind !== 'literal') {
          throw syntaxError(this.src, tok.pos, name === 'startswith'
            ? 'startswith expects (Column, \'text\')'
            : 'substringof expects (\'text\', Column)');
        }
        return this.allowBoolCompare({ kind: 'call', name, args });
      }
    }
    return this.parseComparison(this.parseOperand());
  }

  /** `startswith(Title,'a') eq true` is legal OData; fold it into the boolean node. */
  private allowBoolCompare(node: FilterNode): FilterNode {
    const op = this.peekCompareOp();
    if (op !== 'eq' && op !== 'ne') return node;
    const lit = this.tokens[this.index + 1];
    if (!this.isKeyword(lit, 'true', 'false')) return node;
    this.index += 2;
    return (op === 'eq') === (lit.text.toLowerCase() === 'true') ? node : { kind: 'not', operand: node };
  }

  private peekCompareOp(): CompareOp | undefined {
    const tok = this.peek();
    const word = tok.t === 'ident' ? tok.text.toLowerCase() : '';
    return COMPARE_OPS.includes(word) ? word as CompareOp : undefined;
  }

  private parseComparison(left: Operand): FilterNode {
    const op = this.peekCompareOp();
    if (op === undefined) {
      if (left.kind === 'property') return { kind: 'bool', operand: left };
      throw this.expected('a comparison operator (eq, ne, gt, ge, lt, le)');
    }
    const opTok = this.next();
    const right = this.parseOperand();
    if ((left.kind === 'literal') === (right.kind === 'literal')) {
      throw syntaxError(this.src, opTok.pos, left.kind === 'literal'
        ? 'A comparison needs a column on one side'
        : 'Comparing a column with another column is not supported');
    }
    return { kind: 'compare', op, left, right };
  }

  private parseArgs(name: string, count: number): Operand[] {
    this.expect('(', '\'(\'');
    const args: Operand[] = [];
    for (;;) {
      args.push(this.parseOperand());
      if (this.peek().t !== ',') break;
      this.next();
    }
    this.expect(')', args.length < count ? '\',\'' : '\')\'');
    if (args.length !== count) {
      throw Errors.badRequest(`The function '${name}' takes ${count} argument(s) but was given ${args.length}.`);
    }
    return args;
  }

  private parseOperand(): Operand {
    this.enter();
    const tok = this.peek();
    let operand: Operand;
    switch (tok.t) {
      case 'string': case 'datetime': case 'guid':
        this.next();
        operand = { kind: 'literal', type: tok.t, value: tok.text };
        break;
      case 'number':
        this.next();
        operand = { kind: 'literal', type: 'number', value: tok.value };
        break;
      case 'ident': {
        const lower = tok.text.toLowerCase();
        if (this.tokens[this.index + 1].t === '(') {
          if (!DATE_PARTS.includes(lower)) {
            throw Errors.badRequest(UNSUPPORTED_FUNCTIONS.includes(lower) || lower === 'startswith' || lower === 'substringof'
              ? `The function '${tok.text}' is not supported here; SharePoint's $filter supports startswith, substringof, year, month, day, hour, minute and second.`
              : `Unknown function '${tok.text}' in $filter (at position ${tok.pos}).`);
          }
          this.next();
          operand = { kind: 'call', name: lower as DatePart, args: this.parseArgs(lower, 1) };
          if (operand.args[0].kind !== 'property') {
            throw syntaxError(this.src, tok.pos, `${lower}() expects a column`);
          }
        } else if (lower === 'true' || lower === 'false') {
          this.next();
          operand = { kind: 'literal', type: 'boolean', value: lower === 'true' };
        } else if (lower === 'null') {
          this.next();
          operand = { kind: 'literal', type: 'null', value: null };
        } else if (['and', 'or', 'not', ...COMPARE_OPS].includes(lower)) {
          throw this.expected('a column name or a value');
        } else {
          this.next();
          operand = { kind: 'property', path: tok.text.split('/') };
        }
        break;
      }
      default:
        throw this.expected('a column name or a value');
    }
    this.depth--;
    return operand;
  }
}

export function parseFilter(text: string): FilterNode {
  if (text.trim() === '') throw Errors.badRequest('The $filter expression is empty.');
  if (text.length > MAX_FILTER_LENGTH) {
    throw Errors.badRequest(`The $filter expression is longer than ${MAX_FILTER_LENGTH} characters.`);
  }
  return new Parser(text, tokenize(text)).parse();
}

export function filterProperties(node: FilterNode): string[][] {
  const seen = new Map<string, string[]>();
  const visitOperand = (op: Operand): void => {
    if (op.kind === 'property') seen.set(op.path.join('/'), op.path);
    else if (op.kind === 'call') op.args.forEach(visitOperand);
  };
  const visit = (n: FilterNode): void => {
    switch (n.kind) {
      case 'and': case 'or': visit(n.left); visit(n.right); break;
      case 'not': visit(n.operand); break;
      case 'compare': visitOperand(n.left); visitOperand(n.right); break;
      case 'call': n.args.forEach(visitOperand); break;
      case 'bool': visitOperand(n.operand); break;
    }
  };
  visit(node);
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** The type of a property as the server knows it from the list's field definition. */
export type ValueType = 'text' | 'number' | 'datetime' | 'boolean' | 'multitext' | 'multinumber' | 'id';
export interface ResolvedValue { type: ValueType; value: unknown }
export type Resolver = (path: string[]) => ResolvedValue;

// SQL Server's default collation is case-insensitive and accent-sensitive; this is the closest match.
const TEXT_COLLATOR = new Intl.Collator('en', { sensitivity: 'accent' });

/** Text comparison as SharePoint does it (case-insensitive). Shared with $orderby. */
export function compareText(a: string, b: string): number {
  return TEXT_COLLATOR.compare(a, b);
}

/** Milliseconds since the epoch; a date or date-time without a zone counts as UTC [verify]. */
export function toMillis(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return NaN;
  const text = /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value.trim()) ? `${value.trim()}Z` : value.trim();
  return /^\d{4}-\d\d-\d\d/.test(text) ? Date.parse(text) : NaN;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function literalText(lit: Literal): string {
  return lit.type === 'string' ? `'${lit.value}'` : `${lit.type}'${String(lit.value)}'`;
}

/** The literal converted to the column's type, or a 400 as SharePoint gives for e.g. `Budget eq 'abc'`. */
function coerce(lit: Literal, type: ValueType, path: string): string | number | boolean {
  const bad = (): SpError => Errors.badRequest(`The value ${literalText(lit)} is not valid for the column '${path}'.`);
  const v = lit.value;
  switch (type) {
    case 'text': case 'multitext':
      return String(v);
    case 'number': case 'multinumber': case 'id': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (Number.isNaN(n)) throw bad();
      return n;
    }
    case 'boolean': {
      const s = String(v).toLowerCase();
      if (s === '1' || s === 'true') return true;
      if (s === '0' || s === 'false') return false;
      throw bad();
    }
    case 'datetime': {
      const ms = lit.type === 'string' || lit.type === 'datetime' ? toMillis(v) : NaN;
      if (Number.isNaN(ms)) throw bad();
      return ms;
    }
  }
}

function normalise(value: unknown, type: ValueType): string | number | boolean | null {
  if (isEmpty(value)) return null;
  switch (type) {
    case 'text': case 'multitext': return String(value);
    case 'datetime': { const ms = toMillis(value); return Number.isNaN(ms) ? null : ms; }
    case 'boolean': return value === true || value === 1 || value === '1' || value === 'true';
    default: return typeof value === 'number' ? value : Number(value);
  }
}

function compareValues(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  const x = Number(a);
  const y = Number(b);
  // NaN (a malformed stored number) must not look equal to anything.
  return Number.isNaN(x) || Number.isNaN(y) ? NaN : x < y ? -1 : x > y ? 1 : 0;
}

function holds(op: CompareOp, c: number): boolean {
  switch (op) {
    case 'eq': return c === 0;
    case 'ne': return c !== 0;
    case 'gt': return c > 0;
    case 'ge': return c >= 0;
    case 'lt': return c < 0;
    case 'le': return c <= 0;
  }
}

const FLIPPED: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

function resolveOperand(op: Operand, resolve: Resolver): ResolvedValue {
  if (op.kind === 'property') return resolve(op.path);
  if (op.kind === 'literal') throw new Error('unreachable: literal operands are never resolved');
  const arg = op.args[0];
  const inner = resolveOperand(arg, resolve);
  const name = arg.kind === 'property' ? arg.path.join('/') : op.name;
  if (inner.type !== 'datetime') {
    throw Errors.badRequest(`The function '${op.name}' needs a date column; '${name}' is not one.`);
  }
  const ms = normalise(inner.value, 'datetime');
  if (ms === null) return { type: 'number', value: null };
  const d = new Date(ms as number);
  const parts: Record<DatePart, number> = {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds()
  };
  return { type: 'number', value: parts[op.name] };
}

function operandName(op: Operand): string {
  return op.kind === 'property' ? op.path.join('/') : op.kind === 'call' ? `${op.name}()` : '';
}

function evaluateCompare(op: CompareOp, left: Operand, right: Operand, resolve: Resolver): boolean {
  // The parser guarantees exactly one literal side; put the column on the left.
  const [colOp, lit, cmp]: [Operand, Literal, CompareOp] = left.kind === 'literal'
    ? [right, left, FLIPPED[op]]
    : [left, right as Literal, op];
  const col = resolveOperand(colOp, resolve);
  const multi = col.type === 'multitext' || col.type === 'multinumber';
  const values = (multi ? (Array.isArray(col.value) ? col.value : [col.value]) : [col.value])
    .map((v) => normalise(v, col.type))
    .filter((v): v is string | number | boolean => v !== null);
  if (lit.type === 'null') {
    if (cmp === 'eq') return values.length === 0;
    if (cmp === 'ne') return values.length > 0;
    return false;
  }
  if (values.length === 0) return false;
  const target = coerce(lit, col.type, operandName(colOp));
  // For multi-value columns `ne` means "no element equals", not "some element differs".
  if (cmp === 'ne') return !values.some((v) => compareValues(v, target) === 0);
  return values.some((v) => holds(cmp, compareValues(v, target)));
}

function evaluateTextCall(name: 'startswith' | 'substringof', args: Operand[], resolve: Resolver): boolean {
  const [colOp, lit] = name === 'startswith' ? [args[0], args[1]] : [args[1], args[0]];
  if (lit.kind !== 'literal' || lit.type === 'null') return false;
  const col = resolveOperand(colOp, resolve);
  const needle = String(lit.value).toLowerCase();
  const raw = Array.isArray(col.value) ? col.value : [col.value];
  return raw.some((v) => {
    if (isEmpty(v)) return false;
    const hay = String(v).toLowerCase();
    return name === 'startswith' ? hay.startsWith(needle) : hay.includes(needle);
  });
}

export function evaluateFilter(node: FilterNode, resolve: Resolver): boolean {
  switch (node.kind) {
    case 'and': return evaluateFilter(node.left, resolve) && evaluateFilter(node.right, resolve);
    case 'or': return evaluateFilter(node.left, resolve) || evaluateFilter(node.right, resolve);
    case 'not': return !evaluateFilter(node.operand, resolve);
    case 'compare': return evaluateCompare(node.op, node.left, node.right, resolve);
    case 'call': return evaluateTextCall(node.name, node.args, resolve);
    case 'bool': {
      const col = resolveOperand(node.operand, resolve);
      if (col.type !== 'boolean') {
        throw Errors.badRequest(`The column '${operandName(node.operand)}' is not a Yes/No column and needs a comparison.`);
      }
      return normalise(col.value, 'boolean') === true;
    }
  }
}
