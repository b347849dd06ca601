import {
  evaluateFilter, filterProperties, parseFilter, toMillis, type FilterNode, type ResolvedValue, type Resolver
} from '../../../tools/local-sharepoint/src/odata/filter';
import { SpError } from '../../../tools/local-sharepoint/src/http/errors';

const prop = (...path: string[]): { kind: 'property'; path: string[] } => ({ kind: 'property', path });

function parseError(text: string): SpError {
  try {
    parseFilter(text);
  } catch (err) {
    if (err instanceof SpError) return err;
    throw err;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

// A list item with a typed field model, as the server would resolve it.
const FIELDS: Record<string, ResolvedValue> = {
  'Title': { type: 'text', value: 'O\'Brien Project' },
  'Phase': { type: 'text', value: 'B' },
  'Empty': { type: 'text', value: '' },
  'Nothing': { type: 'text', value: null },
  'Budget': { type: 'number', value: 1500 },
  'Flag': { type: 'boolean', value: true },
  'Off': { type: 'boolean', value: false },
  'Start': { type: 'datetime', value: '2024-03-15T10:20:30.000Z' },
  'NoDate': { type: 'datetime', value: null },
  'ID': { type: 'id', value: 7 },
  'LeaderId': { type: 'id', value: 5 },
  'Leader/Id': { type: 'id', value: 5 },
  'Leader/EMail': { type: 'text', value: 'Ann@Contoso.com' },
  'Project/Title': { type: 'text', value: 'Apollo' },
  'Tags': { type: 'multitext', value: ['Red', 'Green'] },
  'NoTags': { type: 'multitext', value: [] },
  'MembersId': { type: 'multinumber', value: [3, 9] },
  'PMO_Phase': { type: 'text', value: 'Plan' },
  'OData__x0020_x': { type: 'text', value: 'odd' }
};
const resolve: Resolver = (path) => {
  const field = FIELDS[path.join('/')];
  if (field === undefined) throw new Error(`no field ${path.join('/')}`);
  return field;
};
const matches = (text: string): boolean => evaluateFilter(parseFilter(text), resolve);

describe('parseFilter: AST', () => {
  it('parses a simple comparison', () => {
    expect(parseFilter('Title eq \'x\'')).toEqual({
      kind: 'compare', op: 'eq', left: prop('Title'), right: { kind: 'literal', type: 'string', value: 'x' }
    });
  });

  it('gives and precedence over or, and groups with parentheses', () => {
    const a: FilterNode = { kind: 'compare', op: 'eq', left: prop('A'), right: { kind: 'literal', type: 'number', value: 1 } };
    const b: FilterNode = { kind: 'compare', op: 'eq', left: prop('B'), right: { kind: 'literal', type: 'number', value: 2 } };
    const c: FilterNode = { kind: 'compare', op: 'eq', left: prop('C'), right: { kind: 'literal', type: 'number', value: 3 } };
    expect(parseFilter('A eq 1 or B eq 2 and C eq 3')).toEqual({ kind: 'or', left: a, right: { kind: 'and', left: b, right: c } });
    expect(parseFilter('(A eq 1 or B eq 2) and C eq 3')).toEqual({ kind: 'and', left: { kind: 'or', left: a, right: b }, right: c });
    expect(parseFilter('A eq 1 or B eq 2 or C eq 3')).toEqual({ kind: 'or', left: { kind: 'or', left: a, right: b }, right: c });
  });

  it('accepts keywords in any case', () => {
    expect(parseFilter('A Eq 1 AND not B NE 2 Or C gE 3')).toEqual(parseFilter('A eq 1 and not B ne 2 or C ge 3'));
  });

  it('parses not as a unary operator over the following comparison or group', () => {
    expect(parseFilter('not Flag')).toEqual({ kind: 'not', operand: { kind: 'bool', operand: prop('Flag') } });
    expect(parseFilter('not (A eq 1)')).toEqual({
      kind: 'not', operand: { kind: 'compare', op: 'eq', left: prop('A'), right: { kind: 'literal', type: 'number', value: 1 } }
    });
    expect(parseFilter('not A eq 1')).toEqual(parseFilter('not (A eq 1)'));
    expect(parseFilter('not not Flag')).toEqual({ kind: 'not', operand: { kind: 'not', operand: { kind: 'bool', operand: prop('Flag') } } });
  });

  it('parses every literal type', () => {
    const right = (text: string): unknown => (parseFilter(`X eq ${text}`) as { right: unknown }).right;
    expect(right('\'O\'\'Brien\'')).toEqual({ kind: 'literal', type: 'string', value: 'O\'Brien' });
    expect(right('\'\'')).toEqual({ kind: 'literal', type: 'string', value: '' });
    expect(right('42')).toEqual({ kind: 'literal', type: 'number', value: 42 });
    expect(right('-3.25')).toEqual({ kind: 'literal', type: 'number', value: -3.25 });
    expect(right('1.5M')).toEqual({ kind: 'literal', type: 'number', value: 1.5 });
    expect(right('true')).toEqual({ kind: 'literal', type: 'boolean', value: true });
    expect(right('FALSE')).toEqual({ kind: 'literal', type: 'boolean', value: false });
    expect(right('null')).toEqual({ kind: 'literal', type: 'null', value: null });
    expect(right('datetime\'2024-01-01T00:00:00Z\'')).toEqual({ kind: 'literal', type: 'datetime', value: '2024-01-01T00:00:00Z' });
    expect(right('guid\'0b6a2c4e-1d3f-4a5b-8c7d-9e0f1a2b3c4d\'')).toEqual(
      { kind: 'literal', type: 'guid', value: '0b6a2c4e-1d3f-4a5b-8c7d-9e0f1a2b3c4d' });
    expect(right('\'a and b eq c\'')).toEqual({ kind: 'literal', type: 'string', value: 'a and b eq c' });
  });

  it('parses property paths and internal names', () => {
    expect(parseFilter('Leader/EMail eq \'a\'')).toMatchObject({ left: prop('Leader', 'EMail') });
    expect(parseFilter('LeaderId eq 5')).toMatchObject({ left: prop('LeaderId') });
    expect(parseFilter('OData__x0020_x eq \'a\'')).toMatchObject({ left: prop('OData__x0020_x') });
    expect(parseFilter('PMO_Phase2 eq \'a\'')).toMatchObject({ left: prop('PMO_Phase2') });
  });

  it('parses functions', () => {
    expect(parseFilter('startswith(Title,\'Ap\')')).toEqual({
      kind: 'call', name: 'startswith', args: [prop('Title'), { kind: 'literal', type: 'string', value: 'Ap' }]
    });
    expect(parseFilter('substringof(\'o\'\'b\', Title)')).toEqual({
      kind: 'call', name: 'substringof', args: [{ kind: 'literal', type: 'string', value: 'o\'b' }, prop('Title')]
    });
    expect(parseFilter('year(Start) eq 2024')).toEqual({
      kind: 'compare', op: 'eq',
      left: { kind: 'call', name: 'year', args: [prop('Start')] },
      right: { kind: 'literal', type: 'number', value: 2024 }
    });
    expect(parseFilter('StartsWith(Title,\'a\') eq false')).toEqual({
      kind: 'not', operand: parseFilter('startswith(Title,\'a\')')
    });
  });

  it('keeps a literal on the left as written', () => {
    expect(parseFilter('5 lt Budget')).toEqual({
      kind: 'compare', op: 'lt', left: { kind: 'literal', type: 'number', value: 5 }, right: prop('Budget')
    });
  });

  it('tolerates extra whitespace and redundant parentheses', () => {
    expect(parseFilter('  ((Title   eq\t\'x\'))  ')).toEqual(parseFilter('Title eq \'x\''));
    expect(parseFilter('(Title) eq \'x\'')).toEqual(parseFilter('Title eq \'x\''));
  });
});

describe('parseFilter: errors', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['Title eq \'abc', /Unterminated string/],
    ['Title eq', /Expected a column name or a value but found the end of the expression/],
    ['Title eq \'a\' Budget', /Expected 'and', 'or' or the end of the expression but found 'Budget'/],
    ['Title eq \'a\')', /found '\)'/],
    ['(Title eq \'a\'', /Expected '\)'/],
    ['Title eq \'a\' and', /Expected a column name or a value/],
    ['Title equals \'a\'', /found 'equals'/],
    ['endswith(Title,\'x\')', /'endswith' is not supported/],
    ['tolower(Title) eq \'x\'', /'tolower' is not supported/],
    ['frobnicate(Title) eq 1', /Unknown function 'frobnicate'/],
    ['startswith(Title)', /takes 2 argument/],
    ['substringof(Title,\'x\')', /substringof expects/],
    ['Title eq Other', /another column/],
    ['1 eq 1', /column on one side/],
    ['\'x\'', /comparison operator/],
    ['Budget add 5 eq 10', /found 'add'/],
    ['Title eq \'a\' && Budget eq 1', /Unexpected character '&'/],
    ['Leader/ eq 1', /Unexpected character '\/'/]
  ])('rejects %j', (text, message) => {
    const err = parseError(text);
    expect(err.status).toBe(400);
    expect(err.code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    expect(err.message).toMatch(message);
  });

  it('reports the position of the problem', () => {
    expect(parseError('Title eq \'a\' Budget').message).toMatch(/at position 13/);
  });

  it('rejects filters nested too deeply without overflowing the stack', () => {
    const deep = `${'('.repeat(150)}ID eq 1${')'.repeat(150)}`;
    expect(parseError(deep).message).toMatch(/nested deeper than 100/);
    expect(parseError(`${'not '.repeat(150)}Flag`).message).toMatch(/nested deeper than 100/);
    // Depth 50 is fine.
    expect(matches(`${'('.repeat(50)}ID eq 7${')'.repeat(50)}`)).toBe(true);
  });

  it('rejects filters longer than 4000 characters', () => {
    const long = Array.from({ length: 400 }, (_, i) => `ID eq ${i}`).join(' or ');
    expect(long.length).toBeGreaterThan(4000);
    expect(parseError(long).message).toMatch(/longer than 4000/);
  });
});

