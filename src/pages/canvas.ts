import { ClientsideText, ClientsideWebpart, type CanvasColumnFactor, type IClientsidePage, type IClientsideWebPartData } from '@pnp/sp/clientside-pages';
// The page class itself: its package index exports only the factory functions, which call SharePoint.
import { _ClientsidePage } from '@pnp/sp/clientside-pages/types.js';
import { PORTFOLIO_FILTER_PROPERTY_ID } from '../model/portfolioFilter';
import { PORTFOLIO_FILTERS_MANIFEST_ID, type HubWebPart } from './hubPages';

/**
 * A hub page's canvas as SharePoint stores it (`CanvasContent1`), built with @pnp/sp's own page
 * classes so the JSON is what PnPjs writes on a tenant: sections of columns (the layouts
 * SharePoint's editor offers), client-side web part controls carrying their manifest id and
 * properties, and the dynamic-data connection from each portfolio web part to the page's
 * Portfolio filters web part.
 */

/**
 * The section layouts of SharePoint's page editor. A layout is not stored as such: each column
 * carries its share of the page's 12 (`position.sectionFactor`), and the layout is read back from
 * those shares. "One-third left" is a narrow column on the left.
 */
export type SectionLayout = 'oneColumn' | 'twoColumns' | 'threeColumns' | 'oneThirdLeft' | 'oneThirdRight';

export const SECTION_LAYOUTS: Readonly<Record<SectionLayout, readonly CanvasColumnFactor[]>> = {
  oneColumn: [12],
  twoColumns: [6, 6],
  threeColumns: [4, 4, 4],
  oneThirdLeft: [4, 8],
  oneThirdRight: [8, 4]
};

export const SECTION_LAYOUT_KEYS = Object.keys(SECTION_LAYOUTS) as SectionLayout[];

/** The layout whose columns have these shares; anything else SharePoint could hold is shown as it is, not named. */
export function layoutOf(factors: readonly number[]): SectionLayout | undefined {
  return SECTION_LAYOUT_KEYS.find((k) => SECTION_LAYOUTS[k].length === factors.length && SECTION_LAYOUTS[k].every((f, i) => f === factors[i]));
}

/** A section of a spec: its layout, and for each column the indexes of `webParts` placed in it, top to bottom. */
export interface SectionSpec {
  layout: SectionLayout;
  columns: ReadonlyArray<readonly number[]>;
}

/** What a page's canvas is made of, independent of the language its texts are in. */
export interface CanvasSpec {
  /** The page's file name: it seeds the stable ids of its controls. */
  fileName: string;
  /** Plain text shown above the web parts (a Text web part). */
  intro?: string;
  webParts: readonly HubWebPart[];
  /**
   * How the web parts are arranged, in page order. A web part no section names gets a
   * one-column section of its own after them; omitted: every web part has its own.
   */
  sections?: readonly SectionSpec[];
}

/**
 * The page's connection from `filter` to a Portfolio filters web part, as SPFx serialises a
 * connected DynamicProperty in the web part's data: `dynamicDataPaths` maps the consuming web
 * part's own property name (the one its `propertiesMetadata` declares dynamic; not a generated
 * key) to `WebPart.<source component id>.<source instance id>:<property id>[:<property path>]`,
 * and its static (unconnected) dynamic values go to `dynamicDataValues`. Sources: the
 * `IWebPartData.dynamicDataPaths` / `dynamicDataValues` reference (sp-webpart-base), pages
 * read back from SharePoint Online in pnp/cli-microsoft365#750 and pnp/PnP-Sites-Core#2079
 * (`"queryKeywords": "WebPart.<id>.<instance>:searchQuery:rawInputValue"`).
 * [verify: whether SPFx also writes `dynamicDataValues: { filter: … }` for an unconnected web
 * part whose manifest has no value for it; PMO Hub writes nothing then.]
 */
export const FILTER_PROPERTY = 'filter';

export function filterReference(sourceInstanceId: string): string {
  return `WebPart.${PORTFOLIO_FILTERS_MANIFEST_ID}.${sourceInstanceId}:${PORTFOLIO_FILTER_PROPERTY_ID}`;
}

