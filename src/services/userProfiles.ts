import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/profiles';
import { settle } from './odata';

/** A person's job title and department as their SharePoint user profile has them. */
export interface DirectoryProfile {
  jobTitle?: string;
  department?: string;
}

/**
 * SharePoint's `$batch` takes at most 100 operations [verify]; the expert directory and a people
 * search stay far below, larger lists are cut into several batches.
 */
export const PROFILE_BATCH_LIMIT = 100;

const CLAIMS_PREFIX = 'i:0#.f|membership|';

/** SharePoint sends JSON null for empty values: a legacy wire shape, read with `||`. */
// eslint-disable-next-line @rushstack/no-new-null
interface KeyValue { Key?: string; Value?: string | null }
// eslint-disable-next-line @rushstack/no-new-null
interface PersonProperties { Title?: string | null; UserProfileProperties?: KeyValue[] | { results?: KeyValue[] } }

function profileOf(p: PersonProperties | undefined): DirectoryProfile {
  if (!p) return {};
  const pairs = Array.isArray(p.UserProfileProperties) ? p.UserProfileProperties : p.UserProfileProperties?.results ?? [];
  const value = (key: string): string | undefined => pairs.find((x) => x.Key === key)?.Value || undefined;
  return { jobTitle: p.Title || value('SPS-JobTitle') || undefined, department: value('Department') || value('SPS-Department') };
}

/**
 * Job titles and departments from SharePoint's user profiles (`PeopleManager/GetPropertiesFor`),
 * which SharePoint Online synchronises from Microsoft Entra ID. Unlike Microsoft Graph, this needs
 * no tenant-wide scope: `User.ReadBasic.All` does not grant `jobTitle` or `department`, and
 * `User.Read.All` would expose every profile property to every SPFx solution of the tenant.
 * One `$batch` per 100 people; a person without a profile gets an empty entry.
 * Keys are lower-case e-mail addresses. Throws when SharePoint cannot be reached.
 */
export async function readProfiles(sp: SPFI, emails: readonly string[]): Promise<Record<string, DirectoryProfile>> {
  const unique = Array.from(new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean)));
  const out: Record<string, DirectoryProfile> = {};
  for (let i = 0; i < unique.length; i += PROFILE_BATCH_LIMIT) {
    const chunk = unique.slice(i, i + PROFILE_BATCH_LIMIT);
    const [batched, execute] = sp.batched();
    const answers = chunk.map((mail) => settle(batched.profiles.getPropertiesFor(`${CLAIMS_PREFIX}${mail}`) as Promise<PersonProperties | undefined>));
    await execute();
    for (let j = 0; j < chunk.length; j++) {
      const a = await answers[j];
      if (!a.ok) throw a.error;
      // A person without a profile comes back as JSON null.
      out[chunk[j]] = profileOf(a.value ?? undefined);
    }
  }
  return out;
}