describe('filterProperties', () => {
  it('lists every referenced property path once', () => {
    const node = parseFilter('(Phase eq \'A\' or Phase eq \'B\') and year(Start) eq 2024 and not substringof(\'x\', Leader/EMail) and Flag');
    expect(filterProperties(node)).toEqual([['Phase'], ['Start'], ['Leader', 'EMail'], ['Flag']]);
  });
});

describe('evaluateFilter', () => {
  it.each([
    // PnPjs fluent forms
    ['(Phase eq \'A\' or Phase eq \'B\')', true],
    ['(Phase eq \'A\' or Phase eq \'C\')', false],
    ['Flag eq 1', true],
    ['Flag eq 0', false],
    ['Off eq 0', true],
    ['Start ge \'2024-01-01T00:00:00.000Z\'', true],
    ['Start ge \'2024-03-15T10:20:30.001Z\'', false],
    ['Start eq \'2024-03-15T10:20:30.000Z\'', true],
    ['Leader/Id eq 5', true],
    ['Leader/Id eq 6', false],
    ['LeaderId eq 5', true],
    ['substringof(\'o\'\'b\', Title)', true],
    ['substringof(\'x\', Title)', false],
    ['startswith(Title, \'o\'\'brien\')', true],
    ['startswith(Title, \'Brien\')', false],
    // booleans
    ['Flag', true],
    ['Off', false],
    ['not Off', true],
    ['Flag eq true', true],
    ['Flag ne false', true],
    ['Off eq \'0\'', true],
    // text is case-insensitive
    ['Phase eq \'b\'', true],
    ['Phase ne \'b\'', false],
    ['Leader/EMail eq \'ann@contoso.com\'', true],
    ['Project/Title gt \'apollo\'', false],
    ['Project/Title ge \'APOLLO\'', true],
    ['Project/Title lt \'b\'', true],
    ['PMO_Phase eq \'plan\'', true],
    ['OData__x0020_x eq \'ODD\'', true],
    // numbers
    ['Budget gt 1000', true],
    ['Budget le 1500', true],
    ['Budget lt 1500', false],
    ['Budget eq \'1500\'', true],
    ['Budget eq 1500.0', true],
    ['Budget gt -1', true],
    ['5 lt Budget', true],
    ['5000 lt Budget', false],
    ['2000 ge Budget', true],
    ['ID eq 7', true],
    ['ID ne 7', false],
    // dates
    ['Start ge datetime\'2024-03-15T10:20:30Z\'', true],
    ['Start gt datetime\'2024-03-15T10:20:30Z\'', false],
    ['Start ge \'2024-03-15\'', true],
    ['Start lt \'2024-03-16\'', true],
    ['Start lt datetime\'2024-03-15T10:20:30\'', false],
    ['Start gt \'2024-03-15T12:00:00+02:00\'', true],
    ['year(Start) eq 2024', true],
    ['month(Start) eq 3', true],
    ['day(Start) eq 15', true],
    ['hour(Start) eq 10', true],
    ['minute(Start) eq 20', true],
    ['second(Start) eq 30', true],
    ['2023 lt year(Start)', true],
    ['year(Start) eq 2023', false],
    ['year(NoDate) eq 2024', false],
    // null handling
    ['Nothing eq null', true],
    ['Nothing ne null', false],
    ['Empty eq null', true],
    ['Title eq null', false],
    ['Title ne null', true],
    ['NoDate eq null', true],
    ['Start ne null', true],
    ['NoTags eq null', true],
    ['Tags ne null', true],
    ['Budget gt null', false],
    ['Nothing ne \'x\'', false],
    ['Nothing lt \'x\'', false],
    ['NoDate lt \'2100-01-01\'', false],
    ['startswith(Nothing, \'\')', false],
    // multi-value
    ['Tags eq \'green\'', true],
    ['Tags eq \'Blue\'', false],
    ['Tags ne \'Red\'', false],
    ['Tags ne \'Blue\'', true],
    ['MembersId eq 9', true],
    ['MembersId eq 4', false],
    ['MembersId ne 4', true],
    ['MembersId ne 3', false],
    ['substringof(\'ree\', Tags)', true],
    // combinations
    ['Budget gt 1000 and Phase eq \'B\' and not (Flag eq false)', true],
    ['Budget gt 2000 or (Tags eq \'Red\' and startswith(Project/Title, \'Ap\'))', true],
    ['Budget gt 2000 or Tags eq \'Blue\'', false],
    ['not (Phase eq \'A\' or Phase eq \'B\')', false]
  ])('%s -> %s', (text, expected) => {
    expect(matches(text)).toBe(expected);
  });

  it('short-circuits and/or so unresolved branches are not touched', () => {
    const calls: string[] = [];
    const tracking: Resolver = (path) => { calls.push(path.join('/')); return resolve(path); };
    expect(evaluateFilter(parseFilter('Budget lt 0 and Phase eq \'B\''), tracking)).toBe(false);
    expect(calls).toEqual(['Budget']);
  });

  it.each([
    ['Budget eq \'abc\'', /not valid for the column 'Budget'/],
    ['Flag eq 2', /not valid for the column 'Flag'/],
    ['Start gt \'yesterday\'', /not valid for the column 'Start'/],
    ['Start gt 5', /not valid for the column 'Start'/],
    ['year(Title) eq 2024', /needs a date column/],
    ['Title', /not a Yes\/No column/]
  ])('rejects the type mismatch %s with a 400', (text, message) => {
    let caught: unknown;
    try { matches(text); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(SpError);
    expect((caught as SpError).status).toBe(400);
    expect((caught as SpError).message).toMatch(message);
  });

  // Jest sandboxes process.env, so the zone cannot be switched here; these only bite when the
  // suite runs with a non-UTC TZ (e.g. `TZ=America/New_York npx jest ...`).
  it('reads dates without a time zone as UTC', () => {
    expect(toMillis('2024-01-01T00:00:00')).toBe(Date.UTC(2024, 0, 1));
    expect(toMillis('2024-01-01')).toBe(Date.UTC(2024, 0, 1));
    expect(toMillis('2024-01-01T05:00:00+05:00')).toBe(Date.UTC(2024, 0, 1));
    expect(toMillis('yesterday')).toBeNaN();
    expect(matches('Start eq datetime\'2024-03-15T10:20:30\'')).toBe(true);
  });

  it('lets resolver errors for unknown columns through', () => {
    expect(() => matches('Missing eq 1')).toThrow('no field Missing');
  });
});
