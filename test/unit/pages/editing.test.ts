import type { EditedControl, EditedSection } from '../../../src/pages/canvas';
import { CONNECTABLE_MANIFEST_IDS, filterInstanceOf, insertWebPart, moveSection, removeControl, updateControl } from '../../../src/pages/editing';
import { PORTFOLIO_FILTERS_MANIFEST_ID, TIMELINE_MANIFEST_ID, RISKS_MANIFEST_ID } from '../../../src/pages/hubPages';

const wp = (id: string, manifestId: string, filterSource?: string): EditedControl => ({ kind: 'webPart', id, manifestId, alias: 'A', properties: {}, filterSource });
const one = (c: EditedControl): EditedSection => ({ columns: [{ factor: 12, controls: [c] }] });
const ids = (s: EditedSection[]): string[] => s.flatMap((x) => x.columns.flatMap((c) => c.controls.map((ctl) => ctl.id)));

describe('edit mode operations on a page\'s sections', () => {
  const page = [one(wp('f', PORTFOLIO_FILTERS_MANIFEST_ID)), one(wp('t', TIMELINE_MANIFEST_ID, 'f')),
    { columns: [{ factor: 6, controls: [wp('a', RISKS_MANIFEST_ID)] }, { factor: 6, controls: [wp('b', RISKS_MANIFEST_ID)] }] }];

  it('adds a web part as a section of its own at a chosen place, or at the end', () => {
    expect(ids(insertWebPart(page, 1, wp('n', RISKS_MANIFEST_ID)))).toEqual(['f', 'n', 't', 'a', 'b']);
    expect(ids(insertWebPart(page, 99, wp('n', RISKS_MANIFEST_ID)))).toEqual(['f', 't', 'a', 'b', 'n']);
  });

  it('moves the section a web part is in, keeping a two-column section together; not past either end', () => {
    expect(ids(moveSection(page, 'b', -1))).toEqual(['f', 'a', 'b', 't']);
    expect(ids(moveSection(page, 'f', -1))).toEqual(['f', 't', 'a', 'b']);
    expect(ids(moveSection(page, 'f', 1))).toEqual(['t', 'f', 'a', 'b']);
  });

  it('removes a web part, its section once empty, and connections to it', () => {
    const after = removeControl(page, 'f');
    expect(ids(after)).toEqual(['t', 'a', 'b']);
    expect(after[0].columns[0].controls[0]).toMatchObject({ id: 't', filterSource: undefined });
    expect(removeControl(page, 'a')[2].columns.map((c) => c.controls.length)).toEqual([0, 1]);
  });

  it('changes one web part, and knows the filter and the web parts that can connect to it', () => {
    const changed = updateControl(page, 'a', (c) => ({ ...c, properties: { projectId: '3' } }));
    expect(changed[2].columns[0].controls[0]).toMatchObject({ properties: { projectId: '3' } });
    expect(filterInstanceOf(page)).toBe('f');
    expect(CONNECTABLE_MANIFEST_IDS.has(TIMELINE_MANIFEST_ID)).toBe(true);
    expect(CONNECTABLE_MANIFEST_IDS.has(RISKS_MANIFEST_ID)).toBe(false);
  });
});