/** The instance id of the Portfolio filters web part a control is connected to, if any. */
export function connectedFilterSource(control: { webPartData?: { dynamicDataPaths?: Record<string, string> } }): string | undefined {
  const ref = control.webPartData?.dynamicDataPaths?.[FILTER_PROPERTY];
  if (typeof ref !== 'string') return undefined;
  // A property path after a second colon (a field of the source's property) still names the source.
  const m = /^WebPart\.([0-9a-f-]{36})\.([0-9a-f-]{36}):([^:]+)(?::.*)?$/i.exec(ref);
  return m && m[1].toLowerCase() === PORTFOLIO_FILTERS_MANIFEST_ID && m[3] === PORTFOLIO_FILTER_PROPERTY_ID ? m[2].toLowerCase() : undefined;
}

/**
 * A GUID that is the same every time for the same seed (FNV-1a, four lanes). Provisioning writes
 * the same instance ids on every run, so a connection to the filter web part keeps pointing at
 * it and an untouched page hashes the same; an id only has to be unique within its page.
 */
export function stableGuid(seed: string): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((basis) => {
    let h = basis >>> 0;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  }).join('');
  // Version 4 / variant bits, so the id is a well-formed GUID to anything that checks.
  return `${lanes.slice(0, 8)}-${lanes.slice(8, 12)}-4${lanes.slice(13, 16)}-${((parseInt(lanes[16], 16) & 0x3) | 0x8).toString(16)}${lanes.slice(17, 20)}-${lanes.slice(20, 32)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function webPartControl(spec: CanvasSpec, wp: HubWebPart, index: number, filterInstance: string | undefined): ClientsideWebpart {
  const instanceId = stableGuid(`${spec.fileName.toLowerCase()}#${index}`);
  const data: IClientsideWebPartData & { webPartData: { dynamicDataPaths?: Record<string, string>; dynamicDataValues?: Record<string, unknown> } } = {
    ...ClientsideWebpart.Default,
    id: instanceId,
    webPartId: wp.manifestId,
    position: { ...ClientsideWebpart.Default.position },
    emphasis: {},
    webPartData: {
      id: wp.manifestId,
      instanceId,
      // SharePoint shows the manifest's localised title; this is what the page JSON carries for search and logs.
      title: wp.alias,
      description: '',
      dataVersion: '1.0',
      properties: { ...wp.properties },
      serverProcessedContent: { htmlStrings: {}, searchablePlainTexts: {}, imageSources: {}, links: {} },
      ...(wp.connectFilter && filterInstance ? { dynamicDataPaths: { [FILTER_PROPERTY]: filterReference(filterInstance) }, dynamicDataValues: {} } : {})
    }
  };
  return new ClientsideWebpart(data);
}

/**
 * Replaces the page's sections with the spec's. The page may be a live page (provisioning saves
 * it afterwards) or a detached one (`detachedPage`) to see what would be written.
 */
export function buildCanvas(page: IClientsidePage | _ClientsidePage, spec: CanvasSpec): void {
  page.sections = [];
  const filterIndex = spec.webParts.findIndex((w) => w.manifestId === PORTFOLIO_FILTERS_MANIFEST_ID);
  const filterInstance = filterIndex >= 0 ? stableGuid(`${spec.fileName.toLowerCase()}#${filterIndex}`) : undefined;
  if (spec.intro) {
    const id = stableGuid(`${spec.fileName.toLowerCase()}#intro`);
    page.addSection().addColumn(12).addControl(new ClientsideText(`<p>${escapeHtml(spec.intro)}</p>`, {
      ...ClientsideText.Default, position: { ...ClientsideText.Default.position }, emphasis: {}, id, anchorComponentId: id
    }));
  }
  for (const section of specSections(spec)) {
    const added = page.addSection();
    SECTION_LAYOUTS[section.layout].forEach((factor, ci) => {
      const column = added.addColumn(factor);
      for (const i of section.columns[ci] ?? []) column.addControl(webPartControl(spec, spec.webParts[i], i, filterInstance));
    });
  }
}

/**
 * The spec's sections in page order, every web part placed once: a named section where its first
 * web part comes in `webParts`, and a full-width section for each web part no section names.
 */
export function specSections(spec: CanvasSpec): SectionSpec[] {
  const claimed = new Map<number, SectionSpec>();
  for (const s of spec.sections ?? []) {
    const columns = SECTION_LAYOUTS[s.layout].map((_f, ci) => (s.columns[ci] ?? []).filter((i) => i >= 0 && i < spec.webParts.length && !claimed.has(i)));
    const section = { layout: s.layout, columns };
    columns.flat().forEach((i) => claimed.set(i, section));
  }
  const sections: SectionSpec[] = [];
  spec.webParts.forEach((_wp, i) => {
    const named = claimed.get(i);
    if (!named) sections.push({ layout: 'oneColumn', columns: [[i]] });
    else if (!sections.includes(named)) sections.push(named);
  });
  return sections;
}

