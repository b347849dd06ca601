import { Errors, SpError } from '../http/errors';
import { contentTypeFor } from '../http/format';
import type { LocalResponse, ODataMode } from '../http/types';
import { is, stringArg, type Segment } from '../http/path';
import { findDirectoryUser, type DirectoryUser } from '../directory';

/**
 * The part of SharePoint's user profile service (`/_api/SP.UserProfiles.PeopleManager`) that reads
 * people's profiles: `GetPropertiesFor(accountName)` and `GetMyProperties`. Any signed-in user
 * may read any profile, as in SharePoint Online, where everyone may browse the profiles of
 * their organisation. The profile is the tenant directory's (job title, department, office),
 * which SharePoint Online synchronises from Microsoft Entra ID.
 *
 * Answers `PersonProperties`: `Title` is the job title; every other field is a
 * `UserProfileProperties` key/value pair (all values strings, as SharePoint sends them).
 */
interface ProfileContext {
  mode: ODataMode;
  method: string;
  actor: { user: { login: string } };
  urls: { webUrl: string };
}

const CLAIMS = /^i:0#\.f\|membership\|/i;

function properties(u: DirectoryUser): Array<[string, string]> {
  return [
    ['UserProfile_GUID', u.id], ['AccountName', `i:0#.f|membership|${u.mail}`], ['FirstName', u.givenName], ['LastName', u.surname],
    ['PreferredName', u.displayName], ['WorkEmail', u.mail], ['Title', u.jobTitle], ['SPS-JobTitle', u.jobTitle],
    ['Department', u.department], ['SPS-Department', u.department], ['Office', u.officeLocation], ['SPS-MUILanguages', u.preferredLanguage],
    ['SPS-UserPrincipalName', u.mail], ['WorkPhone', ''], ['CellPhone', '']
  ];
}

function personProperties(ctx: ProfileContext, u: DirectoryUser): LocalResponse {
  const origin = new URL(ctx.urls.webUrl).origin;
  const pairs = properties(u).map(([Key, Value]) => ({ Key, Value, ValueType: 'Edm.String' }));
  const props = {
    AccountName: `i:0#.f|membership|${u.mail}`, DirectReports: [] as string[], DisplayName: u.displayName, Email: u.mail,
    ExtendedManagers: [] as string[], ExtendedReports: [`i:0#.f|membership|${u.mail}`], IsFollowed: false, LatestPost: null,
    Peers: [] as string[], PersonalSiteHostUrl: `${origin}/`, PersonalUrl: `${origin}/personal/${u.mail.replace(/[@.]/g, '_')}/`,
    PictureUrl: `${ctx.urls.webUrl}/_layouts/15/userphoto.aspx?accountname=${encodeURIComponent(u.mail)}&size=M`,
    Title: u.jobTitle, UserUrl: `${origin}/person.aspx?accountname=${encodeURIComponent(`i:0#.f|membership|${u.mail}`)}`
  };
  let body: unknown;
  if (ctx.mode === 'verbose') {
    const list = (xs: string[]): unknown => ({ __metadata: { type: 'Collection(Edm.String)' }, results: xs });
    body = {
      d: {
        __metadata: { id: `${ctx.urls.webUrl}/_api/SP.UserProfiles.PeopleManager/GetPropertiesFor`, type: 'SP.UserProfiles.PersonProperties' },
        ...props, DirectReports: list(props.DirectReports), ExtendedManagers: list(props.ExtendedManagers),
        ExtendedReports: list(props.ExtendedReports), Peers: list(props.Peers),
        UserProfileProperties: { results: pairs.map((p) => ({ __metadata: { type: 'SP.KeyValue' }, ...p })) }
      }
    };
  } else {
    body = {
      ...(ctx.mode === 'minimal' ? { 'odata.metadata': `${ctx.urls.webUrl}/_api/$metadata#SP.UserProfiles.PersonProperties`, 'odata.type': 'SP.UserProfiles.PersonProperties' } : {}),
      ...props, UserProfileProperties: pairs
    };
  }
  return { status: 200, headers: { 'content-type': contentTypeFor(ctx.mode) }, body: JSON.stringify(body) };
}

/** Someone without a profile: SharePoint answers an empty PersonProperties, not a 404 [verify]. */
function noProfile(ctx: ProfileContext): LocalResponse {
  const body = ctx.mode === 'verbose' ? { d: { __metadata: { type: 'SP.UserProfiles.PersonProperties' }, AccountName: null, UserProfileProperties: { results: [] } } }
    : { 'odata.null': true };
  return { status: 200, headers: { 'content-type': contentTypeFor(ctx.mode) }, body: JSON.stringify(body) };
}

/** `segments[0]` is `SP.UserProfiles.PeopleManager`. */
export function handleUserProfiles(ctx: ProfileContext, segments: Segment[]): LocalResponse {
  const op = segments[1];
  if (segments.length !== 2 || !op) throw Errors.notImplemented(`SP.UserProfiles.PeopleManager/${segments.slice(1).map((s) => s.name).join('/')}`);
  if (ctx.method !== 'GET') {
    throw new SpError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The HTTP method '${ctx.method}' cannot be used on this resource; use GET.`);
  }
  if (is(op, 'GetMyProperties')) {
    const me = findDirectoryUser(ctx.actor.user.login.replace(CLAIMS, ''));
    return me ? personProperties(ctx, me) : noProfile(ctx);
  }
  if (is(op, 'GetPropertiesFor')) {
    const account = stringArg(op, 'accountName');
    const u = findDirectoryUser(account.replace(CLAIMS, ''));
    return u ? personProperties(ctx, u) : noProfile(ctx);
  }
  throw Errors.notImplemented(`SP.UserProfiles.PeopleManager/${op.name}`);
}
