// The PMO profiles are data: each names lists that exist and whose lookups it also gets, pages
// in navigation order, and web parts only where the page is. The canvas is what PnPjs writes.
import { DEFAULT_PROFILE, PMO_PROFILES, PROFILE_KEYS, profileLists, profilePages } from '../../../src/pages/profiles';
import { HUB_PAGES, PORTFOLIO_FILTERS_MANIFEST_ID } from '../../../src/pages/hubPages';
import { canvasContent, connectedFilterSource, pageFingerprint, stableGuid } from '../../../src/pages/canvas';
import { lists } from '../../../src/schema';

describe('PMO profiles', () => {
  it('are the five kinds of PMO, the default missing nothing', () => {
    expect([...PROFILE_KEYS]).toEqual(['operational', 'tactical', 'portfolio', 'enterprise', 'excellence']);
    expect(profilePages(DEFAULT_PROFILE).map((p) => p.key)).toEqual(HUB_PAGES.map((p) => p.key));
    expect(profileLists(DEFAULT_PROFILE).map((l) => l.key)).toEqual(lists.map((l) => l.key));
  });

  it('get every list their lists look up, the settings list, and the snapshots their register renders from first', () => {
    for (const profile of PMO_PROFILES) {
      const keys = new Set(profileLists(profile.key).map((l) => l.key));
      expect([profile.key, keys.has('hubSettings'), keys.has('hubSnapshots'), keys.has('projects')]).toEqual([profile.key, true, true, true]);
      for (const list of profileLists(profile.key)) {
        for (const f of list.fields) {
          const target = (f as { lookupList?: string }).lookupList;
          if (target) expect([profile.key, list.key, target, keys.has(target)]).toEqual([profile.key, list.key, target, true]);
        }
      }
    }
  });

  it('differ as the kinds of PMO do', () => {
    const pages = (k: typeof PROFILE_KEYS[number]): string[] => profilePages(k).map((p) => p.key);
    expect(pages('operational')).not.toContain('portfolio');
    expect(pages('excellence')).toEqual(['home', 'projects', 'templates', 'community']);
    expect(pages('tactical')).toEqual(['home', 'projects', 'portfolio', 'templates']);
    const portfolioParts = (k: typeof PROFILE_KEYS[number]): string[] => (profilePages(k).find((p) => p.key === 'portfolio')?.webParts ?? []).map((w) => w.alias);
    expect(portfolioParts('tactical')).not.toContain('PrioritisationWebPart');
    expect(portfolioParts('portfolio')).toContain('PrioritisationWebPart');
    expect(profileLists('operational').map((l) => l.key)).not.toContain('prioritisationCriteria');
    // Every web part of a profile's page needs its page's lists: connected portfolio web parts have the filter on their page.
    for (const k of PROFILE_KEYS) {
      for (const page of profilePages(k)) {
        if (page.webParts.some((w) => w.connectFilter)) expect(page.webParts[0].manifestId).toBe(PORTFOLIO_FILTERS_MANIFEST_ID);
      }
    }
  });
});

describe('a page canvas', () => {
  const portfolio = profilePages('enterprise').find((p) => p.key === 'portfolio');
  const spec = { fileName: 'Portfolio.aspx', webParts: portfolio?.webParts ?? [] };

  it('is the same on every run, with ids unique within the page', () => {
    expect(canvasContent(spec)).toBe(canvasContent(spec));
    const ids = (JSON.parse(canvasContent(spec)) as Array<{ id?: string }>).map((c) => c.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(stableGuid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableGuid('a')).not.toBe(stableGuid('b'));
  });

  it('connects the portfolio web parts to the filter web part, and the fingerprint sees a change of a property or place', () => {
    const controls = JSON.parse(canvasContent(spec)) as Array<Record<string, any>>;
    const filter = controls.find((c) => c.webPartId === PORTFOLIO_FILTERS_MANIFEST_ID);
    const connected = controls.filter((c) => c.controlType === 3 && c !== filter).map((c) => connectedFilterSource(c));
    expect(new Set(connected)).toEqual(new Set([filter?.webPartData.instanceId]));

    const base = pageFingerprint('Portfolio', canvasContent(spec));
    expect(pageFingerprint('Portfolio', canvasContent(spec))).toBe(base);
    expect(pageFingerprint('Portföljen', canvasContent(spec))).not.toBe(base);
    const changed = controls.map((c) => (c.controlType === 3 && c.webPartData.properties.grouping === 'unit' ? { ...c, webPartData: { ...c.webPartData, properties: { ...c.webPartData.properties, grouping: 'phase' } } } : c));
    expect(pageFingerprint('Portfolio', JSON.stringify(changed))).not.toBe(base);
    // Re-serialised by SharePoint (keys reordered, flags added) is not an edit.
    const reserialised = controls.map((c) => ({ addedFromPersistedData: true, ...Object.fromEntries(Object.entries(c).reverse()) }));
    expect(pageFingerprint('Portfolio', JSON.stringify(reserialised))).toBe(base);
  });
});
