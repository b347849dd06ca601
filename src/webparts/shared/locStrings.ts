/**
 * A web part's own strings are not SPFx `localizedResources`: webpack hoists every AMD external of
 * the bundle into the entry's `define([...])`, so SPFx listed every web part's strings in every
 * manifest and each page loaded all of them (about 15 KB gzipped, in its language). Instead each web
 * part class imports its `loc/<language>.js` by `import()`: webpack makes a chunk per language (it
 * reads the AMD `define` itself) and a page loads the strings of its own web parts, in one language.
 * The strings every web part shares (`PmoHubCommonStrings`) stay a localized resource.
 */
export type LocFile = 'en-us' | 'sv-se' | 'da-dk' | 'nl-nl';

const FILES: readonly LocFile[] = ['en-us', 'sv-se', 'da-dk', 'nl-nl'];

/**
 * The strings file for SharePoint's UI culture, as the SPFx loader picks a localized resource: the
 * exact culture, else the same language, else en-us (the default path).
 */
export function locFileOf(uiCulture: string): LocFile {
  const c = (uiCulture || '').toLowerCase();
  return FILES.find((f) => f === c) ?? FILES.find((f) => f.split('-')[0] === c.split('-')[0]) ?? 'en-us';
}

/** The value of an imported AMD strings module: webpack hands it over as the namespace's default. */
export function stringsOf<T>(imported: unknown): T {
  const m = imported as { default?: T } | undefined;
  return (m && m.default) ?? (imported as T);
}
