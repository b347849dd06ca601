// The schema as SharePoint site scripts, for tenants that prefer site templates
// (Add-SPOSiteScript / Add-SPOSiteDesign) to the `pmo-hub provision` command.
//
// Site scripts can express less than the provisioning command, so a site built from
// them still needs `pmo-hub provision` (which is idempotent) for:
// - groups and permissions: there is no verb to create a SharePoint group, break a
//   list's role inheritance or assign roles (`addPrincipalToSPGroup` only fills the
//   site's default groups), so PMO Owners/Members/Project Leaders and every list's
//   `roles`, `readSecurity` and `writeSecurity` are left out;
// - list versioning settings, and the label/required flag of the built-in Title field;
// - the hub's modern pages: site scripts have no verb for a page's sections or client-side web
//   parts, their properties or dynamic-data connections, so `provision` creates them through the
//   pages API (and keeps the PMO profile, which decides them, in PMO Hub Settings);
// - indexes are only requested through `Indexed="TRUE"` in the field XML, which SharePoint
//   is believed but not documented to honour.
//
// Lists are created under the leaf of their URL (`PMOProjects`), not their title: the
// title would give them a different URL than the provisioning command does, and renaming
// afterwards (`setTitle`) stops the script from updating the list when re-applied.
//
// The scripts exceed the 30-action limit of synchronous application, so apply them
// asynchronously (the UI, or Add-SPOSiteDesignTask), in file-name order.
import {
  SCHEMA_VERSION,
  fieldXml,
  findList,
  lists,
  viewFieldNames,
  viewQueryXml
} from '../schema';
import type { FieldSchema, ListSchema } from '../schema';

export const SITE_SCRIPT_SCHEMA_URL: string =
  'https://developer.microsoft.com/json-schemas/sp/site-design-script-actions.schema.json';

/** Documented limits for asynchronously applied site scripts (site-design-overview.md). */
export const SITE_SCRIPT_LIMITS: SiteScriptLimits = { maxActions: 300, maxChars: 100000 };

export interface SiteScriptLimits {
  /** Actions including subactions. */
  maxActions: number;
  /** Characters of the script's JSON as written to disk (2-space indented). */
  maxChars: number;
}

export interface SiteScriptAction {
  verb: string;
  subactions?: SiteScriptAction[];
  [parameter: string]: unknown;
}

export interface SiteScript {
  $schema: string;
  actions: SiteScriptAction[];
}

export interface SiteScriptFile {
  fileName: string;
  script: SiteScript;
}

// Related lists travel together so a tenant can register them as one site design each;
// lookup targets sit in the same or an earlier group.
const SCRIPT_GROUPS: readonly { name: string; lists: readonly string[] }[] = [
  {
    name: 'portfolio',
    lists: ['strategicObjectives', 'keyResults', 'keyResultCheckIns', 'prioritisationCriteria', 'projects', 'projectPriorities', 'statusReports', 'risks', 'portfolioViews', 'sharedPortfolioViews',
      'benefits', 'benefitMeasurements']
  },
  { name: 'methods', lists: ['methodTemplates', 'templateDownloads'] },
  { name: 'community', lists: ['communityEvents', 'pmoExperts', 'sparringRequests', 'sparringAssignments', 'lessonsLearned', 'frontDoor'] },
  // The list only; its content (profile, page fingerprints) is written by `pmo-hub provision`.
  { name: 'settings', lists: ['hubSettings', 'hubSnapshots'] }
];

const SIMPLE_FIELD_TYPES: readonly string[] = ['Text', 'Note', 'Number', 'Boolean', 'User', 'DateTime'];

/** The name `createSPList` creates (and later finds) a list under: its URL leaf. */
export function siteScriptListName(list: ListSchema): string {
  const parts = list.url.split('/');
  return parts[parts.length - 1];
}

/**
 * `addSPField` cannot say MaxLength, Min/Max, DateOnly, defaults, indexes, plain-text
 * notes or people-only pickers, so it is used only where none of those is declared.
 */
function fitsAddSPField(field: FieldSchema): boolean {
  if (SIMPLE_FIELD_TYPES.indexOf(field.type) < 0 || field.indexed || field.unique) {
    return false;
  }
  switch (field.type) {
    case 'Text':
      return (field.maxLength === undefined || field.maxLength === 255) && field.defaultValue === undefined;
    case 'Number':
      return field.min === undefined && field.max === undefined && field.decimals === undefined && field.defaultValue === undefined;
    case 'Boolean':
      return field.defaultValue === undefined;
    default:
      return false;
  }
}

