import commonEn from '../../../src/common/loc/en-us.js';
import commonSv from '../../../src/common/loc/sv-se.js';
import commonDa from '../../../src/common/loc/da-dk.js';
import commonNl from '../../../src/common/loc/nl-nl.js';
import registerEn from '../../../src/webparts/projectRegister/loc/en-us.js';
import registerSv from '../../../src/webparts/projectRegister/loc/sv-se.js';
import registerDa from '../../../src/webparts/projectRegister/loc/da-dk.js';
import registerNl from '../../../src/webparts/projectRegister/loc/nl-nl.js';

/** The UI languages of PMO Hub, by the SPFx loc file name. */
export type HubLanguage = 'en-us' | 'sv-se' | 'da-dk' | 'nl-nl';

export interface HubLanguageInfo {
  key: HubLanguage;
  /** BCP 47 for <html lang>, dates and numbers. */
  tag: string;
  /** The language's own name: a language switcher lists languages as their speakers write them. */
  name: string;
}

export const LANGUAGES: HubLanguageInfo[] = [
  { key: 'en-us', tag: 'en-US', name: 'English' },
  { key: 'sv-se', tag: 'sv-SE', name: 'Svenska' },
  { key: 'da-dk', tag: 'da-DK', name: 'Dansk' },
  { key: 'nl-nl', tag: 'nl-NL', name: 'Nederlands' }
];

export const COMMON_STRINGS: Record<HubLanguage, IPmoHubCommonStrings> = {
  'en-us': commonEn, 'sv-se': commonSv, 'da-dk': commonDa, 'nl-nl': commonNl
};

export const REGISTER_STRINGS: Record<HubLanguage, IProjectRegisterWebPartStrings> = {
  'en-us': registerEn, 'sv-se': registerSv, 'da-dk': registerDa, 'nl-nl': registerNl
};

export function languageInfo(key: HubLanguage): HubLanguageInfo {
  return LANGUAGES.find((l) => l.key === key) ?? LANGUAGES[0];
}

const STORAGE_KEY = 'pmohub-language';

function isLanguage(v: string | undefined): v is HubLanguage {
  return LANGUAGES.some((l) => l.key === v);
}

/** The saved choice, else the browser's first language we have (by primary subtag), else English. */
export function initialLanguage(): HubLanguage {
  let saved: string | undefined;
  try {
    saved = window.localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    // Storage can be blocked (privacy settings); the browser's languages still apply.
  }
  if (isLanguage(saved)) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0];
    const match = LANGUAGES.find((l) => l.key.split('-')[0] === primary);
    if (match) return match.key;
  }
  return 'en-us';
}

export function saveLanguage(key: HubLanguage): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Not saved: the choice still holds until the page is reloaded.
  }
}

/** `{0}`-style placeholders, as in the SPFx strings. */
export function format(template: string, ...values: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (values[Number(i)] !== undefined ? String(values[Number(i)]) : m));
}
