import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import { createEvent, type EventAttributes } from 'ics';
import { internalName, type ListSchema, getList } from '../schema';
import type { CommunityEvent, EventType } from '../model/community';
import type { MethodTemplate } from '../model/methods';
import type { NewItem } from '../model/common';
import { ValidationError } from './errors';
import { fromItem, toPayload } from './mapping';
import { deleteItem, readAll, saveItem, selection, spList, type RawItem } from './listItems';
import { hasPermission, httpStatus, odataString, type PermissionMask } from './odata';
import { listUrl } from './ProjectService';
import { lazyGraphClient, type GraphClientLike, type GraphClientSource } from './graph';
import { validateFields, type FieldErrors } from './validation';
import { SpSiteTimeZoneService, type ISiteTimeZoneService, type SiteTimeZone } from './siteTimeZone';

export interface EventPeriod {
  /** Events starting at or after this moment (ISO). */
  from?: string;
  /** Events starting before this moment (ISO). */
  to?: string;
  types?: readonly EventType[];
}

/** A template whose next revision is due, linked from an annual method revision meeting. */
export type DueTemplate = Pick<MethodTemplate, 'id' | 'fileName' | 'fileUrl' | 'title' | 'nextRevision' | 'category'>;

export interface ICommunityEventService extends ISiteTimeZoneService {
  list(period: EventPeriod): Promise<CommunityEvent[]>;
  /** Saves with the event's ETag; `overwrite` after the user chose to overwrite someone else's change. */
  save(event: CommunityEvent | NewItem<CommunityEvent>, options?: { overwrite?: boolean }): Promise<CommunityEvent>;
  remove(event: CommunityEvent): Promise<void>;
  /** May the current user create and edit events (the PMO)? */
  canManage(): Promise<boolean>;
  /** Creates the event in the signed-in user's calendar (Graph `me/events`); returns Outlook's link. */
  addToCalendar(event: CommunityEvent): Promise<{ id: string; webLink?: string }>;
  /** Method templates whose next revision is on or before the date (YYYY-MM-DD). */
  templatesDueBy(date: string): Promise<DueTemplate[]>;
}

/** Field-level checks before any request, including an end before the start. */
export function validateEvent(event: Partial<NewItem<CommunityEvent>>): FieldErrors {
  const errors = validateFields('communityEvents', event as Record<string, unknown>);
  const start = event.startDate ? Date.parse(event.startDate) : NaN;
  const end = event.endDate ? Date.parse(event.endDate) : NaN;
  if (!errors.startDate && !errors.endDate && !isNaN(start) && !isNaN(end) && end < start) errors.endDate = 'endBeforeStart';
  return errors;
}

/**
 * Without a usable end, an event is taken to last an hour (calendars need one). An end at or
 * before the start (the form refuses it, but anyone with edit rights can write it by REST) is
 * not usable: RFC 5545 requires DTEND after DTSTART.
 */
export function eventEnd(event: Pick<CommunityEvent, 'startDate' | 'endDate'>): string {
  const start = Date.parse(event.startDate);
  const end = event.endDate ? Date.parse(event.endDate) : NaN;
  if (!isNaN(end) && end > start) return new Date(end).toISOString();
  return new Date(start + 3600_000).toISOString();
}

/** Only an absolute http(s) link goes into a calendar (`//host/x` or `javascript:` would make an invalid or unsafe URL). */
function calendarUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

/** The Graph `event` resource for `POST me/events`: UTC times, plain-text body (never HTML from the list). */
export function toGraphEvent(event: CommunityEvent): Record<string, unknown> {
  const utc = (iso: string): string => new Date(Date.parse(iso)).toISOString().replace(/Z$/, '');
  const body = [event.description ?? '', event.onlineLink?.url ?? ''].filter(Boolean).join('\n\n');
  return {
    subject: event.title,
    body: { contentType: 'text', content: body },
    start: { dateTime: utc(event.startDate), timeZone: 'UTC' },
    end: { dateTime: utc(eventEnd(event)), timeZone: 'UTC' },
    location: { displayName: event.location ?? (event.onlineLink ? event.onlineLink.url : '') },
    showAs: 'busy'
  };
}

/**
 * An RFC 5545 calendar file for the event, through the `ics` package (escaping of `,;\`
 * and new lines, line folding, UTC `Z` times). `uidDomain` makes the UID stable per site,
 * so importing twice updates rather than duplicates.
 */
export function toIcs(event: CommunityEvent, uidDomain: string): string {
  const start = Date.parse(event.startDate);
  if (isNaN(start)) throw new Error('The event has no valid start, so no calendar file can be made.');
  const end = Date.parse(eventEnd(event));
  const attrs: EventAttributes = {
    uid: `pmohub-event-${event.id}@${uidDomain}`,
    productId: 'pmo-hub/community-events',
    title: event.title,
    start, startInputType: 'utc', startOutputType: 'utc',
    end, endInputType: 'utc', endOutputType: 'utc',
    description: event.description || undefined,
    location: event.location || undefined,
    url: calendarUrl(event.onlineLink?.url)
  };
  const { error, value } = createEvent(attrs);
  if (error || !value) throw error ?? new Error('The calendar file could not be created.');
  return value;
}

