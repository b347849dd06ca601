// The hub's pages are data that the local hub renders and provisioning will create on a
// tenant: their web part ids must be real manifests, their texts real strings.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { HUB_PAGES, PROJECT_REGISTER_ALIAS, PROJECT_REGISTER_MANIFEST_ID, hubPageOfPath, hubPagePath } from '../../../src/pages/hubPages';
import * as pages from '../../../src/pages/hubPages';
import { loadAmdFile } from '../loc/amd';
import { evaluateAmdStrings } from '../../../tools/hub/amdLocPlugin';

const ROOT = path.resolve(__dirname, '../../..');

/** Web part manifests are JSON with comments, as the SPFx build reads them. */
function readManifest(file: string): { id: string; alias: string } {
  const parsed = ts.parseConfigFileTextToJson(file, fs.readFileSync(file, 'utf8'));
  if (parsed.error) throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
  return parsed.config as { id: string; alias: string };
}

/** Every manifest under src/webparts, at any depth (portfolio and community web parts sit one folder deeper). */
function manifests(dir: string = path.join(ROOT, 'src', 'webparts')): Array<{ id: string; alias: string }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return manifests(full);
    return e.name.endsWith('.manifest.json') ? [readManifest(full)] : [];
  });
}

describe('hub pages', () => {
  it('name the project register by the id and alias of its manifest', () => {
    const m = readManifest(path.join(ROOT, 'src/webparts/projectRegister/ProjectRegisterWebPart.manifest.json'));
    expect(PROJECT_REGISTER_MANIFEST_ID).toBe(m.id);
    expect(PROJECT_REGISTER_ALIAS).toBe(m.alias);
  });

  it('name the community web parts by the ids and aliases of their manifests', () => {
    for (const [file, id, alias] of [
      ['events/CommunityEventsWebPart', pages.COMMUNITY_EVENTS_MANIFEST_ID, pages.COMMUNITY_EVENTS_ALIAS],
      ['experts/ExpertDirectoryWebPart', pages.EXPERT_DIRECTORY_MANIFEST_ID, pages.EXPERT_DIRECTORY_ALIAS],
      ['lessons/LessonsLearnedWebPart', pages.LESSONS_LEARNED_MANIFEST_ID, pages.LESSONS_LEARNED_ALIAS]
    ]) {
      const m = readManifest(path.join(ROOT, `src/webparts/community/${file}.manifest.json`));
      expect([file, id, alias]).toEqual([file, m.id, m.alias]);
    }
    expect(HUB_PAGES.find((p) => p.key === 'community')?.webParts.map((w) => w.alias)).toEqual(['CommunityEventsWebPart', 'ExpertDirectoryWebPart', 'LessonsLearnedWebPart', 'NewsWebPart']);
  });

  it('name the front door web parts by the ids and aliases of their manifests, first on Home', () => {
    for (const [file, id, alias] of [
      ['FrontDoorWebPart', pages.FRONT_DOOR_MANIFEST_ID, pages.FRONT_DOOR_ALIAS],
      ['NewsWebPart', pages.NEWS_MANIFEST_ID, pages.NEWS_ALIAS]
    ]) {
      const m = readManifest(path.join(ROOT, `src/webparts/frontDoor/${file}.manifest.json`));
      expect([file, id, alias]).toEqual([file, m.id, m.alias]);
    }
    expect(HUB_PAGES[0].webParts.map((w) => w.alias)).toEqual(['FrontDoorWebPart', 'NewsWebPart', 'ProjectRegisterWebPart']);
  });

  it('place only web parts that exist, under their manifest alias', () => {
    const known = new Map(manifests().map((m) => [m.id, m.alias]));
    for (const page of HUB_PAGES) {
      for (const wp of page.webParts) expect([page.key, wp.manifestId, known.get(wp.manifestId)]).toEqual([page.key, wp.manifestId, wp.alias]);
    }
  });

  it('are the six pages of the navigation, each with web parts', () => {
    expect(HUB_PAGES.map((p) => p.key)).toEqual(['home', 'projects', 'portfolio', 'strategy', 'templates', 'community']);
    for (const page of HUB_PAGES) expect(page.webParts.length).toBeGreaterThan(0);
    expect(new Set(HUB_PAGES.map((p) => p.fileName.toLowerCase())).size).toBe(HUB_PAGES.length);
    for (const page of HUB_PAGES) expect(page.fileName).toMatch(/^[A-Za-z0-9-]+\.aspx$/);
  });

  it('use only keys of the common strings, in every language', () => {
    for (const locale of ['en-us', 'sv-se', 'da-dk', 'nl-nl']) {
      const strings = loadAmdFile(path.join(ROOT, 'src/common/loc', `${locale}.js`)) as Record<string, string>;
      for (const page of HUB_PAGES) {
        for (const key of [page.titleKey, page.introKey].filter((k): k is keyof IPmoHubCommonStrings => !!k)) {
          expect([locale, key, typeof strings[key]]).toEqual([locale, key, 'string']);
        }
      }
    }
  });

  it('map SharePoint-like URLs to pages and back', () => {
    expect(hubPageOfPath('/sites/pmo', '/sites/pmo')?.key).toBe('home');
    expect(hubPageOfPath('/sites/pmo', '/sites/pmo/')?.key).toBe('home');
    expect(hubPageOfPath('/sites/pmo', '/sites/PMO/SitePages/Home.aspx')?.key).toBe('home');
    expect(hubPageOfPath('/sites/pmo', '/sites/pmo/sitepages/projects.aspx')?.key).toBe('projects');
    expect(hubPageOfPath('/sites/pmo', '/sites/pmo/SitePages/Nope.aspx')).toBeUndefined();
    expect(hubPageOfPath('/sites/pmo', '/sites/other/SitePages/Projects.aspx')).toBeUndefined();
    for (const page of HUB_PAGES) expect(hubPageOfPath('/sites/pmo', hubPagePath('/sites/pmo', page))).toBe(page);
    expect(hubPagePath('/sites/pmo/', HUB_PAGES[1])).toBe('/sites/pmo/SitePages/Projects.aspx');
  });
});

describe('the hub bundle\'s strings loader', () => {
  it('evaluates an SPFx strings file to its value, as the unit tests load it', () => {
    const file = path.join(ROOT, 'src/common/loc/sv-se.js');
    expect(evaluateAmdStrings(fs.readFileSync(file, 'utf8'), file)).toEqual(loadAmdFile(file));
  });

  it('rejects files that are not one dependency-free define()', () => {
    expect(() => evaluateAmdStrings('define(["dep"], function (d) { return {}; });', 'x.js')).toThrow(/dependencies/);
    expect(() => evaluateAmdStrings('var x = 1;', 'x.js')).toThrow(/exactly one define/);
    expect(() => evaluateAmdStrings('define({}); define({});', 'x.js')).toThrow(/exactly one define/);
    // A strings file runs without Node: no require, process or module.
    expect(() => evaluateAmdStrings('define([], function () { return { a: typeof require + typeof process }; });', 'x.js')).not.toThrow();
    expect(evaluateAmdStrings('define([], function () { return { a: typeof require + typeof process }; });', 'x.js')).toEqual({ a: 'undefinedundefined' });
  });
});
