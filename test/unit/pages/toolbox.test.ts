import { localised, readToolboxEntries } from '../../../tools/hub/manifestsPlugin';
import { HUB_PAGES } from '../../../src/pages/hubPages';

describe('the hub toolbox, read from the web part manifests', () => {
  const entries = readToolboxEntries();

  it('lists every PMO Hub web part the pages use, with a title and description in each language', () => {
    const used = new Set(HUB_PAGES.flatMap((p) => p.webParts.map((w) => w.manifestId)));
    const ids = entries.map((e) => e.id);
    for (const id of used) expect(ids).toContain(id);
    for (const e of entries) {
      for (const tag of ['en-US', 'sv-SE', 'da-DK', 'nl-NL']) {
        expect(localised(e.title, tag)).toBe(e.title[tag]);
        expect(localised(e.description, tag)).toBeTruthy();
      }
    }
    const risks = entries.find((e) => e.alias === 'RisksWebPart');
    expect([risks && localised(risks.title, 'sv-se'), risks?.properties]).toEqual(['Risker', { siteUrl: '', projectId: '' }]);
  });

  it('falls back to the manifest default for a language it does not name', () => {
    expect(localised({ default: 'D', 'en-US': 'E' }, 'fi-FI')).toBe('D');
  });
});
