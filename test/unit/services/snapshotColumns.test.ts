// The site's snapshot files store rows by column: what a new browser reads back must be the rows
// the PMO member's browser wrote, value for value (absent keys, nulls, people, lookups, dates,
// amounts), and anything else must read as "no snapshot", never as rows made up.
import { COLUMNS_FORMAT, fromColumns, toColumns, type ColumnSnapshot, type SnapshotColumn } from '../../../src/services/snapshotColumns';
import type { ListSnapshot } from '../../../src/services/listSnapshots';

const person = (id: number, title: string): { id: number; title: string; email: string } => ({ id, title, email: `${title.split(' ')[0].toLowerCase()}@contoso.com` });
const units = ['Digital Services', 'Ekonomi & styrning', 'Økonomi', 'Klantenservice'];

/** Rows shaped as the portfolio's projects are, with what a list really holds: empty columns, odd values. */
function projects(n: number): Array<Record<string, unknown>> {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    code: `PMO-${String(i + 1).padStart(4, '0')}`,
    title: i === 3 ? 'Nytt ärende: "citat", \\ och \u00e6\u00f8\u00e5' : `Projekt ${i + 1}`,
    leader: i % 7 === 0 ? undefined : person(10 + (i % 3), ['Sanne de Vries', 'Mikkel Sørensen', 'Åsa Öberg'][i % 3]),
    unit: units[i % units.length],
    phase: i % 5 === 0 ? null : ['Idea', 'Execution', 'Closing'][i % 3],
    budget: i % 4 === 0 ? null : 1_000_000 + i * 12_345.5,
    actualCost: -0.01 * i,
    strategicObjectives: i % 2 ? [{ id: 1, title: 'Digital first' }, { id: 5, title: 'Data-driven' }] : [],
    latestPercentComplete: i % 9 === 0 ? 0 : i % 101,
    latestReportDate: i % 6 === 0 ? undefined : `2026-${String((i % 12) + 1).padStart(2, '0')}-02`,
    ...(i % 11 === 0 ? { onlySome: true } : {})
  }));
}

/** What JSON keeps of a row: a key whose value is undefined is not a key of the stored row. */
const asStored = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function snapshot(rows: Array<Record<string, unknown>>): ListSnapshot<Record<string, unknown>> {
  return { shape: 'Id,Title|', changeToken: '1;3;abc;638690000000000000;42', readAt: '2026-12-07T06:00:00.000Z', rows };
}

describe('snapshot files by column', () => {
  it('read back as the rows written, through JSON as the file is stored', () => {
    for (const n of [0, 1, 3, 40, 1000]) {
      const written = snapshot(projects(n));
      const read = fromColumns(JSON.parse(JSON.stringify(toColumns(written))));
      expect(read).toEqual(asStored(written));
      // Keys missing from a row stay missing (not null): a project without a leader has no `leader`.
      if (n > 7) expect(Object.prototype.hasOwnProperty.call(read?.rows[7], 'leader')).toBe(false);
    }
  });

  it('store a column of few values once, and a column of many a row', () => {
    const packed = toColumns(snapshot(projects(1000)));
    const col = (key: string): SnapshotColumn | undefined => packed.columns.find((c) => c.key === key);
    expect(col('unit')?.dictionary).toEqual(units);
    expect(col('leader')?.dictionary).toHaveLength(3);
    expect(col('title')?.values).toHaveLength(1000);
    expect(col('onlySome')?.index?.filter((i) => i >= 0)).toHaveLength(91);
    // Smaller than the rows' own JSON, which repeats every key and person a row.
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(projects(1000)).length * 0.6);
  });

  it('a file that is not one (the rows format, another format, damaged columns) is not read as rows', () => {
    const good = JSON.parse(JSON.stringify(toColumns(snapshot(projects(20))))) as ColumnSnapshot;
    const damaged = (change: (c: ColumnSnapshot) => void): unknown => { const c = JSON.parse(JSON.stringify(good)) as ColumnSnapshot; change(c); return c; };
    expect(fromColumns(snapshot(projects(3)))).toBeUndefined();
    expect(fromColumns(null)).toBeUndefined();
    expect(fromColumns('text')).toBeUndefined();
    expect(fromColumns(damaged((c) => { (c as { format: string }).format = 'pmo-hub-columns/2'; }))).toBeUndefined();
    expect(fromColumns(damaged((c) => { c.count = 21; }))).toBeUndefined();
    expect(fromColumns(damaged((c) => { c.columns[1].values?.pop(); }))).toBeUndefined();
    expect(fromColumns(damaged((c) => { const u = c.columns.find((x) => x.key === 'unit'); u!.index![0] = 99; }))).toBeUndefined();
    expect(fromColumns(damaged((c) => { const u = c.columns.find((x) => x.absent); u!.absent = [...u!.absent!].reverse(); }))).toBeUndefined();
    expect(fromColumns(damaged((c) => { c.columns[0].key = '__proto__'; }))).toBeUndefined();
    expect(fromColumns(good)?.rows).toHaveLength(20);
    expect(good.format).toBe(COLUMNS_FORMAT);
  });
});