/** A control of a page an editor changed: texts as stored, web parts with their instance ids kept. */
export type EditedControl =
  | { kind: 'text'; id: string; html: string }
  | { kind: 'webPart'; id: string; manifestId: string; alias: string; properties: Record<string, unknown>; filterSource?: string };

export interface EditedSection {
  columns: Array<{ factor: number; controls: EditedControl[] }>;
}

/**
 * Replaces the page's sections with what an editor arranged, through the same PnPjs classes
 * `buildCanvas` uses: instance ids stay as they were (connections point at them), new web parts
 * bring fresh ones, and a connected web part names its filter's instance as SPFx does.
 */
export function writeEditedCanvas(page: IClientsidePage | _ClientsidePage, sections: readonly EditedSection[]): void {
  page.sections = [];
  for (const s of sections) {
    const section = page.addSection();
    for (const col of s.columns) {
      const column = section.addColumn(col.factor as CanvasColumnFactor);
      for (const c of col.controls) {
        if (c.kind === 'text') {
          column.addControl(new ClientsideText(c.html, {
            ...ClientsideText.Default, position: { ...ClientsideText.Default.position }, emphasis: {}, id: c.id, anchorComponentId: c.id
          }));
          continue;
        }
        column.addControl(new ClientsideWebpart({
          ...ClientsideWebpart.Default,
          id: c.id,
          webPartId: c.manifestId,
          position: { ...ClientsideWebpart.Default.position },
          emphasis: {},
          webPartData: {
            id: c.manifestId, instanceId: c.id, title: c.alias, description: '', dataVersion: '1.0',
            properties: { ...c.properties },
            serverProcessedContent: { htmlStrings: {}, searchablePlainTexts: {}, imageSources: {}, links: {} },
            ...(c.filterSource ? { dynamicDataPaths: { [FILTER_PROPERTY]: filterReference(c.filterSource) }, dynamicDataValues: {} } : {})
          }
        } as IClientsideWebPartData));
      }
    }
  }
}

/** A page object that is never sent anywhere: what `buildCanvas` would write, for plans and fingerprints. */
export function detachedPage(): _ClientsidePage {
  return new _ClientsidePage('https://detached.invalid/', '', undefined, true);
}

/** `CanvasContent1` for a spec, exactly as PnPjs would send it. */
export function canvasContent(spec: CanvasSpec): string {
  const page = detachedPage();
  buildCanvas(page, spec);
  return canvasOf(page);
}

/** The page's `CanvasContent1` as PnPjs would save it (PnPjs keeps the serialiser protected). */
export function canvasOf(page: IClientsidePage | _ClientsidePage): string {
  return (page as unknown as { getCanvasContent1(): string }).getCanvasContent1();
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/**
 * What the page says, as a short fingerprint: title, and for each text and web part its place,
 * component, properties and connections. Not a hash of the raw JSON: SharePoint re-serialises a
 * page it saves (adds `addedFromPersistedData`, reorders keys, fills server-processed content),
 * which is not an edit; what an owner changes in the editor is one of these.
 */
export function pageFingerprint(title: string, canvasJson: string | undefined): string {
  let controls: unknown = [];
  try { controls = JSON.parse(canvasJson || '[]'); } catch { controls = canvasJson; }
  interface StoredControl {
    controlType?: number; innerHTML?: string; webPartId?: string;
    position?: { zoneIndex?: number; sectionIndex?: number; sectionFactor?: number; controlIndex?: number; layoutIndex?: number };
    webPartData?: { id?: string; properties?: unknown; dynamicDataPaths?: unknown };
  }
  const parts = (Array.isArray(controls) ? controls as StoredControl[] : []).flatMap((c) => {
    if (c?.controlType !== 3 && c?.controlType !== 4) return [];
    const p = c.position ?? {};
    const where = [p.zoneIndex, p.sectionIndex, p.sectionFactor ?? 12, p.controlIndex, p.layoutIndex ?? 1];
    if (c.controlType === 4) return [[4, where, String(c.innerHTML ?? '')]];
    const d = c.webPartData ?? {};
    return [[3, where, String(c.webPartId ?? d.id ?? '').toLowerCase(), d.properties ?? {}, d.dynamicDataPaths ?? {}]];
  });
  const text = JSON.stringify(canonical([title, parts]));
  // FNV-1a over the canonical text, 4 lanes: a change detector, not a security boundary.
  return stableGuid(text).replace(/-/g, '');
}
