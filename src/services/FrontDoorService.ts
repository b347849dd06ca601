import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { FRONT_DOOR_LANGUAGES, getList, internalName } from '../schema';
import type { CommunityEvent } from '../model/community';
import type { ContentLanguage, FrontDoorContent, FrontDoorText, KeyFigures } from '../model/frontDoor';
import type { Project } from '../model/portfolio';
import { isActive, isStale, REPORTING_PHASES } from '../model/projectPhases';
import { PermissionKind } from '@pnp/sp/security';
import { fromItem, toPayload } from './mapping';
import { readAll, saveItem, selection, spList } from './listItems';
import { hasPermission, httpStatus, type PermissionMask } from './odata';
import { ValidationError } from './errors';
import { validateFields } from './validation';
import type { SiteTimeZone } from './siteTimeZone';
import { SpSiteTimeZoneService } from './siteTimeZone';
import { sitePath } from './ProjectService';
import { SpHubSettingsService } from './HubSettingsService';
import type { ReportSnapshots } from './StatusTrendService';

export interface IFrontDoorService {
  /** The PMO's texts in the visitor's language (English when the PMO wrote none in it), for the site's profile. */
  content(locale: string): Promise<FrontDoorContent>;
  /** Key figures computed from the lists as of `today`. */
  keyFigures(today: Date, staleDays: number): Promise<KeyFigures>;
  /** The next community events from `now` on. */
  nextEvents(now: Date, count: number): Promise<CommunityEvent[]>;
  /** The site's time zone (regional settings): event times are shown in it, not the browser's. */
  timeZone(): Promise<SiteTimeZone>;
  /** Whether SharePoint lets the signed-in user edit the front door's texts (the list's effective permissions). */
  canEdit(): Promise<boolean>;
  /** Saves a text's heading, body and order with its ETag (412 → ConflictError); returns it as stored. */
  saveText(text: FrontDoorText, options?: { overwrite?: boolean }): Promise<FrontDoorText>;
  /** Where the PMO adds, reorders or translates texts: the list itself, and one item's edit form. */
  listUrl(): string;
}

/** The content language for a UI locale: `sv-SE` → `sv-SE`, `sv` → `sv-SE`, anything else → `en-US`. */
export function contentLanguage(locale: string): ContentLanguage {
  const lang = locale.toLowerCase().split('-')[0];
  return FRONT_DOOR_LANGUAGES.find((l) => l.toLowerCase().split('-')[0] === lang) ?? 'en-US';
}

/** SharePoint's LCIDs of the languages PMO Hub writes content in; any other site language reads English. */
const CONTENT_LANGUAGE_OF_LCID: Record<number, ContentLanguage> = { 1033: 'en-US', 1053: 'sv-SE', 1030: 'da-DK', 1043: 'nl-NL' };

export function contentLanguageOfLcid(lcid: number | undefined): ContentLanguage {
  return (lcid !== undefined && CONTENT_LANGUAGE_OF_LCID[lcid]) || 'en-US';
}

/** A text applies to a profile when it names that profile, or names none (every profile). */
function forProfile(t: FrontDoorText, profile: string | undefined): boolean {
  return !profile || t.profiles.length === 0 || t.profiles.indexOf(profile) >= 0;
}

const byOrder = (a: FrontDoorText, b: FrontDoorText): number => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.id - b.id;

/** The texts of one language, grouped as Home shows them. */
export function arrangeContent(all: readonly FrontDoorText[], locale: string, profile: string | undefined): Omit<FrontDoorContent, 'pages'> {
  const wanted = contentLanguage(locale);
  const usable = all.filter((t) => forProfile(t, profile));
  const has = (l: ContentLanguage): boolean => usable.some((t) => t.language === l);
  const language: ContentLanguage = has(wanted) ? wanted : 'en-US';
  const mine = usable.filter((t) => t.language === language).sort(byOrder);
  return {
    language, fallback: language !== wanted, profile,
    purpose: mine.find((t) => t.section === 'Purpose'),
    services: mine.filter((t) => t.section === 'Service'),
    roles: mine.filter((t) => t.section === 'Role'),
    team: mine.filter((t) => t.section === 'Team')
  };
}

/** Key figures of a set of projects (the portfolio's own definitions: active phases, stale reports). */
export function projectFigures(projects: readonly Pick<Project, 'phase' | 'latestReportDate'>[], today: Date, staleDays: number): Pick<KeyFigures, 'activeProjects' | 'reportsOnTimePct'> {
  const asProjects = projects as Project[];
  const reporting = asProjects.filter((p) => REPORTING_PHASES.indexOf(p.phase) >= 0);
  const onTime = reporting.filter((p) => !isStale(p, staleDays, today)).length;
  return {
    activeProjects: asProjects.filter(isActive).length,
    reportsOnTimePct: reporting.length ? Math.round((onTime / reporting.length) * 100) : undefined
  };
}

/** A list the site's profile does not have answers 404: the figure is left out, not failed. */
async function unlessMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (e) {
    if (httpStatus(e) === 404) return undefined;
    throw e;
  }
}