function fieldAction(field: FieldSchema): SiteScriptAction {
  if (field.type === 'Lookup' || field.type === 'LookupMulti') {
    const target = findList(field.lookupList);
    if (!target) {
      throw new Error(`Lookup '${field.key}' targets unknown list '${field.lookupList}'.`);
    }
    return {
      verb: 'addSPLookupFieldXml',
      schemaXml: fieldXml(field),
      targetListName: siteScriptListName(target),
      addToDefaultView: false
    };
  }
  if (fitsAddSPField(field)) {
    return {
      verb: 'addSPField',
      fieldType: field.type,
      displayName: field.displayName,
      internalName: field.internalName,
      id: field.id,
      isRequired: !!field.required,
      addToDefaultView: false
    };
  }
  return { verb: 'addSPFieldXml', schemaXml: fieldXml(field), addToDefaultView: false };
}

function listSubactions(list: ListSchema): SiteScriptAction[] {
  const subactions: SiteScriptAction[] = [{ verb: 'setDescription', description: list.description }];
  // Title exists on every list and cannot be reshaped by a site script.
  list.fields.filter((f) => !f.builtIn).forEach((f) => subactions.push(fieldAction(f)));
  list.views.forEach((view) =>
    subactions.push({
      verb: 'addSPView',
      name: view.title,
      viewFields: viewFieldNames(list, view),
      query: viewQueryXml(list, view),
      rowLimit: view.rowLimit,
      isPaged: view.paged,
      makeDefault: !!view.isDefault
    })
  );
  return subactions;
}

function createList(list: ListSchema, subactions: SiteScriptAction[]): SiteScriptAction {
  return { verb: 'createSPList', listName: siteScriptListName(list), templateType: list.template, subactions };
}

function envelope(actions: SiteScriptAction[]): SiteScript {
  return { $schema: SITE_SCRIPT_SCHEMA_URL, actions };
}

/** Actions including subactions, the way the site script limit counts them. */
export function countActions(script: SiteScript): number {
  let count = 0;
  for (const action of script.actions) {
    count += 1 + (action.subactions ? action.subactions.length : 0);
  }
  return count;
}

/** The script as written to disk; its length is what the character limit is checked against. */
export function serializeSiteScript(script: SiteScript): string {
  return JSON.stringify(script, undefined, 2);
}

function fits(actions: SiteScriptAction[], limits: SiteScriptLimits): boolean {
  const script = envelope(actions);
  return countActions(script) <= limits.maxActions && serializeSiteScript(script).length <= limits.maxChars;
}

/**
 * Packs one group's lists into as few scripts as the limits allow. A list too big for
 * the room left continues in the next script with another `createSPList` of the same
 * name, which SharePoint applies as an update; fields precede views, so views always
 * land after the fields they show.
 */
function pack(listsInGroup: readonly ListSchema[], limits: SiteScriptLimits): SiteScriptAction[][] {
  const scripts: SiteScriptAction[][] = [[]];
  const current = (): SiteScriptAction[] => scripts[scripts.length - 1];
  for (const list of listsInGroup) {
    let pending: SiteScriptAction[] = [];
    for (const sub of listSubactions(list)) {
      if (!fits(current().concat([createList(list, pending.concat([sub]))]), limits)) {
        if (pending.length > 0) {
          current().push(createList(list, pending));
          pending = [];
        }
        if (!fits(current().concat([createList(list, [sub])]), limits)) {
          if (!fits([createList(list, [sub])], limits)) {
            throw new Error(`A single action of list '${list.key}' exceeds the site script limits.`);
          }
          scripts.push([]);
        }
      }
      pending.push(sub);
    }
    current().push(createList(list, pending));
  }
  return scripts.filter((actions) => actions.length > 0);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The schema as site scripts, in the order they must be applied. Field IDs are the
 * schema's GUIDs, so re-applying a script updates rather than duplicates.
 */
export function exportSiteScripts(limits: SiteScriptLimits = SITE_SCRIPT_LIMITS): SiteScriptFile[] {
  const files: SiteScriptFile[] = [];
  for (const list of lists) {
    const homes = SCRIPT_GROUPS.filter((g) => g.lists.indexOf(list.key) >= 0).length;
    if (homes !== 1) {
      throw new Error(`List '${list.key}' must belong to exactly one site script group, not ${homes}.`);
    }
  }
  for (const group of SCRIPT_GROUPS) {
    const groupLists = lists.filter((l) => group.lists.indexOf(l.key) >= 0);
    const parts = pack(groupLists, limits);
    parts.forEach((actions, i) => {
      const suffix = parts.length > 1 ? `-${i + 1}` : '';
      files.push({
        fileName: `pmo-hub-v${SCHEMA_VERSION}-${pad2(files.length + 1)}-${group.name}${suffix}.json`,
        script: envelope(actions)
      });
    });
  }
  return files;
}
