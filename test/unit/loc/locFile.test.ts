import { locFileOf, stringsOf } from '../../../src/webparts/shared/locStrings';

describe('a web part\'s strings file for SharePoint\'s UI culture', () => {
  it.each([
    ['sv-SE', 'sv-se'], ['da-DK', 'da-dk'], ['nl-NL', 'nl-nl'], ['en-US', 'en-us'],
    // The same language elsewhere, as the SPFx loader falls back; anything else: the default, en-us.
    ['nl-BE', 'nl-nl'], ['sv-FI', 'sv-se'], ['en-GB', 'en-us'], ['de-DE', 'en-us'], ['', 'en-us']
  ])('%s → %s', (culture, file) => {
    expect(locFileOf(culture)).toBe(file);
  });

  it('takes an AMD module\'s value as webpack hands it over (the default of the namespace) or as is', () => {
    expect(stringsOf({ default: { Title: 'Risker' } })).toEqual({ Title: 'Risker' });
    expect(stringsOf({ Title: 'Risks' })).toEqual({ Title: 'Risks' });
  });
});