/** A file name for the .ics download: the title without characters file systems refuse. */
export function icsFileName(event: Pick<CommunityEvent, 'title' | 'startDate'>): string {
  const base = event.title.replace(/[\\/:*?"<>|#%&{}~]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'event';
  return `${base} ${event.startDate.slice(0, 10)}.ics`;
}

/** Splits events into upcoming (soonest first) and past (latest first) at `now`. */
export function splitByTime(events: readonly CommunityEvent[], now: Date): { upcoming: CommunityEvent[]; past: CommunityEvent[] } {
  const t = now.getTime();
  const upcoming = events.filter((e) => Date.parse(eventEnd(e)) >= t).sort((a, b) => a.startDate.localeCompare(b.startDate));
  const past = events.filter((e) => Date.parse(eventEnd(e)) < t).sort((a, b) => b.startDate.localeCompare(a.startDate));
  return { upcoming, past };
}

/** The most recent event of the type that started before `before` (the "last quarterly meeting"). */
export function previousOfType(events: readonly CommunityEvent[], type: EventType, before: string): CommunityEvent | undefined {
  return events.filter((e) => e.eventType === type && e.startDate < before).sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
}

export class SpCommunityEventService implements ICommunityEventService {
  private readonly client: () => Promise<GraphClientLike>;

  private readonly zone: SpSiteTimeZoneService;

  public constructor(private readonly sp: SPFI, private readonly siteUrl: string, graph?: GraphClientSource) {
    this.client = lazyGraphClient(graph);
    this.zone = new SpSiteTimeZoneService(sp);
  }

  /** Start and end are typed and shown in the site's time zone (its regional settings). */
  public timeZone(): Promise<SiteTimeZone> {
    return this.zone.timeZone();
  }

  /** Filtered on the indexed start (and type), so it stays threshold-safe however long the cycle runs. */
  public async list(period: EventPeriod): Promise<CommunityEvent[]> {
    const start = internalName('communityEvents', 'startDate');
    const parts: string[] = [];
    if (period.from) parts.push(`${start} ge ${odataString(new Date(Date.parse(period.from)).toISOString())}`);
    if (period.to) parts.push(`${start} lt ${odataString(new Date(Date.parse(period.to)).toISOString())}`);
    if (period.types && period.types.length) {
      const type = internalName('communityEvents', 'eventType');
      parts.push(`(${period.types.map((t) => `${type} eq ${odataString(t)}`).join(' or ')})`);
    }
    const { select, expand } = selection('communityEvents');
    let query = spList(this.sp, this.siteUrl, 'communityEvents').items.select(...select).expand(...expand).orderBy(start, true);
    if (parts.length) query = query.filter(parts.join(' and '));
    return (await readAll(query)).map((r) => fromItem<CommunityEvent>('communityEvents', r));
  }

  public async save(event: CommunityEvent | NewItem<CommunityEvent>, options: { overwrite?: boolean } = {}): Promise<CommunityEvent> {
    const errors = validateEvent(event);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const id = 'id' in event && typeof event.id === 'number' ? event.id : undefined;
    const values: Record<string, unknown> = {
      title: event.title, eventType: event.eventType, startDate: event.startDate, endDate: event.endDate ?? null,
      location: event.location ?? '', onlineLink: event.onlineLink, audience: event.audience, description: event.description ?? ''
    };
    return saveItem<'communityEvents', CommunityEvent>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'communityEvents', mine: event,
      id, etag: id !== undefined ? (event as CommunityEvent).etag : undefined, overwrite: options.overwrite,
      payload: toPayload('communityEvents', values),
      findNew: (items) => items.filter(`${internalName('communityEvents', 'eventType')} eq ${odataString(event.eventType)}`)
    });
  }

  public async remove(event: CommunityEvent): Promise<void> {
    await deleteItem(this.sp, this.siteUrl, 'communityEvents', event, (r) => fromItem<CommunityEvent>('communityEvents', r));
  }

  public async canManage(): Promise<boolean> {
    try {
      const mask = await spList(this.sp, this.siteUrl, 'communityEvents').getCurrentUserEffectivePermissions() as unknown as PermissionMask;
      return hasPermission(mask, PermissionKind.AddListItems) && hasPermission(mask, PermissionKind.EditListItems);
    } catch (e) {
      if (httpStatus(e) === 403 || httpStatus(e) === 404) return false;
      throw e;
    }
  }


  public async addToCalendar(event: CommunityEvent): Promise<{ id: string; webLink?: string }> {
    const client = await this.client();
    const created = await client.api('/me/events').post(toGraphEvent(event)) as { id: string; webLink?: string };
    return { id: created.id, webLink: created.webLink };
  }

  /** A small read of the Method Templates library by its indexed next-revision date; its UI is the templates web part's. */
  public async templatesDueBy(date: string): Promise<DueTemplate[]> {
    const next = internalName('methodTemplates', 'nextRevision');
    const title = internalName('methodTemplates', 'title');
    const category = internalName('methodTemplates', 'category');
    const fileName = internalName('methodTemplates', 'fileName');
    const fileUrl = internalName('methodTemplates', 'fileUrl');
    const library = this.sp.web.getList(listUrl(this.siteUrl, getList('methodTemplates') as ListSchema));
    const rows = await readAll(library.items
      .select('Id', fileName, fileUrl, title, next, category)
      .filter(`${next} le ${odataString(`${date.slice(0, 10)}T23:59:59Z`)}`)
      .orderBy(next, true));
    return rows.map((r: RawItem) => ({
      id: r.Id as number, fileName: String(r[fileName] ?? ''), fileUrl: String(r[fileUrl] ?? ''),
      title: (r[title] as string | null) || undefined, category: (r[category] as DueTemplate['category']) || undefined,
      nextRevision: typeof r[next] === 'string' ? (r[next] as string).slice(0, 10) : undefined
    }));
  }
}
