// The localised demo: every English text the seed writes has its three translations, the
// per-language content has the same shape in every language, and the meeting cycle's titles
// (its natural keys) are unique per language.
import { DEMO_LANGUAGES, EVENT_TEXT, FRONT_DOOR_TEXT, NEWS_TEXT, languageOfLcid, tr, translatedTexts } from '../../../src/provisioning/demoTexts';
import { demoEvents } from '../../../src/provisioning/seed';
import { contentLanguage } from '../../../src/services/FrontDoorService';
import { DEMO_NOW } from '../../fixtures/demoClock';

test('the site language follows SharePoint\'s LCID; any other is English', () => {
  expect([1053, 1030, 1043, 1033, 1036, undefined].map((l) => languageOfLcid(l))).toEqual(['sv-SE', 'da-DK', 'nl-NL', 'en-US', 'en-US', 'en-US']);
  expect(['sv-SE', 'sv', 'da-dk', 'nl-BE', 'fi-FI'].map(contentLanguage)).toEqual(['sv-SE', 'sv-SE', 'da-DK', 'nl-NL', 'en-US']);
});

test('every translated text has Swedish, Danish and Dutch, each different from the English unless it is a name', () => {
  const same = new Set(['HR', 'IT']);
  for (const en of translatedTexts()) {
    const out = (['sv-SE', 'da-DK', 'nl-NL'] as const).map((l) => tr(l, en));
    expect([en, out.every((t) => t.trim().length > 0)]).toEqual([en, true]);
    if (!same.has(en)) expect([en, out.some((t) => t !== en)]).toEqual([en, true]);
  }
  expect(tr('en-US', 'Finance')).toBe('Finance');
  expect(tr('sv-SE', 'A text nobody translated')).toBe('A text nobody translated');
});

test('front door texts and news have the same shape in all four languages', () => {
  const shape = (l: (typeof DEMO_LANGUAGES)[number]): string[] => FRONT_DOOR_TEXT[l].map((t) => `${t.section}|${t.serviceArea ?? ''}|${t.governanceRole ?? ''}|${t.contact ?? ''}|${(t.profiles ?? []).join()}`);
  for (const l of DEMO_LANGUAGES) {
    expect(shape(l)).toEqual(shape('en-US'));
    expect(new Set(FRONT_DOOR_TEXT[l].map((t) => t.title)).size).toBe(FRONT_DOOR_TEXT[l].length);
    expect(NEWS_TEXT[l]).toHaveLength(3);
  }
  // A news title is its natural key across languages too.
  const titles = DEMO_LANGUAGES.flatMap((l) => NEWS_TEXT[l].map((n) => n.title));
  expect(new Set(titles).size).toBe(titles.length);
});

test('the meeting cycle in each language: the same dates, unique titles, the period in the title', () => {
  const en = demoEvents(DEMO_NOW);
  for (const l of DEMO_LANGUAGES) {
    const events = demoEvents(DEMO_NOW, l);
    expect(events.map((e) => [e.start, e.eventType])).toEqual(en.map((e) => [e.start, e.eventType]));
    expect(new Set(events.map((e) => e.title)).size).toBe(events.length);
  }
  expect(demoEvents(DEMO_NOW, 'sv-SE').map((e) => e.title)).toContain('Kvartalsvis utmaningsmöte K4 2026');
  expect(EVENT_TEXT['nl-NL'].revision(2026)).toBe('Jaarlijkse methoderevisie 2026');
});
