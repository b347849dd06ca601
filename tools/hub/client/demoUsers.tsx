/**
 * The demo users of the local SharePoint. Choosing one only sets the `pmohub-user` cookie
 * that the server reads on every request: it is not sign-in, which is why the hub says
 * "development only" on every page.
 */
export type DemoRole = 'owner' | 'member' | 'leader' | 'visitor';

export interface DemoUser {
  alias: string;
  displayName: string;
  mail: string;
  role: DemoRole | 'none';
}

export const USER_COOKIE = 'pmohub-user';
/** Whom the local SharePoint assumes without a cookie. */
export const DEFAULT_USER = 'owner';
/** One user per role, in the order a PMO thinks of them. */
export const DEMO_ROLES: DemoRole[] = ['owner', 'member', 'leader', 'visitor'];

export function roleLabel(c: IPmoHubCommonStrings, role: DemoUser['role']): string {
  switch (role) {
    case 'owner': return c.RoleOwner;
    case 'member': return c.RoleMember;
    case 'leader': return c.RoleLeader;
    case 'visitor': return c.RoleVisitor;
    default: return '';
  }
}

export function currentUserAlias(): string {
  const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith(`${USER_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(USER_COOKIE.length + 1)) : DEFAULT_USER;
}

export function actAs(alias: string): void {
  // A year, so the choice survives restarts of the browser as it survives restarts of `npm start`.
  document.cookie = `${USER_COOKIE}=${encodeURIComponent(alias)}; path=/; max-age=31536000; SameSite=Lax`;
}

/** The Graph photo, as SharePoint's own header shows it. */
export function photoUrl(user: Pick<DemoUser, 'mail'>): string {
  return `/graph/v1.0/users/${encodeURIComponent(user.mail)}/photo/$value`;
}

interface AdminStatus {
  users?: Array<{ alias?: unknown; displayName?: unknown; mail?: unknown; role?: unknown }>;
}

/** The directory from the local SharePoint's development endpoint: the hub exists only there. */
export async function loadDemoUsers(): Promise<DemoUser[]> {
  const res = await fetch('/_admin/status', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`GET /_admin/status answered ${res.status}`);
  const body = await res.json() as AdminStatus;
  const roles: Array<DemoUser['role']> = [...DEMO_ROLES, 'none'];
  return (body.users ?? []).flatMap((u) => {
    const role = roles.find((r) => r === u.role);
    return typeof u.alias === 'string' && typeof u.displayName === 'string' && typeof u.mail === 'string' && role
      ? [{ alias: u.alias, displayName: u.displayName, mail: u.mail, role }]
      : [];
  });
}
