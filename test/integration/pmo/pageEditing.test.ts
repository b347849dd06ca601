// The hub's edit mode saves a page through SharePoint's pages API as PnPjs writes it: what is
// checked is the canvas SharePoint stored, read back by hand over REST, and that SharePoint (not
// the hub) refuses a visitor's save.
import { startSite, type Site } from './setup';
import { provision } from '../../../src/provisioning/apply';
import { pageTextsFor } from '../../../tools/cli/pageTexts';
import { connectedFilterSource, type EditedSection } from '../../../src/pages/canvas';
import { KPI_TILES_MANIFEST_ID, PORTFOLIO_FILTERS_MANIFEST_ID, RISKS_MANIFEST_ID, TIMELINE_MANIFEST_ID } from '../../../src/pages/hubPages';
import { addToColumn, insertSection } from '../../../src/pages/editing';
import { httpStatus } from '../../../src/services/odata';
import { SpSitePageService, type StoredControl, type StoredPage } from '../../../src/services/SitePageService';

jest.setTimeout(120_000);

interface RestPage { Id: number; FileName: string; CanvasContent1: string | null; Version: string }
interface Control { controlType?: number; webPartId?: string; id?: string; position?: { zoneIndex: number; sectionIndex: number; sectionFactor?: number }; webPartData?: { instanceId: string; properties: Record<string, unknown>; dynamicDataPaths?: Record<string, string> } }

async function restPage(site: Site, alias: string, fileName: string): Promise<RestPage> {
  const res = await fetch(`${site.url}/_api/sitepages/pages`, { headers: { accept: 'application/json;odata=nometadata', 'X-PMOHub-User': alias } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: RestPage[] }).value.find((p) => p.FileName === fileName) as RestPage;
}

function webParts(page: RestPage): Control[] {
  return (JSON.parse(page.CanvasContent1 ?? '[]') as Control[]).filter((c) => c.controlType === 3);
}

/** The stored page as an editor's arrangement, each control where it was. */
function asEdited(page: StoredPage): EditedSection[] {
  return page.sections.map((s) => ({
    columns: s.columns.map((c) => ({ factor: c.factor, controls: c.controls.map((ctl: StoredControl) => (ctl.kind === 'text' ? ctl : { ...ctl, alias: 'Alias' })) }))
  }));
}

