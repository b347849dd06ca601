import fs from 'fs';
import path from 'path';
import * as ts from 'typescript';

/**
 * The Microsoft Teams app packages of the solution: one per web part that declares a Teams host,
 * the same shape SharePoint generates when a tenant admin selects "Sync to Teams" in the app
 * catalog (learn.microsoft.com/sharepoint/dev/spfx/deployment-spfx-teams-solutions: id = component id, name.short = preconfiguredEntries[0].title, description =
 * preconfiguredEntries[0].description, icons = teams/<id>_color.png and <id>_outline.png).
 *
 * Why per web part and not one "PMO Hub" app: every PMO Hub web part can be a channel tab, and a
 * Teams app may declare only one configurable (channel) tab (`configurableTabs.maxItems` is 1 in
 * the schema), so one app would leave all but one web part out of channels. Building the packages
 * here, from the same web part manifests SharePoint reads, lets a test hold them to the Teams
 * schema before an admin's sync does, and gives admins who upload apps by hand (Teams admin
 * center, `m365 teams app publish`) files to upload.
 */

export const ROOT = path.resolve(__dirname, '../..');
export const TEAMS_MANIFEST_VERSION = '1.17';
export const TEAMS_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const TEAMS_LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;
/** The hub's UI languages; en-US is the manifest's own, the others are localisation files. */
export const DEFAULT_LANGUAGE = 'en-US';
export const OTHER_LANGUAGES = ['sv-SE', 'da-DK', 'nl-NL'];
/** Where `npm run package` writes the Teams app packages, beside the .sppkg. */
export const TEAMS_OUT_DIR = path.join(ROOT, 'sharepoint', 'solution', 'teams');
/** SharePoint Online's own app id, which SPFx tabs sign in to (Teams single sign-on for SharePoint). */
const SHAREPOINT_ONLINE_APP_ID = '00000003-0000-0ff1-ce00-000000000000';

type Localized = Record<string, string>;

export interface WebPartManifest {
  file: string;
  id: string;
  alias: string;
  supportedHosts: string[];
  title: Localized;
  description: Localized;
}

export interface TeamsApp {
  alias: string;
  id: string;
  manifest: Record<string, unknown>;
  /** File name (e.g. sv-SE.json) to localisation file content. */
  localizations: Record<string, Record<string, unknown>>;
  colorIcon: string;
  outlineIcon: string;
}

/** Reads a JSON file that may hold comments, as SPFx manifests do (TypeScript's own JSONC parser). */
export function readJsonc<T>(file: string): T {
  const parsed = ts.parseConfigFileTextToJson(file, fs.readFileSync(file, 'utf8'));
  if (parsed.error) throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
  return parsed.config as T;
}

function manifestFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return manifestFiles(full);
    return e.name.endsWith('.manifest.json') ? [full] : [];
  }).sort();
}

export function webPartManifests(): WebPartManifest[] {
  return manifestFiles(path.join(ROOT, 'src', 'webparts')).map((file) => {
    const json = readJsonc<{ id: string; alias: string; componentType: string; supportedHosts?: string[]; preconfiguredEntries: Array<{ title: Localized; description: Localized }> }>(file);
    const entry = json.preconfiguredEntries[0];
    return { file: path.relative(ROOT, file), id: json.id, alias: json.alias, supportedHosts: json.supportedHosts ?? [], title: entry.title, description: entry.description };
  });
}

/** teamshostedapp.aspx renders one SPFx component as a tab; Teams fills in the {placeholders}. */
function personalTabUrl(id: string): string {
  return `https://{teamSiteDomain}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest=/_layouts/15/teamshostedapp.aspx%3Fteams%26personal%26componentId=${id}%26forceLocale={locale}`;
}

function channelTabConfigurationUrl(id: string): string {
  return `https://{teamSiteDomain}{teamSitePath}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest={teamSitePath}/_layouts/15/teamshostedapp.aspx%3FopenPropertyPane=true%26teams%26componentId=${id}%26forceLocale={locale}`;
}

function text(value: Localized, language: string): string {
  return value[language] ?? value.default;
}

/** The app's full name in the Teams store says which suite it belongs to: 14 apps sit side by side there. */
function fullName(title: Localized, language: string): string {
  return `PMO Hub: ${text(title, language)}`;
}

/** The accent colour per web part family; the icon's background is the same colour. */
export function accentColor(alias: string): string {
  if (/^(Community|Expert|Lessons)/.test(alias)) return '#5C2E91';
  if (/^Templates/.test(alias)) return '#8E562E';
  if (/^(ProjectRegister|StatusReports|Risks)/.test(alias)) return '#0F6CBD';
  return '#0B6A6B';
}

export function teamsApps(): TeamsApp[] {
  const solution = readJsonc<{ solution: { developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string; mpnId?: string } } }>(
    path.join(ROOT, 'config', 'package-solution.json')).solution;
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const { name, websiteUrl, privacyUrl, termsOfUseUrl, mpnId } = solution.developer;
  return webPartManifests()
    .filter((w) => w.supportedHosts.some((h) => h === 'TeamsTab' || h === 'TeamsPersonalApp'))
    .map((w) => {
      const channel = w.supportedHosts.includes('TeamsTab');
      const personal = w.supportedHosts.includes('TeamsPersonalApp');
      const colorIcon = `${w.id}_color.png`;
      const outlineIcon = `${w.id}_outline.png`;
      const manifest: Record<string, unknown> = {
        $schema: TEAMS_SCHEMA_URL,
        manifestVersion: TEAMS_MANIFEST_VERSION,
        id: w.id,
        version: pkg.version,
        developer: { name, websiteUrl, privacyUrl, termsOfUseUrl, ...(mpnId ? { mpnId } : {}) },
        name: { short: text(w.title, DEFAULT_LANGUAGE), full: fullName(w.title, DEFAULT_LANGUAGE) },
        description: { short: text(w.description, DEFAULT_LANGUAGE), full: text(w.description, DEFAULT_LANGUAGE) },
        icons: { color: colorIcon, outline: outlineIcon },
        accentColor: accentColor(w.alias),
        ...(channel ? { configurableTabs: [{ configurationUrl: channelTabConfigurationUrl(w.id), canUpdateConfiguration: true, scopes: ['team', 'groupChat'] }] } : {}),
        ...(personal ? { staticTabs: [{ entityId: w.id, name: text(w.title, DEFAULT_LANGUAGE), contentUrl: personalTabUrl(w.id), scopes: ['personal'] }] } : {}),
        validDomains: ['*.login.microsoftonline.com', '*.sharepoint.com', 'spoprod-a.akamaihd.net', 'resourceseng.blob.core.windows.net'],
        webApplicationInfo: { resource: 'https://{teamSiteDomain}', id: SHAREPOINT_ONLINE_APP_ID },
        localizationInfo: {
          defaultLanguageTag: DEFAULT_LANGUAGE,
          additionalLanguages: OTHER_LANGUAGES.map((l) => ({ languageTag: l, file: `${l}.json` }))
        }
      };
      const localizations: TeamsApp['localizations'] = {};
      for (const l of OTHER_LANGUAGES) {
        localizations[`${l}.json`] = {
          $schema: TEAMS_LOCALIZATION_SCHEMA_URL,
          'name.short': text(w.title, l),
          'name.full': fullName(w.title, l),
          'description.short': text(w.description, l),
          'description.full': text(w.description, l),
          ...(personal ? { 'staticTabs[0].name': text(w.title, l) } : {})
        };
      }
      return { alias: w.alias, id: w.id, manifest, localizations, colorIcon, outlineIcon };
    });
}
