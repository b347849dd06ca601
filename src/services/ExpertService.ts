import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { Certification, Competency, PmoExpert } from '../model/community';
import { fromItem } from './mapping';
import { readAll, selection, spList } from './listItems';
import { lazyGraphClient, type GraphClientLike, type GraphClientSource } from './graph';
import { readProfiles } from './userProfiles';

/** What the directory adds to an expert's card: job title and department (user profile), photo (Graph). */
export interface ExpertProfile {
  jobTitle?: string;
  department?: string;
  /** A `data:` URL of the photo; absent when the person has none or Graph failed. */
  photoUrl?: string;
}

export interface ExpertProfiles {
  /** By lower-case e-mail address. */
  byEmail: Record<string, ExpertProfile>;
  /** The profile or Graph could not be reached or refused: the directory shows what it has. */
  failed: boolean;
}

export interface ExpertFilter {
  competency?: Competency;
  certification?: Certification;
  text?: string;
  /** Only people who can take a request now (Available or Limited). */
  availableOnly?: boolean;
}

export interface IExpertService {
  list(): Promise<PmoExpert[]>;
  profiles(emails: readonly string[]): Promise<ExpertProfiles>;
}

/** Graph's JSON batching takes at most 20 requests per call. */
export const GRAPH_BATCH_LIMIT = 20;

interface BatchRequest { id: string; method: 'GET'; url: string }
interface BatchResponse { id: string; status: number; body?: unknown; headers?: Record<string, string> }

/**
 * The Graph `$batch` requests for the people's photos (`User.ReadBasic.All` covers photos): one
 * per person, in chunks of at most 20, so a directory of 50 experts costs 3 calls instead of 50.
 * Job titles and departments are not Graph's here: see readProfiles.
 */
export function profileBatches(emails: readonly string[]): BatchRequest[][] {
  const unique = Array.from(new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean)));
  const requests: BatchRequest[] = unique.map((mail, i) => ({ id: `p${i}`, method: 'GET', url: `/users/${encodeURIComponent(mail)}/photo/$value` }));
  const out: BatchRequest[][] = [];
  for (let i = 0; i < requests.length; i += GRAPH_BATCH_LIMIT) out.push(requests.slice(i, i + GRAPH_BATCH_LIMIT));
  return out;
}

/** Case- and accent-insensitive text for search. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The directory's filter: competency, certification, availability and free text (name, bio, job title, department). */
export function filterExperts(experts: readonly PmoExpert[], filter: ExpertFilter, profiles: Record<string, ExpertProfile> = {}): PmoExpert[] {
  const words = fold(filter.text ?? '').split(/\s+/).filter(Boolean);
  return experts.filter((e) => {
    if (filter.competency && e.competencies.indexOf(filter.competency) < 0) return false;
    if (filter.certification && e.certifications.indexOf(filter.certification) < 0) return false;
    if (filter.availableOnly && e.availability === 'Unavailable') return false;
    if (!words.length) return true;
    const p = profiles[(e.person?.email ?? '').toLowerCase()] ?? {};
    const hay = fold([e.title, e.person?.title, e.bio, e.availabilityNote, p.jobTitle, p.department].filter(Boolean).join(' '));
    return words.every((w) => hay.indexOf(w) >= 0);
  });
}

export class SpExpertService implements IExpertService {
  private readonly client: () => Promise<GraphClientLike>;

  public constructor(private readonly sp: SPFI, private readonly siteUrl: string, graph?: GraphClientSource) {
    this.client = lazyGraphClient(graph);
  }

  /** The whole PMO Experts list (tens of people, read by ID pages): the directory filters in the browser. */
  public async list(): Promise<PmoExpert[]> {
    const { select, expand } = selection('pmoExperts');
    const rows = await readAll(spList(this.sp, this.siteUrl, 'pmoExperts').items.select(...select).expand(...expand));
    return rows.map((r) => fromItem<PmoExpert>('pmoExperts', r)).sort((a, b) => a.title.localeCompare(b.title));
  }

  /**
   * Job titles and departments from the SharePoint user profiles (one SharePoint `$batch`), photos
   * through Graph `$batch`. Never throws: a failing side leaves `failed` set and the directory
   * usable with what the other side gave.
   */
  public async profiles(emails: readonly string[]): Promise<ExpertProfiles> {
    const byEmail: Record<string, ExpertProfile> = {};
    const batches = profileBatches(emails);
    if (!batches.length) return { byEmail, failed: false };
    const unique = Array.from(new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean)));
    let failed = false;
    try {
      const profiles = await readProfiles(this.sp, unique);
      for (const mail of unique) {
        const p = profiles[mail] ?? {};
        byEmail[mail] = { ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}), ...(p.department ? { department: p.department } : {}) };
      }
    } catch {
      failed = true;
    }
    try {
      const client = await this.client();
      for (const requests of batches) {
        const answer = await client.api('/$batch').post({ requests }) as { responses?: BatchResponse[] };
        for (const r of answer.responses ?? []) {
          const mail = unique[Number(r.id.slice(1))];
          if (mail === undefined) continue;
          const profile = byEmail[mail] ?? (byEmail[mail] = {});
          if (r.status !== 200) {
            // 404 on a photo is "no photo"; other failures only cost that detail.
            if (r.status >= 500 || r.status === 429) failed = true;
            continue;
          }
          if (typeof r.body === 'string' && r.body) {
            const type = (r.headers?.['Content-Type'] ?? r.headers?.['content-type'] ?? 'image/jpeg').split(';')[0];
            // Graph returns binary batch bodies base64-encoded; only images become data URLs.
            if (/^image\/(png|jpeg|gif|webp)$/i.test(type)) profile.photoUrl = `data:${type};base64,${r.body}`;
          }
        }
      }
    } catch {
      failed = true;
    }
    return { byEmail, failed };
  }
}
