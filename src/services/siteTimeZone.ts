import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/regional-settings';
import { onceUntilFailure } from '../common/once';

/** The site's time zone (Site settings → Regional settings): times are typed and shown in it. */
export interface SiteTimeZone {
  /** An IANA name the browser's Intl understands, e.g. `Europe/Copenhagen`. */
  iana: string;
  /** SharePoint's own name of the zone, for the people reading the form. */
  description: string;
}

/** What SharePoint returns for `web/RegionalSettings/TimeZone` (SP.TimeZone). */
export interface SpTimeZoneInfo {
  Description: string;
  Id?: number;
  /** Minutes: UTC = local time + Bias (Windows' convention). */
  Information?: { Bias: number; DaylightBias?: number; StandardBias?: number };
}

export interface ISiteTimeZoneService {
  /** The site's time zone as its regional settings say. */
  timeZone(): Promise<SiteTimeZone>;
}

const REGIONS = ['Europe', 'America', 'Asia', 'Africa', 'Australia', 'Pacific', 'Atlantic', 'Indian', 'Antarctica'];

function knownZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name }).format(0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SharePoint's own ids (SP.TimeZone.Id; Microsoft's table under SPRegionalSettings.TimeZones) of the
 * zones whose name gives no IANA city: "Eastern Time (US and Canada)", "Arizona", "Yangon (Rangoon)",
 * or a city that has since left the zone (Chihuahua moved to UTC-06:00 in 2022, Mazatlan did not).
 * The id is the same in every site language, the name is translated. Written by hand: the
 * windows-iana package maps Windows' zone keys ("Eastern Standard Time"), which SharePoint does not
 * give, and its data is about 16 KB gzipped on pages that are at their size budget.
 */
const IANA_OF_SHAREPOINT_ID: Readonly<Record<number, string>> = {
  8: 'America/Sao_Paulo', 9: 'America/Halifax', 10: 'America/New_York', 11: 'America/Chicago',
  12: 'America/Denver', 13: 'America/Los_Angeles', 14: 'America/Anchorage', 15: 'Pacific/Honolulu',
  16: 'Pacific/Pago_Pago', 28: 'America/St_Johns', 30: 'Etc/GMT+2', 34: 'America/Indiana/Indianapolis',
  36: 'America/Regina', 38: 'America/Phoenix', 39: 'Etc/GMT+12', 53: 'Atlantic/Cape_Verde',
  55: 'America/Guatemala', 58: 'Asia/Yekaterinburg', 60: 'America/Nuuk', 61: 'Asia/Yangon',
  66: 'Asia/Colombo', 67: 'Pacific/Tongatapu', 69: 'Africa/Lagos', 77: 'America/Mazatlan',
  89: 'Indian/Mauritius', 92: 'Asia/Kamchatka', 93: 'UTC'
};

/**
 * SharePoint names a zone the Windows way, "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris";
 * the browser needs an IANA name with the zone's daylight-saving rules. First SharePoint's id of
 * the zones whose name is no city; then the cities of the name, which are IANA cities for nearly
 * every other zone; failing that, the fixed offset SharePoint gives, only for a zone without
 * daylight saving; otherwise an error rather than a wrong hour.
 */
export function ianaOfSharePointZone(info: SpTimeZoneInfo): string {
  const description = info.Description ?? '';
  const byId = typeof info.Id === 'number' ? IANA_OF_SHAREPOINT_ID[info.Id] : undefined;
  if (byId && knownZone(byId)) return byId;
  if (/^\(UTC\)\s*Coordinated Universal Time/i.test(description)) return 'UTC';
  const cities = description.replace(/^\([^)]*\)\s*/, '').split(/[,;]/).map((c) => c.trim().replace(/\s+/g, '_')).filter(Boolean);
  for (const city of cities) {
    for (const region of REGIONS) {
      const candidate = `${region}/${city}`;
      if (knownZone(candidate)) return candidate;
    }
  }
  const bias = info.Information?.Bias;
  // A fixed offset is right only for a zone without daylight saving; guessing one for a zone with
  // it would move every summer meeting by an hour.
  if (typeof bias === 'number' && bias % 60 === 0 && (info.Information?.DaylightBias ?? 0) === 0) {
    const hours = bias / 60;
    // Etc/GMT names count the other way round: Etc/GMT-1 is UTC+01:00, which Windows writes as Bias -60.
    return hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '+' : '-'}${Math.abs(hours)}`;
  }
  throw new Error(`The site's time zone "${description}" is not one this browser knows.`);
}

/** Reads the regional settings once per service: they change when an admin changes them, not per form. */
export class SpSiteTimeZoneService implements ISiteTimeZoneService {
  private readonly read: () => Promise<SiteTimeZone>;

  public constructor(sp: SPFI) {
    this.read = onceUntilFailure(() => sp.web.regionalSettings.timeZone.select('Description', 'Id', 'Information')<SpTimeZoneInfo>()
      .then((info) => ({ iana: ianaOfSharePointZone(info), description: info.Description })));
  }

  public timeZone(): Promise<SiteTimeZone> {
    return this.read();
  }
}