export class SpFrontDoorService implements IFrontDoorService {
  private readonly zone: SpSiteTimeZoneService;

  /**
   * @param cacheKey shares the published reports' read with the page's other web parts (as PortfolioService's).
   * @param snapshots where the browser remembers each project's latest report, so a later visit reads only the changes.
   */
  public constructor(
    private readonly sp: SPFI, private readonly siteUrl: string, private readonly pageKeys: (profile: string | undefined) => string[],
    private readonly cacheKey: string = siteUrl, private readonly snapshots?: ReportSnapshots
  ) {
    this.zone = new SpSiteTimeZoneService(sp);
  }

  public timeZone(): Promise<SiteTimeZone> {
    return this.zone.timeZone();
  }

  public async canEdit(): Promise<boolean> {
    try {
      const mask = await spList(this.sp, this.siteUrl, 'frontDoor').getCurrentUserEffectivePermissions() as unknown as PermissionMask;
      return hasPermission(mask, PermissionKind.EditListItems);
    } catch (e) {
      // A site without the list (an older schema), or one the user cannot see: nothing to edit.
      if (httpStatus(e) === 403 || httpStatus(e) === 404) return false;
      throw e;
    }
  }

  public async saveText(text: FrontDoorText, options: { overwrite?: boolean } = {}): Promise<FrontDoorText> {
    // Only what the panel edits travels: section, language, profile and contact stay as the PMO set them in the list.
    const values: Record<string, unknown> = { title: text.title, body: text.body ?? '', sortOrder: text.sortOrder ?? null };
    const errors = validateFields('frontDoor', values, ['title', 'body', 'sortOrder']);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    return saveItem<'frontDoor', FrontDoorText>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'frontDoor', mine: text,
      id: text.id, etag: text.etag, overwrite: options.overwrite,
      payload: toPayload('frontDoor', values),
      findNew: (items) => items
    });
  }

  public listUrl(): string {
    return `${sitePath(this.siteUrl)}/${getList('frontDoor').url}`;
  }

  public async content(locale: string): Promise<FrontDoorContent> {
    const { select, expand } = selection('frontDoor');
    const [rows, settings] = await Promise.all([
      // A few dozen texts per language: read whole, by ID pages.
      unlessMissing(readAll(spList(this.sp, this.siteUrl, 'frontDoor').items.select(...select).expand(...expand))),
      new SpHubSettingsService(this.sp, sitePath(this.siteUrl)).readAll()
    ]);
    const profile = settings.get('profile')?.value || undefined;
    const texts = (rows ?? []).map((r) => fromItem<FrontDoorText>('frontDoor', r));
    return { ...arrangeContent(texts, locale, profile), pages: this.pageKeys(profile) };
  }

  /**
   * "Reports on time" counts a project by the date of its latest *published* report, read from
   * the reports (shared with the page's other web parts), not by the project item's cached date,
   * which its leader can write by hand.
   */
  public async keyFigures(today: Date, staleDays: number): Promise<KeyFigures> {
    const phase = internalName('projects', 'phase');
    const status = internalName('methodTemplates', 'status');
    const [projects, reports, templates, experts] = await Promise.all([
      unlessMissing(readAll(spList(this.sp, this.siteUrl, 'projects').items.select('Id', phase))),
      // Its own chunk: Home's first render does not wait for the report reader's code.
      unlessMissing(import(/* webpackChunkName: 'latest-reports' */ './StatusTrendService').then((m) => m.sharedLatestReports(this.sp, this.siteUrl, this.cacheKey, this.snapshots))),
      // Visitors see approved templates only (drafts carry their own permissions); count what is approved.
      unlessMissing(readAll(spList(this.sp, this.siteUrl, 'methodTemplates').items.select('Id', status))),
      unlessMissing(readAll(spList(this.sp, this.siteUrl, 'pmoExperts').items.select('Id')))
    ]);
    const figures: KeyFigures = {};
    if (projects) {
      Object.assign(figures, projectFigures(projects.map((r) => ({
        phase: r[phase] as Project['phase'], latestReportDate: reports?.get(Number(r.Id ?? r.ID))?.reportDate
      })), today, staleDays));
    }
    if (templates) figures.approvedTemplates = templates.filter((r) => r[status] === 'Approved').length;
    if (experts) figures.experts = experts.length;
    return figures;
  }

  public async nextEvents(now: Date, count: number): Promise<CommunityEvent[]> {
    const start = internalName('communityEvents', 'startDate');
    const { select, expand } = selection('communityEvents');
    // The start column is indexed: safe past 5,000 events.
    const rows = await unlessMissing(spList(this.sp, this.siteUrl, 'communityEvents').items.select(...select).expand(...expand)
      .filter(`${start} ge datetime'${now.toISOString()}'`).orderBy(start, true).top(count)<Array<Record<string, unknown>>>());
    return (rows ?? []).map((r) => fromItem<CommunityEvent>('communityEvents', r));
  }
}
