import { SECTION_LAYOUTS, type EditedControl, type EditedSection, type SectionLayout } from './canvas';
import { HUB_PAGES, PORTFOLIO_FILTERS_MANIFEST_ID } from './hubPages';

/**
 * What the hub's edit mode does to a page before it is saved, as plain functions of the page's
 * sections: a new web part gets a section of its own (as SharePoint's "+" between sections
 * does) or goes into a column of a section added with a layout, moving moves the section a web
 * part is in, and removing the last control of a section removes the section. Connections
 * refer to instance ids, which never change here.
 */

/** Web parts that read the portfolio filter: those the hub's own pages connect. */
export const CONNECTABLE_MANIFEST_IDS: ReadonlySet<string> = new Set(HUB_PAGES.flatMap((p) => p.webParts.filter((w) => w.connectFilter).map((w) => w.manifestId)));

export function newInstanceId(): string {
  return crypto.randomUUID();
}

export function insertWebPart(sections: readonly EditedSection[], at: number, control: EditedControl): EditedSection[] {
  const i = Math.max(0, Math.min(at, sections.length));
  return [...sections.slice(0, i), { columns: [{ factor: 12, controls: [control] }] }, ...sections.slice(i)];
}

/** An empty section with the layout's columns, as SharePoint's "Add a new section" puts it. */
export function insertSection(sections: readonly EditedSection[], at: number, layout: SectionLayout): EditedSection[] {
  const i = Math.max(0, Math.min(at, sections.length));
  return [...sections.slice(0, i), { columns: SECTION_LAYOUTS[layout].map((factor) => ({ factor, controls: [] })) }, ...sections.slice(i)];
}

/** A web part at the bottom of one column of a section. */
export function addToColumn(sections: readonly EditedSection[], section: number, column: number, control: EditedControl): EditedSection[] {
  return sections.map((s, si) => (si !== section ? s : {
    columns: s.columns.map((c, ci) => (ci === column ? { ...c, controls: [...c.controls, control] } : c))
  }));
}

export function sectionOf(sections: readonly EditedSection[], controlId: string): number {
  return sections.findIndex((s) => s.columns.some((c) => c.controls.some((ctl) => ctl.id === controlId)));
}

export function moveSection(sections: readonly EditedSection[], controlId: string, by: -1 | 1): EditedSection[] {
  const from = sectionOf(sections, controlId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= sections.length) return [...sections];
  const next = [...sections];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

export function removeControl(sections: readonly EditedSection[], controlId: string): EditedSection[] {
  // A connection to a removed filter would point at nothing: SharePoint's editor drops it too. [verify]
  return sections
    .map((s) => ({ columns: s.columns.map((c) => ({ ...c, controls: c.controls.filter((ctl) => ctl.id !== controlId).map((ctl) => (ctl.kind === 'webPart' && ctl.filterSource === controlId ? { ...ctl, filterSource: undefined } : ctl)) })) }))
    .filter((s) => s.columns.some((c) => c.controls.length > 0));
}

export function updateControl(sections: readonly EditedSection[], controlId: string, change: (c: EditedControl & { kind: 'webPart' }) => EditedControl): EditedSection[] {
  return sections.map((s) => ({ columns: s.columns.map((c) => ({ ...c, controls: c.controls.map((ctl) => (ctl.id === controlId && ctl.kind === 'webPart' ? change(ctl) : ctl)) })) }));
}

/** The page's Portfolio filters web part a connection can name (the first, as the hub's pages have one). */
export function filterInstanceOf(sections: readonly EditedSection[]): string | undefined {
  for (const s of sections) for (const c of s.columns) for (const ctl of c.controls) if (ctl.kind === 'webPart' && ctl.manifestId === PORTFOLIO_FILTERS_MANIFEST_ID) return ctl.id;
  return undefined;
}
