import {
  makeSkipToken, parseExpand, parseOrderBy, parseSelect, parseSkipToken, parseTop
} from '../../../tools/local-sharepoint/src/odata/query-options';
import { SpError } from '../../../tools/local-sharepoint/src/http/errors';

function badRequest(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof SpError && err.status === 400) return err.message;
    throw err;
  }
  throw new Error('expected a 400');
}

describe('parseSelect / parseExpand', () => {
  it('splits paths and trims', () => {
    expect(parseSelect('Title,Leader/Title, Leader/EMail')).toEqual([['Title'], ['Leader', 'Title'], ['Leader', 'EMail']]);
    expect(parseSelect('*,Author/Title')).toEqual([['*'], ['Author', 'Title']]);
    expect(parseSelect('OData__x0020_x')).toEqual([['OData__x0020_x']]);
    expect(parseExpand('Leader,Project')).toEqual([['Leader'], ['Project']]);
  });

  it('returns [] for absent or empty options', () => {
    expect(parseSelect(null)).toEqual([]);
    expect(parseSelect('')).toEqual([]);
    expect(parseSelect(' , ')).toEqual([]);
    expect(parseExpand(null)).toEqual([]);
  });

  it('rejects invalid names', () => {
    expect(badRequest(() => parseSelect('Title,Ti tle'))).toMatch(/"Ti tle" in \$select/);
    expect(badRequest(() => parseSelect('Leader/'))).toMatch(/"Leader\/"/);
    expect(badRequest(() => parseExpand('*'))).toMatch(/\$expand/);
  });
});

describe('parseOrderBy', () => {
  it('parses columns and directions', () => {
    expect(parseOrderBy('Title desc, ID')).toEqual([
      { path: ['Title'], descending: true },
      { path: ['ID'], descending: false }
    ]);
    expect(parseOrderBy('Project/Title ASC,Modified DESC')).toEqual([
      { path: ['Project', 'Title'], descending: false },
      { path: ['Modified'], descending: true }
    ]);
    expect(parseOrderBy(null)).toEqual([]);
    expect(parseOrderBy('')).toEqual([]);
  });

  it('rejects an invalid direction or extra words', () => {
    expect(badRequest(() => parseOrderBy('Title down'))).toMatch(/"Title down" in \$orderby/);
    expect(badRequest(() => parseOrderBy('Title asc desc'))).toMatch(/\$orderby/);
    expect(badRequest(() => parseOrderBy('Ti-tle'))).toMatch(/\$orderby/);
  });
});

describe('parseTop', () => {
  it('parses non-negative integers up to the maximum', () => {
    expect(parseTop(null, 5000)).toBeUndefined();
    expect(parseTop('0', 5000)).toBe(0);
    expect(parseTop('100', 5000)).toBe(100);
    expect(parseTop('5000', 5000)).toBe(5000);
  });

  it('rejects invalid or too large values', () => {
    expect(badRequest(() => parseTop('-1', 5000))).toMatch(/non-negative integer/);
    expect(badRequest(() => parseTop('1.5', 5000))).toMatch(/non-negative integer/);
    expect(badRequest(() => parseTop('ten', 5000))).toMatch(/non-negative integer/);
    expect(badRequest(() => parseTop('', 5000))).toMatch(/non-negative integer/);
    expect(badRequest(() => parseTop('5001', 5000))).toBe('The $top value must not exceed 5000 (the list view threshold)');
  });
});

describe('skip tokens', () => {
  it('parses the SharePoint form', () => {
    expect(parseSkipToken('Paged=TRUE&p_ID=127')).toEqual({ pagedId: 127, sortValues: {}, previous: false });
    expect(parseSkipToken('Paged=TRUE&p_ID=127&p_Title=abc')).toEqual({ pagedId: 127, sortValues: { Title: 'abc' }, previous: false });
    expect(parseSkipToken('Paged=TRUE&PagedPrev=TRUE&p_ID=3')).toEqual({ pagedId: 3, sortValues: {}, previous: true });
  });

  it('decodes sort values that were encoded a second time', () => {
    expect(parseSkipToken('Paged=TRUE&p_ID=4&p_Title=a%26b%3Dc%20d').sortValues).toEqual({ Title: 'a&b=c d' });
  });

  it('treats an absent token as no token', () => {
    expect(parseSkipToken(null)).toEqual({ sortValues: {}, previous: false });
  });

  it('rejects malformed tokens', () => {
    expect(badRequest(() => parseSkipToken('garbage'))).toMatch(/Paged=TRUE/);
    expect(badRequest(() => parseSkipToken('Paged=TRUE&p_ID=abc'))).toMatch(/p_ID/);
    expect(badRequest(() => parseSkipToken('Paged=TRUE&p_ID=1&p_Title=%E0%A4%A'))).toMatch(/URL-encoded/);
  });

  it('makes tokens that parse back to the same values', () => {
    expect(makeSkipToken(127, {})).toBe('Paged=TRUE&p_ID=127');
    const token = makeSkipToken(42, { Title: 'R&D = 100%', Modified: '2024-01-01T00:00:00Z' });
    expect(token).toBe('Paged=TRUE&p_ID=42&p_Title=R%26D%20%3D%20100%25&p_Modified=2024-01-01T00%3A00%3A00Z');
    expect(parseSkipToken(token)).toEqual({
      pagedId: 42, sortValues: { Title: 'R&D = 100%', Modified: '2024-01-01T00:00:00Z' }, previous: false
    });
  });
});