describe('saving a page from the hub\'s edit mode', () => {
  let site: Site;
  beforeEach(async () => {
    site = await startSite();
    await provision(site.sp, { texts: await pageTextsFor(site.sp) });
  });
  afterEach(async () => { await site.server.close(); });

  it('a PMO member adds, moves, connects and removes web parts; the visitor reads the published canvas', async () => {
    const pmo = new SpSitePageService(await site.as('pmo'), site.url);
    const before = await pmo.load('Portfolio.aspx');
    expect(before.canEdit).toBe(true);
    const sections = asEdited(before);
    const filterId = sections[0].columns[0].controls.find((c) => c.kind === 'webPart' && c.manifestId === PORTFOLIO_FILTERS_MANIFEST_ID)?.id as string;
    // Remove the timeline, add a risks web part first and a connected timeline last.
    const withoutTimeline = sections.filter((s) => !s.columns.some((c) => c.controls.some((ctl) => ctl.kind === 'webPart' && ctl.manifestId === TIMELINE_MANIFEST_ID)));
    const newId = '0b3e5c3a-1111-4222-8333-444455556666';
    const edited: EditedSection[] = [
      { columns: [{ factor: 12, controls: [{ kind: 'webPart', id: '1b3e5c3a-1111-4222-8333-444455556666', manifestId: RISKS_MANIFEST_ID, alias: 'RisksWebPart', properties: { siteUrl: '', projectId: '7' } }] }] },
      ...withoutTimeline,
      { columns: [{ factor: 12, controls: [{ kind: 'webPart', id: newId, manifestId: TIMELINE_MANIFEST_ID, alias: 'TimelineWebPart', properties: { months: 6 }, filterSource: filterId }] }] }
    ];
    const saved = await pmo.saveAndPublish(before.id, edited);
    const savedParts = saved.sections.flatMap((s) => s.columns.flatMap((c) => c.controls));
    expect(savedParts[0]).toMatchObject({ kind: 'webPart', manifestId: RISKS_MANIFEST_ID, properties: { projectId: '7' } });

    // What a visitor's browser gets: the published canvas, in the new order, the connection as SPFx stores it.
    const stored = await restPage(site, 'visitor', 'Portfolio.aspx');
    const parts = webParts(stored);
    const expectedOrder = [RISKS_MANIFEST_ID, ...withoutTimeline.flatMap((s) => s.columns.flatMap((c) => c.controls)).filter((c) => c.kind === 'webPart').map((c) => c.kind === 'webPart' && c.manifestId), TIMELINE_MANIFEST_ID];
    expect(parts.map((c) => c.webPartId)).toEqual(expectedOrder);
    const last = parts[parts.length - 1];
    expect([last.id, last.webPartData?.instanceId, last.webPartData?.properties]).toEqual([newId, newId, { months: 6 }]);
    expect(connectedFilterSource(last)).toBe(filterId);
    // Kept controls keep their instance ids, so existing connections still point at the filter.
    expect(parts.find((c) => c.webPartId === PORTFOLIO_FILTERS_MANIFEST_ID)?.id).toBe(filterId);
    expect(stored.Version).toMatch(/^\d+\.0$/);
  });

  it('SharePoint refuses a visitor\'s save made by hand, and the page stays as it was', async () => {
    const before = await restPage(site, 'visitor', 'Portfolio.aspx');
    const headers = { accept: 'application/json;odata=nometadata', 'content-type': 'application/json', 'X-PMOHub-User': 'visitor' };
    const ctx = await fetch(`${site.url}/_api/contextinfo`, { method: 'POST', headers });
    const digest = ((await ctx.json()) as { FormDigestValue: string }).FormDigestValue;
    expect(digest).toBeTruthy();
    const visitor = new SpSitePageService(await site.as('visitor'), site.url);
    expect((await visitor.load('Portfolio.aspx')).canEdit).toBe(false);
    for (const op of ['checkoutpage', 'savepage', 'SavePageAsDraft', 'publish']) {
      const body = op === 'SavePageAsDraft' ? { sitePage: { CanvasContent1: '[]' } } : op === 'savepage' ? { CanvasContent1: '[]' } : {};
      const res = await fetch(`${site.url}/_api/sitepages/pages(${before.Id})/${op}`, { method: 'POST', headers: { ...headers, 'X-RequestDigest': digest }, body: JSON.stringify(body) });
      expect([op, res.status]).toEqual([op, 403]);
    }
    // Through the hub's own save as well: SharePoint answers, the page is unchanged.
    await expect(visitor.saveAndPublish(before.Id, [])).rejects.toBeTruthy();
    expect((await restPage(site, 'owner', 'Portfolio.aspx')).CanvasContent1).toBe(before.CanvasContent1);
  });

  it('a PMO member creates a page, lays out sections (an empty column kept) and publishes it; a visitor may do neither', async () => {
    const pmo = new SpSitePageService(await site.as('pmo'), site.url);
    const visitor = new SpSitePageService(await site.as('visitor'), site.url);
    expect(await pmo.rights()).toEqual({ addPages: true, editNavigation: true });
    expect(await visitor.rights()).toEqual({ addPages: false, editNavigation: false });

    const fileName = await pmo.createPage('Kvartal 3');
    expect(fileName).toBe('Kvartal-3.aspx');
    // A draft: the visitor does not see it yet.
    expect((await restPage(site, 'visitor', fileName))).toBeUndefined();
    const created = await pmo.load(fileName);
    expect([created.title, created.sections]).toEqual(['Kvartal 3', []]);
    // The same title again gets a name of its own.
    expect(await pmo.createPage('Kvartal 3')).not.toBe(fileName);

    const filter = { kind: 'webPart' as const, id: '2b3e5c3a-1111-4222-8333-444455556666', manifestId: PORTFOLIO_FILTERS_MANIFEST_ID, alias: 'PortfolioFiltersWebPart', properties: { siteUrl: '' } };
    const kpis = { kind: 'webPart' as const, id: '3b3e5c3a-1111-4222-8333-444455556666', manifestId: KPI_TILES_MANIFEST_ID, alias: 'KpiTilesWebPart', properties: { staleDays: 14 }, filterSource: filter.id };
    let draft = insertSection([], 0, 'threeColumns');
    draft = addToColumn(draft, 0, 0, filter);
    draft = addToColumn(draft, 0, 2, kpis);
    draft = insertSection(draft, 1, 'oneThirdRight');
    draft = addToColumn(draft, 1, 0, { ...kpis, id: '4b3e5c3a-1111-4222-8333-444455556666' });
    const saved = await pmo.saveAndPublish(created.id, draft);
    // As SharePoint stored it and PnPjs reads it back: the middle column empty but there, each column its share.
    expect(saved.sections.map((s) => s.columns.map((c) => [c.factor, c.controls.map((x) => x.id)]))).toEqual([
      [[4, [filter.id]], [4, []], [4, [kpis.id]]],
      [[8, ['4b3e5c3a-1111-4222-8333-444455556666']], [4, []]]
    ]);
    const stored = await restPage(site, 'visitor', fileName);
    const parts = webParts(stored);
    expect(parts.map((c) => [c.position?.zoneIndex, c.position?.sectionIndex, c.position?.sectionFactor])).toEqual([[1, 1, 4], [1, 3, 4], [2, 1, 8]]);
    expect(connectedFilterSource(parts[1])).toBe(filter.id);
    // The empty columns are stored as SharePoint stores them: a canvas entry with a position and no control.
    const empty = (JSON.parse(stored.CanvasContent1 ?? '[]') as Control[]).filter((c) => c.controlType === undefined && c.position);
    expect(empty.map((c) => [c.position?.zoneIndex, c.position?.sectionIndex])).toEqual([[1, 2], [2, 2]]);

    // SharePoint, not the hub, refuses the visitor's new page.
    const refused = await visitor.createPage('Mine').catch((e: unknown) => e);
    expect(httpStatus(refused)).toBe(403);
    expect((await restPage(site, 'owner', 'Mine.aspx'))).toBeUndefined();
  });
});
