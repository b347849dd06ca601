// Web part settings as plain functions (no SPFx imports), shared by the web parts and unit-tested.

/** Every PMO Hub web part has a `siteUrl` property. */
export interface IPmoHubWebPartProps {
  /** Site holding the PMO lists; empty = the site this page is on. */
  siteUrl: string;
}

/** Web parts that show one project, or let people choose one. */
export interface IProjectScopedWebPartProps extends IPmoHubWebPartProps {
  /** ID of the one project to show (text, as the property pane stores it); empty = people choose. */
  projectId: string;
}

export const PROJECT_SCOPED_DEFAULTS: IProjectScopedWebPartProps = { siteUrl: '', projectId: '' };

export function validateSiteUrl(value: string, message: string): string {
  const v = (value ?? '').trim();
  if (!v) return '';
  return /^https:\/\/[^\s/]+(\/[^\s]*)?$/i.test(v) ? '' : message;
}

/** A configured project ID: a whole number > 0; anything else (empty included) means "let people choose". */
export function parseProjectId(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function validateProjectId(value: string, message: string): string {
  return !(value ?? '').trim() || parseProjectId(value) !== undefined ? '' : message;
}

