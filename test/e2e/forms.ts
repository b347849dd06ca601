/**
 * What the form round-trip journeys share (formsRoundTrip, communityFormsRoundTrip and any file that
 * types into a form and reads SharePoint back): our loc strings as the browser gets them, Fluent's
 * fields found by their labels, text as people write it, and the items SharePoint stored.
 */
import path from 'path';
import type { Locator, Page } from 'playwright-core';
import type { Hub, HubLocale } from './harness';
import { loadAmdFile } from '../unit/loc/amd';
import { getList, internalName, type ListKey } from '../../src/schema';

const ROOT = path.resolve(__dirname, '../..');
const FILES: Record<HubLocale, string> = { 'en-US': 'en-us', 'sv-SE': 'sv-se', 'da-DK': 'da-dk', 'nl-NL': 'nl-nl' };

/** A web part's strings in `locale`, from its AMD loc file (`part` is the loc folder, from the repository root). */
export const loc = <T>(part: string, locale: HubLocale): T => loadAmdFile(path.join(ROOT, part, `${FILES[locale]}.js`)) as T;

/** Text as people write it: quotes, an apostrophe, emoji, markup that must stay text, Nordic letters. */
export const prose = (tag: string): string => `${tag}: "citat" l'été 🚀 <b>fet</b> & æøå ÅÄÖ`;
/** Spaces of any kind are one: Swedish grouping and "2:30 PM" use no-break spaces on screen, a space when typed. */
export const spaces = (s: string): string => s.replace(/[\s\u00a0\u202f]/g, ' ');
/** A dropdown's text without its caret (an icon-font glyph in the private use area). */
export const shownOption = (text: string | null): string => (text ?? '').replace(/[\ue000-\uf8ff]/g, '').trim();

/** The label's characters as a pattern: our own loc strings, every special character escaped. */
export const escaped = (name: string): string => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label, with Fluent's " *" after a required one. */
// eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from an escaped loc string
export const labelled = (name: string): RegExp => new RegExp(`^${escaped(name)}( \\*)?$`);
/** A text field by its label. */
export const textbox = (scope: Locator, name: string): Locator => scope.getByLabel(labelled(name));
/** A dropdown: its name is the label and the chosen option. */
// eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from an escaped loc string
export const combobox = (scope: Locator, name: string): Locator => scope.getByRole('combobox', { name: new RegExp(`^${escaped(name)}( \\*)?( .*)?$`) });

/** Fluent's dropdown: its options open in a callout at the end of <body>. */
export async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await combobox(scope, label).click();
  await page.locator('.ms-Dropdown-callout').getByRole('option', { name: option, exact: true }).click();
  await page.locator('.ms-Dropdown-callout').waitFor({ state: 'detached' });
}

/** The items of `list` SharePoint stored that match an OData filter, read by hand-made REST as the owner. */
export async function restItems(hub: Hub, list: ListKey, filter: string): Promise<Array<Record<string, unknown>>> {
  const answer = await hub.rest<{ value: Array<Record<string, unknown>> }>('owner', 'GET',
    `/_api/web/lists/getbytitle('${encodeURIComponent(getList(list).title)}')/items?$filter=${encodeURIComponent(filter)}&$top=100`);
  expect(answer.status).toBe(200);
  return answer.body.value;
}
/** A column's internal name, for reading REST answers. */
export const col = (list: ListKey, key: string): string => internalName(list, key as never);
/** The date part of a stored date. */
export const day = (v: unknown): string => String(v ?? '').slice(0, 10);
