import fs from 'fs';
import path from 'path';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import { evaluateAmdStrings } from '../hub/amdLocPlugin';
import type { PageTexts } from '../../src/provisioning/pages';

const LOC_DIR = path.resolve(__dirname, '../../src/common/loc');

/** The site languages PMO Hub speaks, by SharePoint's LCID; a site in any other language gets English pages. */
const LOCALE_OF_LCID: Record<number, string> = { 1033: 'en-us', 1053: 'sv-se', 1030: 'da-dk', 1043: 'nl-nl' };

/** The common strings of one language, from the same AMD file the web parts load. */
export function commonStrings(locale: string): Record<string, string> {
  const file = path.join(LOC_DIR, `${locale}.js`);
  return evaluateAmdStrings(fs.readFileSync(file, 'utf8'), file) as Record<string, string>;
}

/**
 * Page titles and texts in the site's language: a page is stored once, in one language, as
 * SharePoint stores a page a person writes on a site of that language.
 */
export async function pageTextsFor(sp: SPFI): Promise<PageTexts & { locale: string }> {
  const web = await sp.web.select('Language')<{ Language: number }>();
  const locale = LOCALE_OF_LCID[web.Language] ?? 'en-us';
  const s = commonStrings(locale);
  return { locale, title: (p) => s[p.titleKey], intro: (p) => (p.introKey ? s[p.introKey] : undefined) };
}
