import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import type { PersonRef } from '../model/common';
import type { IPeopleService } from './editing';
import { httpStatus } from './odata';
import { sitePath } from './ProjectService';
import { lazyGraphClient, type GraphClientLike, type GraphClientSource } from './graph';
import { readProfiles } from './userProfiles';

export type { GraphClientLike, GraphClientSource } from './graph';

export interface PersonSuggestion {
  email: string;
  displayName: string;
  jobTitle?: string;
  department?: string;
}

/** Graph sends `null` for empty properties; read with `||`. */
interface GraphUser {
  displayName?: string;
  mail?: string;
  userPrincipalName?: string;
}

/** The people search failed (Graph refused or could not be reached); `status` is Graph's HTTP status. */
export class PeopleSearchError extends Error {
  public constructor(message: string, public readonly status?: number, public readonly code?: string) {
    super(message);
    this.name = 'PeopleSearchError';
  }
}

const MIN_SEARCH = 2;
const TOP = 10;
const CLAIMS_PREFIX = 'i:0#.f|membership|';

/**
 * Text inside Graph's `$search="displayName:…"` clause. Double quotes (which end the clause)
 * and backslashes are replaced by spaces rather than escaped: Graph tokenises names on
 * punctuation anyway, so nothing findable is lost and no clause can be broken out of.
 */
export function graphSearchText(text: string): string {
  return text.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim();
}

export class GraphPeopleService implements IPeopleService {
  private readonly client: () => Promise<GraphClientLike>;

  public constructor(private readonly sp: SPFI, private readonly siteUrl: string, graph: GraphClientSource) {
    this.client = lazyGraphClient(graph);
  }

  /**
   * Directory people whose display name has a word starting with the text; fewer than 2
   * characters → none. Graph finds them with the basic profile `User.ReadBasic.All` grants; their
   * job titles and departments come from the SharePoint user profiles in one `$batch`.
   */
  public async search(text: string): Promise<PersonSuggestion[]> {
    const clean = graphSearchText(text || '');
    if (clean.length < MIN_SEARCH) return [];
    let answer: { value?: GraphUser[] };
    try {
      const client = await this.client();
      answer = await client.api('/users')
        .header('ConsistencyLevel', 'eventual')
        // The Graph client puts query values into the URL as given: encode them, or `&`,
        // `#` and `%` in the text would cut or corrupt the query string.
        .search(encodeURIComponent(`"displayName:${clean}"`))
        .select(['displayName', 'mail', 'userPrincipalName'])
        .top(TOP)
        .get() as { value?: GraphUser[] };
    } catch (e) {
      const status = httpStatus(e);
      const code = (e as { code?: unknown }).code;
      const detail = (e as { message?: unknown }).message;
      throw new PeopleSearchError(
        `People search failed${status ? ` (Microsoft Graph answered ${status}${typeof code === 'string' && code ? ` ${code}` : ''})` : ''}: ${typeof detail === 'string' && detail ? detail : String(e)}`,
        status, typeof code === 'string' ? code : undefined);
    }
    const out: PersonSuggestion[] = [];
    for (const u of answer.value ?? []) {
      const email = u.mail || u.userPrincipalName;
      if (!email) continue;
      out.push({ email, displayName: u.displayName || email });
    }
    if (!out.length) return out;
    let profiles: Awaited<ReturnType<typeof readProfiles>> = {};
    try {
      profiles = await readProfiles(this.sp, out.map((p) => p.email));
    } catch {
      // The picker still works on names and addresses.
    }
    return out.map((p) => {
      const extra = profiles[p.email.toLowerCase()] ?? {};
      return { ...p, ...(extra.jobTitle ? { jobTitle: extra.jobTitle } : {}), ...(extra.department ? { department: extra.department } : {}) };
    });
  }

  /** The site user for the address (created in the site's user list if needed): what person columns store. */
  public async ensure(email: string): Promise<PersonRef> {
    const login = email.indexOf('|') >= 0 ? email : `${CLAIMS_PREFIX}${email.trim()}`;
    const u = await this.sp.web.ensureUser(login) as unknown as { Id: number; Title?: string; Email?: string };
    return { id: u.Id, title: u.Title ?? email, email: u.Email || email };
  }

  /** SharePoint's own photo endpoint: served from the user profile, no Graph call, cached by the browser. */
  public photoUrl(email: string): string | undefined {
    if (!email || !email.trim()) return undefined;
    const base = /^https?:\/\//i.test(this.siteUrl) ? new URL(this.siteUrl).origin + sitePath(this.siteUrl) : sitePath(this.siteUrl);
    return `${base}/_layouts/15/userphoto.aspx?accountname=${encodeURIComponent(email.trim())}&size=S`;
  }
}
