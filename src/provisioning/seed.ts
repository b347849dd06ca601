import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users';
import '@pnp/sp/site-groups';
import '@pnp/sp/batching';
import { FILE_SYSTEM_OBJECT_TYPE, ITEM_PATH, getList, groups, internalName, MODERATION_STATUS, type FieldKey, type ListKey, type ListSchema } from '../schema';
import { toFormValues, toPayload } from '../services/mapping';
import { readAll } from '../services/listItems';
import { addedId, type FormResult } from '../services/projectFolders';
import { shareProjectFolders } from '../services/projectFolderSharing';
import { listServerUrl } from './plan';
import { applyItemPermissions, ensureNewsColumns } from './apply';
import { applyProjectModel, inBatches } from './projectModel';
import { SpSparringRequestService } from '../services/SparringRequestService';
import type { SparringStatus } from '../model/community';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/fields';
import { SpTemplateService } from '../services/TemplateService';
import { DEMO_TEMPLATES, demoFile, demoFileName, demoRevisionDates } from './templateFiles';
import '@pnp/sp/clientside-pages';
import { ClientsideText, PromotedState } from '@pnp/sp/clientside-pages';
import { SITE_PAGES, NEWS_LANGUAGE_FIELD, NEWS_PROMOTED_STATE } from '../schema';
import { DEMO_LANGUAGES, EVENT_TEXT, FRONT_DOOR_TEXT, NEWS_TEXT, languageOfLcid, tr, type DemoLanguage } from './demoTexts';

/**
 * Demo data: a believable Swedish/Danish/Dutch PMO, and a `large` scale for benchmarks.
 * Every dated record is placed relative to the day the seed runs, so the demo never ages:
 * meetings ahead and behind, a year of monthly reports, revisions overdue and due.
 * Every record has a natural key that holds no date, or only the period it stands for
 * (project code, report month per project, "Quarterly challenge meeting Q1 2027"…);
 * existing keys are read first, so running the seed again adds nothing twice.
 */
export type SeedScale = 'demo' | 'large';

export interface SeedOptions {
  /** Writes records as the person they belong to (sparring requests, downloads). */
  actAs?: (mail: string) => SPFI;
  /** The moment the seed runs (ms); tests pin it. Dates are placed from its UTC day. */
  now?: number;
  /**
   * The demo's language: the site's own (web `Language`) when omitted. `all` writes the PMO's
   * front door texts and news in all four languages; records a site keeps once (projects,
   * events, risks, lessons, bios) are written in the site's language.
   */
  language?: DemoLanguage | 'all';
}

export interface SeedResult {
  added: Record<string, number>;
}

/** The people of the demo tenant (the local SharePoint's directory). */
const PEOPLE = {
  astrid: 'astrid.lindqvist@contoso.com', mikkel: 'mikkel.sorensen@contoso.com', sanne: 'sanne.devries@contoso.com',
  erik: 'erik.johansson@contoso.com', lars: 'lars.nielsen@contoso.com', ingrid: 'ingrid.berg@contoso.com',
  pieter: 'pieter.jansen@contoso.com', karin: 'karin.holm@contoso.com', femke: 'femke.bakker@contoso.com',
  thomas: 'thomas.mortensen@contoso.com', anna: 'anna.andersson@contoso.com', johan: 'johan.ek@contoso.com'
} as const;
type Person = keyof typeof PEOPLE;

/** Deterministic, so two seeds of the same scale produce the same site. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const DAY = 86_400_000;
const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** Midnight UTC of the day `now` falls on. */
export function utcDay(now: number): number {
  return Math.floor(now / DAY) * DAY;
}

const PROJECTS: Array<[string, string, string, string, string, Person, Person, string, number]> = [
  // title, unit, programme, phase, method, leader, sponsor, description, budget (kSEK-equivalent thousands)
  ['Ny kundportal', 'Digital Services', 'Digital First', 'Execution', 'Agile', 'sanne', 'anna', 'One self-service portal for all customer errands, replacing three legacy sites.', 4200],
  ['Digital signering af kontrakter', 'Finance', 'Digital First', 'Planning', 'PRINCE2', 'lars', 'karin', 'Electronic signing of supplier and customer contracts with MitID and BankID.', 950],
  ['Vervanging HR-systeem', 'HR', 'Core Systems Renewal', 'Execution', 'PRINCE2', 'pieter', 'astrid', 'Replace the on-premises HR system with a cloud HR suite for all three countries.', 6800],
  ['Fjärrvärme i Uppsala-kontoret', 'Infrastructure', 'Green Transition', 'Closing', 'PMI', 'johan', 'anna', 'Move the Uppsala office to district heating and retire the oil boiler.', 1300],
  ['ERP upgrade 2026', 'Finance', 'Core Systems Renewal', 'Planning', 'PMI', 'ingrid', 'karin', 'Upgrade the ERP platform to the vendor-supported release before support ends.', 9100],
  ['Chatbot för kundtjänst', 'Customer Service', 'Digital First', 'Execution', 'Agile', 'sanne', 'anna', 'A chatbot answering the twenty most common customer questions around the clock.', 780],
  ['Solceller på lagret i Malmö', 'Infrastructure', 'Green Transition', 'Initiation', 'Lean', 'johan', 'astrid', 'Solar panels on the Malmö warehouse roof covering 40 % of its electricity.', 2100],
  ['Ledarskapsprogram 2026', 'HR', 'People & Culture', 'Execution', 'Internal', 'ingrid', 'astrid', 'A twelve-month programme for the 60 new team leaders.', 640],
  ['Datavarehus i skyen', 'IT', 'Core Systems Renewal', 'Execution', 'Agile', 'lars', 'anna', 'Move the data warehouse to a cloud platform and retire the nightly batch.', 3900],
  ['Nieuwe intranetomgeving', 'IT', 'Digital First', 'Closed', 'Agile', 'pieter', 'anna', 'A SharePoint intranet for all staff, with news, pages and the PMO hub.', 1150],
  ['Testautomatisering', 'IT', 'Core Systems Renewal', 'Execution', 'Agile', 'femke', 'anna', 'Automate the regression tests of the customer systems.', 720],
  ['Elbilar i tjänstebilsparken', 'Operations', 'Green Transition', 'Execution', 'Lean', 'johan', 'karin', 'Replace 120 company cars with electric cars and install chargers at all sites.', 5600],
  ['Fakturering via Peppol', 'Finance', 'Digital First', 'Closing', 'PRINCE2', 'lars', 'karin', 'Send and receive all invoices through the Peppol network.', 430],
  ['Medarbetarundersökning', 'HR', 'People & Culture', 'Idea', 'Internal', 'ingrid', 'astrid', 'A yearly employee survey with results per team.', 150],
  ['Cybersikkerhedsprogram', 'IT', 'Core Systems Renewal', 'Execution', 'PMI', 'lars', 'anna', 'Raise our security maturity: MFA everywhere, EDR, and incident response drills.', 4800],
  ['Klantreis in kaart', 'Customer Service', 'Digital First', 'Initiation', 'Lean', 'pieter', 'anna', 'Map the customer journey across channels and remove the five worst frictions.', 360],
  ['Nytt lagerstyrningssystem', 'Operations', 'Core Systems Renewal', 'Planning', 'PRINCE2', 'johan', 'karin', 'A warehouse management system with scanners and automatic replenishment.', 3300],
  ['Onboarding digitaal', 'HR', 'People & Culture', 'Execution', 'Agile', 'femke', 'astrid', 'A digital onboarding journey from signed contract to first month.', 290],
  ['Energieffektiv serverhall', 'Infrastructure', 'Green Transition', 'Planning', 'PMI', 'lars', 'anna', 'Consolidate two server rooms into one with free cooling.', 2700],
  ['Mobilapp för fältservice', 'Operations', 'Digital First', 'Execution', 'Agile', 'sanne', 'karin', 'A mobile app for field technicians: work orders, parts and photos.', 1650],
  ['GDPR-opschoning', 'IT', 'Core Systems Renewal', 'Closing', 'Internal', 'femke', 'astrid', 'Find and delete personal data kept beyond its retention period.', 410],
  ['Budgetprocess i ett verktyg', 'Finance', 'Core Systems Renewal', 'Initiation', 'Lean', 'ingrid', 'karin', 'One planning tool for the yearly budget instead of 40 spreadsheets.', 520],
  ['Kontorsflytt Köpenhamn', 'Operations', '', 'Execution', 'PMI', 'lars', 'astrid', 'Move the Copenhagen office to an activity-based workplace.', 3100],
  ['Kundnöjdhetsmätning', 'Customer Service', 'Digital First', 'Idea', 'Internal', 'sanne', 'anna', 'Measure customer satisfaction after every closed errand.', 120],
  ['Competentiematrix', 'HR', 'People & Culture', 'Planning', 'Agile', 'pieter', 'astrid', 'A skills matrix so staffing of projects starts from competencies.', 240],
  ['Återbruk av IT-utrustning', 'IT', 'Green Transition', 'Execution', 'Lean', 'johan', 'anna', 'Refurbish and reuse laptops and phones instead of buying new.', 180],
  ['API-plattform', 'IT', 'Digital First', 'Execution', 'Agile', 'femke', 'anna', 'An API gateway so partners integrate without custom file transfers.', 2200],
  ['Inköpsprocess 2.0', 'Finance', '', 'Closed', 'PRINCE2', 'ingrid', 'karin', 'A purchase-to-pay process with approval in the ERP.', 670],
  ['Grøn rejsepolitik', 'Operations', 'Green Transition', 'Idea', 'Internal', 'lars', 'astrid', 'Train before plane under 600 km, and climate reporting of travel.', 60],
  ['Kennisbank klantenservice', 'Customer Service', 'Digital First', 'Planning', 'Agile', 'pieter', 'anna', 'One knowledge base for customer service agents and the chatbot.', 450]
];

const STATUS_TEXT: Record<string, [string, string]> = {
  Green: ['On track: milestones of the period met.', 'Continue with the plan; prepare the next steering group.'],
  Amber: ['Some delays; the team is working on a recovery plan.', 'Agree the recovery plan with the sponsor at the next steering group.'],
  Red: ['Critical: the end date or budget will not hold without a decision.', 'Escalate to the steering group and present options.']
};

interface Ctx {
  sp: SPFI;
  webPath: string;
  log: (line: string) => void;
  added: Record<string, number>;
  users: Map<Person, number>;
  /** Midnight UTC of the day the seed runs: every demo date is placed from it. */
  today: number;
  /** The language of the records the site keeps once. */
  lang: DemoLanguage;
  /** The languages the front door texts and news are written in. */
  languages: readonly DemoLanguage[];
}

export async function seed(sp: SPFI, scale: SeedScale, log: (line: string) => void = () => undefined,
  options: SeedOptions = {}): Promise<SeedResult> {
  const web = await sp.web.select('ServerRelativeUrl', 'Language')<{ ServerRelativeUrl: string; Language: number }>();
  const siteLanguage = languageOfLcid(web.Language);
  const lang = options.language && options.language !== 'all' ? options.language : siteLanguage;
  const ctx: Ctx = {
    sp, webPath: web.ServerRelativeUrl, log, added: {}, users: new Map(), today: utcDay(options.now ?? Date.now()),
    lang, languages: options.language === 'all' ? DEMO_LANGUAGES : [lang]
  };
  await ensureUsers(ctx);
  const objectives = await seedObjectives(ctx);
  const criteria = await seedCriteria(ctx);
  const projects = await seedProjects(ctx, objectives, criteria);
  await seedStatusAndRisks(ctx, projects);
  await seedBenefits(ctx, projects, objectives);
  await seedCommunity(ctx, projects, options.actAs);
  await seedTemplates(ctx, options.actAs);
  await seedFrontDoor(ctx);
  await seedNews(ctx);
  if (scale === 'large') await seedLarge(ctx, criteria);
  // Bulk adds bypass the PMO's save, which gives each project's leader their project and its folders.
  await applyItemPermissions(sp);
  await applyProjectModel(sp, ctx.webPath);
  return { added: ctx.added };
}

function list(ctx: Ctx, key: ListKey): ReturnType<SPFI['web']['getList']> {
  return ctx.sp.web.getList(listServerUrl(ctx.webPath, getList(key) as ListSchema));
}

/** Reads every item's natural key, paging by ID: safe on lists of any size. */
async function existingKeys(ctx: Ctx, key: ListKey, select: string[], keyOf: (raw: Record<string, unknown>) => string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for await (const page of list(ctx, key).items.select('Id', ...select).top(5000)) {
    for (const raw of page as Array<Record<string, unknown>>) out.set(keyOf(raw), raw.Id as number);
  }
  return out;
}

/** Adds items in $batch requests of 100 operations; returns the new ids in order. */
async function addAll(ctx: Ctx, key: ListKey, payloads: Array<Record<string, unknown>>, label: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < payloads.length; i += 1000) {
    const [batched, execute] = ctx.sp.batched({ maxRequests: 100 });
    const target = batched.web.getList(listServerUrl(ctx.webPath, getList(key) as ListSchema));
    const pending = Promise.all(payloads.slice(i, i + 1000).map((p) => target.items.add(p) as Promise<{ Id?: number; ID?: number }>));
    await execute();
    for (const r of await pending) ids.push((r.Id ?? r.ID) as number);
    if (payloads.length > 1000) ctx.log(`  ${label}: ${Math.min(i + 1000, payloads.length)}/${payloads.length}`);
  }
  if (payloads.length) ctx.added[label] = (ctx.added[label] ?? 0) + payloads.length;
  return ids;
}

/** Published reports are approved where content approval is on, as publishing does. */
const approve = [{ FieldName: MODERATION_STATUS.internalName, FieldValue: String(MODERATION_STATUS.approved) }];

/**
 * Adds each item (values with a `project` id) in its project's folder where the site has them
 * (schema 8: AddValidateUpdateItemUsingPath, checked against the folder as a leader's add is),
 * else at the list's root; $batch requests of 100 operations.
 */
async function addAllForProjects(ctx: Ctx, key: ListKey, values: Array<Record<string, unknown>>, label: string,
  extra: Array<{ FieldName: string; FieldValue: string }>): Promise<void> {
  const schema = getList(key) as ListSchema;
  const root = listServerUrl(ctx.webPath, schema);
  const folders = new Set<number>();
  if (schema.projectFolders) {
    for (const r of await readAll(list(ctx, key).items.select(ITEM_PATH.url, ITEM_PATH.folder, FILE_SYSTEM_OBJECT_TYPE.property))) {
      if (r[FILE_SYSTEM_OBJECT_TYPE.property] === FILE_SYSTEM_OBJECT_TYPE.folder && String(r[ITEM_PATH.folder]).toLowerCase() === root.toLowerCase()) {
        folders.add(Number(String(r[ITEM_PATH.url]).split('/').pop()));
      }
    }
  }
  const atRoot = values.filter((v) => !folders.has(v.project as number));
  if (atRoot.length) {
    const approval = extra.length ? { [MODERATION_STATUS.property]: MODERATION_STATUS.approved } : {};
    await addAll(ctx, key, atRoot.map((v) => ({ ...toPayload(key, v), ...approval })), label);
  }
  const inFolders = values.filter((v) => folders.has(v.project as number));
  for (let i = 0; i < inFolders.length; i += 1000) {
    const [batched, execute] = ctx.sp.batched({ maxRequests: 100 });
    const target = batched.web.getList(root);
    const pending = Promise.all(inFolders.slice(i, i + 1000).map((v) => (target.addValidateUpdateItemUsingPath(
      [...toFormValues(key, v), ...extra], `${root}/${v.project as number}`) as Promise<FormResult[]>).then(addedId)));
    await execute();
    await pending;
    if (inFolders.length > 1000) ctx.log(`  ${label}: ${Math.min(i + 1000, inFolders.length)}/${inFolders.length}`);
  }
  if (inFolders.length) ctx.added[label] = (ctx.added[label] ?? 0) + inFolders.length;
}

async function ensureUsers(ctx: Ctx): Promise<void> {
  for (const [alias, mail] of Object.entries(PEOPLE) as Array<[Person, string]>) {
    try {
      const u = await ctx.sp.web.ensureUser(mail) as unknown as { Id: number };
      ctx.users.set(alias, u.Id);
    } catch {
      ctx.log(`  ${mail} is not in this tenant; person columns will stay empty for them.`);
    }
  }
  // Demo roles: the PMO groups get their demo members (only where the group and person exist).
  const membership: Array<[string, Person[]]> = [
    ['pmoOwners', ['astrid']], ['pmoMembers', ['mikkel']], ['projectLeaders', ['sanne', 'lars', 'ingrid', 'pieter', 'femke', 'johan']]
  ];
  for (const [key, people] of membership) {
    const g = groups.find((x) => x.key === key);
    if (!g) continue;
    try {
      const users = ctx.sp.web.siteGroups.getByName(g.title).users;
      const existing = new Set((await users.select('Email')<Array<{ Email: string }>>()).map((u) => u.Email.toLowerCase()));
      for (const p of people) {
        if (ctx.users.has(p) && !existing.has(PEOPLE[p])) {
          await users.add(`i:0#.f|membership|${PEOPLE[p]}`);
          ctx.added.groupMembers = (ctx.added.groupMembers ?? 0) + 1;
        }
      }
    } catch {
      ctx.log(`  group '${g.title}' not found; run pmo-hub provision first.`);
    }
  }
}

/** A site provisioned with an older schema lacks the newer lists; provisioning fills them in when it upgrades. */
async function hasList(ctx: Ctx, key: ListKey): Promise<boolean> {
  try {
    await list(ctx, key).select('Id')();
    return true;
  } catch {
    return false;
  }
}

/** A site provisioned with an older schema lacks the newer columns. */
async function hasField<K extends ListKey>(ctx: Ctx, key: K, field: FieldKey<K>): Promise<boolean> {
  const found = await list(ctx, key).fields.filter(`InternalName eq '${internalName(key, field)}'`).select('InternalName')<unknown[]>();
  return found.length > 0;
}

function user(ctx: Ctx, p: Person): { id: number } | undefined {
  const id = ctx.users.get(p);
  return id === undefined ? undefined : { id };
}

async function seedObjectives(ctx: Ctx): Promise<Map<string, number>> {
  const title = internalName('strategicObjectives', 'title');
  const existing = await existingKeys(ctx, 'strategicObjectives', [title], (r) => String(r[title]));
  const objectives: Array<[string, string, Person]> = [
    ['Digital first customer service', 'Customers can do every errand online, any time.', 'anna'],
    ['Net-zero operations by 2030', 'Halve our own emissions by 2027 and reach net zero by 2030.', 'astrid'],
    ['Modern core systems', 'Every business-critical system on a supported, cloud-ready platform.', 'anna'],
    ['An attractive workplace', 'Be the employer our people recommend.', 'astrid'],
    ['Data-driven decisions', 'Decisions in management teams rest on shared, timely data.', 'karin']
  ];
  const fresh = objectives.filter(([t]) => !existing.has(t));
  const year = new Date(ctx.today).getUTCFullYear();
  const ids = await addAll(ctx, 'strategicObjectives', fresh.map(([t, d, o]) => toPayload('strategicObjectives', { title: t, description: d, owner: user(ctx, o), period: String(year) })), 'strategic objectives');
  fresh.forEach(([t], i) => existing.set(t, ids[i]));

  const krTitle = internalName('keyResults', 'title');
  const krExisting = await existingKeys(ctx, 'keyResults', [krTitle], (r) => String(r[krTitle]));
  const krs: Array<[string, string, string, number, number, number, string]> = [
    ['Share of errands done online', 'Digital first customer service', 'Online errands / all errands', 41, 75, 58, '%'],
    ['Customer satisfaction (CSAT)', 'Digital first customer service', 'Average CSAT after closed errand', 3.6, 4.3, 3.9, 'score'],
    ['CO₂e from own operations', 'Net-zero operations by 2030', 'Scope 1+2 emissions', 2100, 1050, 1620, 't'],
    ['Electric share of company cars', 'Net-zero operations by 2030', 'Electric cars / all company cars', 18, 80, 46, '%'],
    ['Systems on supported versions', 'Modern core systems', 'Supported / business-critical systems', 62, 100, 78, '%'],
    ['Employee Net Promoter Score', 'An attractive workplace', 'eNPS in the yearly survey', 8, 25, 14, 'eNPS'],
    ['Management reports from the data platform', 'Data-driven decisions', 'Reports on the shared platform', 3, 20, 9, 'reports']
  ];
  const krFresh = krs.filter(([t]) => !krExisting.has(t));
  const krIds = await addAll(ctx, 'keyResults', krFresh.map(([t, obj, metric, baseline, target, current, unit]) => toPayload('keyResults', {
    title: t, objective: existing.get(obj), metric, baseline, target, current, unit, due: `${year}-12-31`
  })), 'key results');
  // A history for each new key result: four check-ins over the last eight months, from near
  // its start to its current value, so the quarterly roll-up has something to show.
  if (krIds.length && await hasList(ctx, 'keyResultCheckIns')) {
    const steps: Array<[number, number, number, string]> = [
      [240, 0.25, 55, 'First measurement after the kick-off.'],
      [150, 0.5, 60, 'Steady progress; one supplier late.'],
      [60, 0.8, 65, 'Ahead of plan this quarter.'],
      [10, 1, 70, 'Latest figure from the monthly report.']
    ];
    const day = (ago: number): string => new Date(ctx.today - ago * 86_400_000).toISOString().slice(0, 10);
    await addAll(ctx, 'keyResultCheckIns', krFresh.flatMap(([, , , baseline, , current], i) => steps.map(([ago, share, confidence, comment]) => toPayload('keyResultCheckIns', {
      keyResult: { id: krIds[i] }, checkInDate: day(ago), value: Math.round((baseline + (current - baseline) * share) * 10) / 10, confidence, comment
    }))), 'key result check-ins');
    // The key results' confidence column came with the check-ins (schema 7): the latest check-in's.
    for (const id of krIds) await list(ctx, 'keyResults').items.getById(id).update(toPayload('keyResults', { confidence: steps[steps.length - 1][2] }));
  }
  return existing;
}

/** Criterion title → item ID, for the projects' scores. */
async function seedCriteria(ctx: Ctx): Promise<Map<string, number>> {
  const title = internalName('prioritisationCriteria', 'title');
  const existing = await existingKeys(ctx, 'prioritisationCriteria', [title], (r) => String(r[title]));
  const criteria: Array<[string, number, string]> = [
    ['Strategic alignment', 35, 'How strongly the project moves a strategic objective.'],
    ['Business value', 30, 'Expected benefits: revenue, savings, customer value.'],
    ['Risk', 15, 'Delivery risk (5 = low risk).'],
    ['Effort', 20, 'Cost and people needed (5 = small effort).']
  ];
  const fresh = criteria.filter(([t]) => !existing.has(t));
  // Titles stay as they are: the Prioritisation web part's ease criteria name them ('Effort, Risk').
  const ids = await addAll(ctx, 'prioritisationCriteria', fresh.map(([t, w, d]) => toPayload('prioritisationCriteria', { title: t, weight: w, scale: 5, description: tr(ctx.lang, d), active: true })), 'prioritisation criteria');
  fresh.forEach(([t], i) => existing.set(t, ids[i]));
  return existing;
}

/**
 * Scores 1–5 on each seeded criterion (from its own random sequence, so the project seed's
 * dates stay as they were) and the priority score they give with the seeded weights; some
 * projects stay unscored, as ideas often are.
 */
function seedScores(criteria: Map<string, number>, rand: () => number): { criteriaScores: Record<string, number>; priorityScore?: number } {
  if (rand() < 0.15) return { criteriaScores: {} };
  const weights: Record<string, number> = { 'Strategic alignment': 35, 'Business value': 30, Risk: 15, Effort: 20 };
  const criteriaScores: Record<string, number> = {};
  let total = 0;
  let weight = 0;
  for (const [title, id] of criteria) {
    const score = 1 + Math.floor(rand() * 5);
    criteriaScores[String(id)] = score;
    if (weights[title] !== undefined) { total += (weights[title] * score) / 5; weight += weights[title]; }
  }
  return { criteriaScores, priorityScore: weight > 0 ? Math.round((total / weight) * 10000) / 100 : undefined };
}

type SeedScores = ReturnType<typeof seedScores>;

/**
 * The PMO's scores of newly added projects: items of Project Priorities (schema 9); on a site of an
 * older schema (seeded before an upgrade test) the project columns that held them then, which the
 * upgrade copies over.
 */
async function seedPriorities(ctx: Ctx, added: Array<{ project: number; code: string; scores: SeedScores }>, label: string): Promise<void> {
  const rows = added.filter((r) => Object.keys(r.scores.criteriaScores).length > 0);
  if (!rows.length) return;
  if (await hasList(ctx, 'projectPriorities')) {
    await addAll(ctx, 'projectPriorities', rows.map((r) => toPayload('projectPriorities', { title: r.code, project: r.project, ...r.scores })), label);
    return;
  }
  const scores = internalName('projects', 'criteriaScores');
  const total = internalName('projects', 'priorityScore');
  await inBatches(ctx.sp, rows, (b, r) => b.web.getList(listServerUrl(ctx.webPath, getList('projects') as ListSchema)).items.getById(r.project)
    .update({ [scores]: JSON.stringify(r.scores.criteriaScores), [total]: r.scores.priorityScore ?? null }));
}

interface SeededProject { id: number; code: string; phase: string; start: number; end: number; leader: Person }

async function seedProjects(ctx: Ctx, objectives: Map<string, number>, criteria: Map<string, number>): Promise<SeededProject[]> {
  const codeName = internalName('projects', 'code');
  const existing = await existingKeys(ctx, 'projects', [codeName], (r) => String(r[codeName]));
  const rand = rng(2026);
  const now = ctx.today;
  const objectiveByProgramme: Record<string, string[]> = {
    'Digital First': ['Digital first customer service', 'Data-driven decisions'], 'Green Transition': ['Net-zero operations by 2030'],
    'Core Systems Renewal': ['Modern core systems'], 'People & Culture': ['An attractive workplace']
  };
  const phaseOffset: Record<string, [number, number]> = {
    Idea: [30, 400], Initiation: [-20, 420], Planning: [-90, 360], Execution: [-300, 240], Closing: [-420, 20], Closed: [-500, -60]
  };
  const all: SeededProject[] = [];
  const fresh: Array<Record<string, unknown>> = [];
  const freshMeta: SeededProject[] = [];
  const freshScores: SeedScores[] = [];
  const scoreRand = rng(31);
  PROJECTS.forEach(([title, unit, programme, phase, method, leader, sponsor, description, budget], i) => {
    const code = `PMO-${String(2024 + (i % 3))}-${String(i + 1).padStart(3, '0')}`;
    const [s, e] = phaseOffset[phase];
    const start = now + (s + Math.round(rand() * 40)) * DAY;
    const end = now + (e + Math.round(rand() * 60)) * DAY;
    const meta = { id: existing.get(code) ?? 0, code, phase, start, end, leader };
    // Draw every random number before deciding to skip, so a re-run sees the same dates.
    const spent = phase === 'Idea' ? 0 : Math.min(1.1, Math.max(0, (now - start) / (end - start)));
    const actual = Math.round(budget * 1000 * spent * (0.85 + rand() * 0.3));
    const forecast = Math.round(budget * 1000 * (0.95 + rand() * 0.2));
    void rand(); // was the priority score; drawn still, so the dates after it stay the same
    const scores = seedScores(criteria, scoreRand);
    if (existing.has(code)) { all.push(meta); return; }
    fresh.push(toPayload('projects', {
      code, title, description: tr(ctx.lang, description), leader: user(ctx, leader), sponsor: user(ctx, sponsor), unit: tr(ctx.lang, unit), programme: programme || undefined, phase, method,
      startDate: isoDate(start), endDate: isoDate(end), budget: budget * 1000, actualCost: actual,
      forecastCost: forecast,
      strategicObjectives: (objectiveByProgramme[programme] ?? []).map((o) => objectives.get(o)).filter((x): x is number => x !== undefined),
      siteUrl: { url: `https://contoso.sharepoint.com/sites/${code.toLowerCase()}`, description: title }
    }));
    freshMeta.push(meta);
    freshScores.push(scores);
  });
  const ids = await addAll(ctx, 'projects', fresh, 'projects');
  freshMeta.forEach((m, i) => { m.id = ids[i]; all.push(m); });
  await seedPriorities(ctx, freshMeta.map((m, i) => ({ project: m.id, code: m.code, scores: freshScores[i] })), 'project priorities');
  return all;
}

/**
 * Benefits of seven demo projects (schema 10), with owners from the business (the CFO, the CIO,
 * the head of PMO, a business analyst who is only a visitor of the site), dated measurements from
 * the seed's `now` and, per project, the folders shared with its leader and its benefit owners.
 * Natural key: project and title.
 */
const BENEFITS: Array<{
  project: number; title: string; description: string; objective?: string; owner: Person; category: string; unit: string;
  baseline: number; target: number; status: string; targetDays: number; reached: number[]; lastAgo: number;
}> = [
  { project: 0, title: 'Fewer calls to customer service', description: 'Errands done in the portal instead of by phone.', objective: 'Digital first customer service',
    owner: 'anna', category: 'Efficiency', unit: 'calls/month', baseline: 12000, target: 7000, status: 'OnTrack', targetDays: 300, reached: [0.2, 0.45, 0.6], lastAgo: 20 },
  { project: 0, title: 'Lower cost of customer service', description: 'Fewer agent hours per errand once the portal is in use.', objective: 'Digital first customer service',
    owner: 'karin', category: 'Financial', unit: 'SEK', baseline: 0, target: 1250000, status: 'Planned', targetDays: 420, reached: [], lastAgo: 0 },
  { project: 3, title: 'Lower CO₂e from heating', description: 'District heating instead of the oil boiler.', objective: 'Net-zero operations by 2030',
    owner: 'astrid', category: 'Strategic', unit: 't CO₂e', baseline: 85, target: 10, status: 'OnTrack', targetDays: 200, reached: [0.3, 0.7, 0.85], lastAgo: 25 },
  { project: 3, title: 'Lower heating cost', description: 'No oil deliveries and no boiler service.', owner: 'karin', category: 'Financial', unit: 'SEK',
    baseline: 0, target: 240000, status: 'Planned', targetDays: 330, reached: [], lastAgo: 0 },
  { project: 5, title: 'Questions answered without an agent', description: 'Share of chats the bot closes on its own.', objective: 'Digital first customer service',
    owner: 'erik', category: 'Customer', unit: '%', baseline: 0, target: 35, status: 'AtRisk', targetDays: 150, reached: [0.15, 0.3], lastAgo: 130 },
  { project: 9, title: 'Hours saved searching for information', description: 'Staff find documents and news in one place.', owner: 'astrid', category: 'Efficiency',
    unit: 'hours/month', baseline: 0, target: 900, status: 'Realised', targetDays: -30, reached: [0.4, 0.8, 1.05], lastAgo: 40 },
  { project: 11, title: 'Fuel cost saved', description: 'Electricity instead of diesel for 120 company cars.', objective: 'Net-zero operations by 2030',
    owner: 'karin', category: 'Financial', unit: 'SEK', baseline: 0, target: 1800000, status: 'OnTrack', targetDays: 500, reached: [0.1, 0.25, 0.4], lastAgo: 15 },
  { project: 12, title: 'Invoices handled without manual keying', description: 'Peppol invoices go straight into the ERP.', owner: 'karin', category: 'Efficiency',
    unit: '%', baseline: 20, target: 90, status: 'OnTrack', targetDays: 120, reached: [0.3, 0.6, 0.75], lastAgo: 30 },
  { project: 12, title: 'Lower invoice handling cost', description: 'Less scanning and fewer payment reminders.', owner: 'erik', category: 'Financial', unit: 'SEK',
    baseline: 0, target: 400000, status: 'Planned', targetDays: 240, reached: [], lastAgo: 0 }
];
const MEASUREMENT_COMMENTS = ['First measurement after go-live.', 'Steady improvement.', 'Latest figure from the monthly report.'];

async function seedBenefits(ctx: Ctx, projects: SeededProject[], objectives: Map<string, number>): Promise<void> {
  if (!await hasList(ctx, 'benefits') || !await hasList(ctx, 'benefitMeasurements')) return;
  const projectField = `${internalName('benefits', 'project')}Id`;
  const titleField = internalName('benefits', 'title');
  const keyOf = (r: Record<string, unknown>): string => `${String(r[projectField])}|${String(r[titleField])}`;
  const existing = await existingKeys(ctx, 'benefits', [projectField, titleField], keyOf);
  const day = (offset: number): string => isoDate(ctx.today + offset * DAY);
  const rows = BENEFITS.filter((b) => projects[b.project]?.id !== undefined).map((b) => {
    const p = projects[b.project];
    const last = b.reached.length ? b.baseline + (b.target - b.baseline) * b.reached[b.reached.length - 1] : undefined;
    const round = (v: number): number => Math.round(v * 100) / 100;
    return {
      b, p,
      values: {
        title: tr(ctx.lang, b.title), description: tr(ctx.lang, b.description), project: p.id,
        objective: b.objective ? objectives.get(b.objective) : undefined,
        // Form values name people by e-mail (toFormValues).
        owner: ctx.users.has(b.owner) ? { id: ctx.users.get(b.owner), email: PEOPLE[b.owner] } : undefined, category: b.category, unit: tr(ctx.lang, b.unit),
        baseline: b.baseline, target: b.target, actual: last === undefined ? undefined : round(last),
        baselineDate: day(-300), targetDate: day(b.targetDays), lastMeasured: b.reached.length ? day(-b.lastAgo) : undefined, status: b.status
      } as Record<string, unknown>
    };
  });
  const fresh = rows.filter((r) => !existing.has(`${r.p.id}|${String(r.values.title)}`));
  if (!fresh.length) return;
  await addAllForProjects(ctx, 'benefits', fresh.map((r) => r.values), 'benefits', []);
  const ids = await existingKeys(ctx, 'benefits', [projectField, titleField], keyOf);
  const measurements: Array<Record<string, unknown>> = [];
  for (const r of fresh) {
    const id = ids.get(`${r.p.id}|${String(r.values.title)}`);
    if (id === undefined) continue;
    // Spread back from the last measurement, a quarter or so apart.
    r.b.reached.forEach((share, i) => {
      const ago = r.b.lastAgo + (r.b.reached.length - 1 - i) * 110;
      measurements.push({
        title: `${String(r.values.title)} ${day(-ago)}`, benefit: id, project: r.p.id, measuredOn: day(-ago), value: Math.round((r.b.baseline + (r.b.target - r.b.baseline) * share) * 100) / 100,
        comment: tr(ctx.lang, MEASUREMENT_COMMENTS[Math.min(i + MEASUREMENT_COMMENTS.length - r.b.reached.length, MEASUREMENT_COMMENTS.length - 1)])
      });
    });
  }
  await addAllForProjects(ctx, 'benefitMeasurements', measurements, 'benefit measurements', []);
  // Bulk adds bypass the PMO's benefit save: give each project's folders its leader and benefit owners.
  for (const p of new Set(fresh.map((r) => r.p))) {
    await shareProjectFolders(ctx.sp, ctx.webPath, p.id, ctx.users.get(p.leader), ['benefits', 'benefitMeasurements']);
  }
}

async function seedStatusAndRisks(ctx: Ctx, projects: SeededProject[]): Promise<void> {
  const projectField = internalName('statusReports', 'project');
  const dateField = internalName('statusReports', 'reportDate');
  // One report a month per project: the month is the report's natural key.
  const existing = await existingKeys(ctx, 'statusReports', [`${projectField}Id`, dateField], (r) => `${String(r[`${projectField}Id`])}|${String(r[dateField]).slice(0, 7)}`);
  const rand = rng(7);
  const now = ctx.today;
  const payloads: Array<Record<string, unknown>> = [];
  const latest = new Map<number, Record<string, unknown>>();
  // The projects' folders first, so reports and risks are written where their leaders may add.
  await applyProjectModel(ctx.sp, ctx.webPath);
  const moderated = (await list(ctx, 'statusReports').select('EnableModeration')<{ EnableModeration: boolean }>()).EnableModeration;
  const pick = (p: number): 'Green' | 'Amber' | 'Red' => (p < 0.62 ? 'Green' : p < 0.9 ? 'Amber' : 'Red');
  for (const p of projects) {
    if (p.phase === 'Idea' || p.phase === 'Initiation') continue;
    // Two projects report late, so the register has something stale to flag.
    const lastReport = p.code.endsWith('09') || p.code.endsWith('23') ? now - 70 * DAY : now - 5 * DAY;
    const first = Math.max(p.start, now - 365 * DAY);
    const dates = monthlyReportDates(Math.min(lastReport, p.phase === 'Closed' ? p.end : now), first + 7 * DAY);
    let health = rand();
    for (const t of dates) {
      health = Math.min(0.99, Math.max(0, health + (rand() - 0.5) * 0.35));
      const overall = pick(health);
      const report = {
        title: `${p.code} ${isoDate(t)}`, project: p.id, reportDate: isoDate(t), overall, schedule: pick(health + (rand() - 0.5) * 0.3),
        cost: pick(health + (rand() - 0.5) * 0.3), scope: pick(health - 0.15), risk: pick(health + (rand() - 0.4) * 0.3),
        summary: tr(ctx.lang, STATUS_TEXT[overall][0]), nextSteps: tr(ctx.lang, STATUS_TEXT[overall][1]),
        percentComplete: Math.round(Math.min(100, Math.max(0, ((t - p.start) / (p.end - p.start)) * 100))), published: true
      };
      latest.set(p.id, report);
      if (!existing.has(`${p.id}|${report.reportDate.slice(0, 7)}`)) payloads.push(report);
    }
  }
  await addAllForProjects(ctx, 'statusReports', payloads, 'status reports', moderated ? approve : []);
  // Denormalise: each project carries its latest published status (DESIGN rule 6).
  if (payloads.length) {
    const [batched, execute] = ctx.sp.batched({ maxRequests: 100 });
    const projectsList = batched.web.getList(listServerUrl(ctx.webPath, getList('projects') as ListSchema));
    const pending: Array<Promise<unknown>> = [];
    for (const [id, r] of latest) {
      pending.push(projectsList.items.getById(id).update(toPayload('projects', {
        latestOverall: r.overall, latestSchedule: r.schedule, latestCost: r.cost, latestScope: r.scope, latestRisk: r.risk,
        latestPercentComplete: r.percentComplete, latestReportDate: r.reportDate
      })));
    }
    const all = Promise.all(pending);
    await execute();
    await all;
  }

  const riskProject = internalName('risks', 'project');
  const riskTitle = internalName('risks', 'title');
  const existingRisks = await existingKeys(ctx, 'risks', [`${riskProject}Id`, riskTitle], (r) => `${String(r[`${riskProject}Id`])}|${String(r[riskTitle])}`);
  const RISKS: Array<[string, string]> = [
    ['Key supplier delivers late', 'Weekly follow-up with the supplier; penalty clause in the contract.'],
    ['Key people not available', 'Agree allocation with line managers; name back-ups.'],
    ['Requirements keep changing', 'Change control through the steering group.'],
    ['Integration with legacy systems harder than planned', 'Early technical spike; budget reserve.'],
    ['Low adoption by users', 'Involve super-users early; training before go-live.'],
    ['Budget cut in next year\'s plan', 'Show benefits to the sponsor; phase the scope.']
  ];
  const riskPayloads: Array<Record<string, unknown>> = [];
  for (const p of projects) {
    if (p.phase === 'Closed') continue;
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n; k++) {
      const [enTitle, enMitigation] = RISKS[(p.id + k * 2) % RISKS.length];
      const title = tr(ctx.lang, enTitle);
      const mitigation = tr(ctx.lang, enMitigation);
      const probability = 1 + Math.floor(rand() * 5);
      const impact = 1 + Math.floor(rand() * 5);
      const mitigating = rand() >= 0.7;
      const dueDays = Math.round(rand() * 120);
      if (existingRisks.has(`${p.id}|${title}`)) continue;
      const owner = user(ctx, p.leader);
      riskPayloads.push({
        title, project: p.id, probability, impact, score: probability * impact, owner: owner && { ...owner, email: PEOPLE[p.leader] }, mitigation,
        status: mitigating ? 'Mitigating' : 'Open', due: isoDate(now + dueDays * DAY)
      });
    }
  }
  await addAllForProjects(ctx, 'risks', riskPayloads, 'risks', []);
}

/**
 * One report a month, on the same day of the month as `last` (at most the 28th, so every
 * month has it), counting back from `last` to no earlier than `first`; oldest first.
 */
export function monthlyReportDates(last: number, first: number): number[] {
  const d = new Date(last);
  const day = Math.min(d.getUTCDate(), 28);
  const dates: number[] = [];
  for (let k = 0; k < 13; k++) {
    const t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - k, day);
    if (t > last) continue;
    if (t < first) break;
    dates.unshift(t);
  }
  return dates;
}

export interface DemoEvent {
  /** Names the period the event stands for: the natural key. */
  title: string;
  eventType: 'QuarterlyChallenge' | 'HalfYearlyExperience' | 'AnnualMethodRevision' | 'Training' | 'PeerExchange';
  /** UTC ms */
  start: number;
  hours: number;
  location: string;
}

const QUARTERLY_PLACES = ['Stockholm, room Vasa', 'Copenhagen and online', 'Online', 'Malmö and online'];

/**
 * The PMO's meeting cycle on its calendar (quarterly challenge meetings on the 20th of each
 * quarter's middle month, experience meetings each spring and autumn, the annual method
 * revision on 10 December, trainings each March and September, peer exchanges each
 * quarter) from 200 days before `today` to 200 days after: there are always meetings of every
 * kind behind and ahead, whatever the day.
 */
export function demoEvents(today: number, lang: DemoLanguage = 'en-US'): DemoEvent[] {
  const t = EVENT_TEXT[lang];
  const from = today - 200 * DAY;
  const to = today + 200 * DAY;
  const at = (y: number, month: number, day: number): number => Date.UTC(y, month, day, 9);
  const out: DemoEvent[] = [];
  for (let y = new Date(from).getUTCFullYear(); y <= new Date(to).getUTCFullYear(); y++) {
    for (let q = 0; q < 4; q++) {
      out.push({ title: t.quarterly(q + 1, y), eventType: 'QuarterlyChallenge', start: at(y, q * 3 + 1, 20), hours: 3, location: QUARTERLY_PLACES[q] });
      out.push({ title: t.peer(q + 1, y, q), eventType: 'PeerExchange', start: at(y, q * 3 + 2, 5), hours: 2, location: 'Online' });
    }
    out.push({ title: t.experience(true, y), eventType: 'HalfYearlyExperience', start: at(y, 3, 15), hours: 6, location: 'Copenhagen, with two partner organisations' });
    out.push({ title: t.experience(false, y), eventType: 'HalfYearlyExperience', start: at(y, 9, 15), hours: 6, location: 'Amsterdam' });
    out.push({ title: t.training(true, y), eventType: 'Training', start: at(y, 2, 10), hours: 7, location: 'Utrecht' });
    out.push({ title: t.training(false, y), eventType: 'Training', start: at(y, 8, 10), hours: 7, location: 'Utrecht' });
    out.push({ title: t.revision(y), eventType: 'AnnualMethodRevision', start: at(y, 11, 10), hours: 6, location: 'Stockholm' });
  }
  return out.filter((e) => e.start >= from && e.start <= to).sort((a, b) => a.start - b.start);
}

async function seedCommunity(ctx: Ctx, projects: SeededProject[], actAs?: (mail: string) => SPFI): Promise<void> {
  const now = ctx.today;
  const title = internalName('communityEvents', 'title');
  const existingEvents = await existingKeys(ctx, 'communityEvents', [title], (r) => String(r[title]));
  const fresh = demoEvents(now, ctx.lang).filter((e) => !existingEvents.has(e.title));
  await addAll(ctx, 'communityEvents', fresh.map((e) => toPayload('communityEvents', {
    title: e.title, eventType: e.eventType, startDate: new Date(e.start).toISOString(), endDate: new Date(e.start + e.hours * 3600_000).toISOString(),
    location: e.location, audience: e.eventType === 'Training' ? ['ProjectLeaders'] : ['ProjectLeaders', 'PmoMembers'],
    description: EVENT_TEXT[ctx.lang].description(e.title)
  })), 'community events');

  const personField = internalName('pmoExperts', 'person');
  const existingExperts = await existingKeys(ctx, 'pmoExperts', [`${personField}Id`], (r) => String(r[`${personField}Id`]));
  const experts: Array<[Person, string[], string[], boolean, string, string]> = [
    ['sanne', ['Planning', 'Agile', 'StakeholderManagement'], ['PMI'], false, 'Available', 'Twelve years of customer-facing programmes; likes a whiteboard.'],
    ['lars', ['SteeringGroups', 'RiskManagement', 'BudgetAndFinance'], ['PRINCE2', 'IPMA'], false, 'Limited', 'Programme manager who has chaired 40+ steering groups.'],
    ['pieter', ['Agile', 'ChangeManagement', 'Leadership'], ['PMI'], false, 'Available', 'Agile coach; helps teams find a rhythm that fits.'],
    ['femke', ['Planning', 'BenefitsRealisation'], ['ITIL'], false, 'Available', 'Test manager: test strategies, acceptance and go-live readiness.'],
    ['thomas', ['SteeringGroups', 'Procurement', 'RiskManagement'], ['PRINCE2'], true, 'Limited', 'External PRINCE2 practitioner and trainer.'],
    ['ingrid', ['StakeholderManagement', 'ChangeManagement'], ['IPMA'], false, 'Unavailable', 'HR projects and organisational change; back in January.']
  ];
  const freshExperts = experts.filter(([p]) => ctx.users.has(p) && !existingExperts.has(String(ctx.users.get(p))));
  await addAll(ctx, 'pmoExperts', freshExperts.map(([p, competencies, certifications, external, availability, bio]) => toPayload('pmoExperts', {
    title: PEOPLE[p].split('@')[0].split('.').map((s) => s[0].toUpperCase() + s.slice(1)).join(' '), person: user(ctx, p),
    competencies, certifications, external, availability, bio: tr(ctx.lang, bio)
  })), 'PMO experts');

  const lessonTitle = internalName('lessonsLearned', 'title');
  const existingLessons = await existingKeys(ctx, 'lessonsLearned', [lessonTitle], (r) => String(r[lessonTitle]));
  const lessons: Array<[string, string, string, string, string]> = [
    ['Involve procurement before the PID is approved', 'Initiation', 'Procurement', 'The tender took four months longer than planned because procurement joined late.', 'Add procurement to the initiation checklist.'],
    ['Steering group needs decisions, not status', 'Execution', 'Governance', 'Meetings were spent on status slides; decisions waited.', 'Send status in advance; spend the meeting on decisions.'],
    ['Budget the test environment', 'Planning', 'Budget', 'No budget for a test environment; testing happened in production.', 'Include environments in the budget template.'],
    ['Super-users made the go-live', 'Closing', 'Stakeholders', 'Super-users in every team answered 80 % of the questions.', 'Appoint super-users at the start of execution.'],
    ['Risk log reviewed monthly, not yearly', 'Execution', 'Risk', 'Two risks turned into issues between yearly reviews.', 'Review the risk log at every status report.'],
    ['Benefits owner named from day one', 'Initiation', 'Method', 'Nobody followed up benefits after closure.', 'Name the benefits owner in the PID.']
  ];
  const freshLessons = lessons.map(([t, ...rest], i) => [tr(ctx.lang, t), ...rest, i] as const).filter(([t]) => !existingLessons.has(t));
  const lessonIds = await addAll(ctx, 'lessonsLearned', freshLessons.map(([t, phase, category, what, rec, i]) => toPayload('lessonsLearned', {
    title: t, project: projects[i % projects.length]?.id, phase, category, whatHappened: tr(ctx.lang, what), recommendation: tr(ctx.lang, rec), tags: `${category.toLowerCase()};${phase.toLowerCase()}`
  })), 'lessons learned');
  // Three lessons other projects have applied (the "lessons reused" KPI), where the site has the column (schema 11).
  const reuse: Record<number, number[]> = { 0: [3], 1: [2, 4], 3: [0] };
  if (lessonIds.length && await hasField(ctx, 'lessonsLearned', 'reusedIn')) {
    const target = list(ctx, 'lessonsLearned');
    for (const [k, [, , , , , i]] of freshLessons.entries()) {
      const by = (reuse[i] ?? []).map((n) => projects[n % projects.length]?.id).filter((id): id is number => id !== undefined && id !== projects[i % projects.length]?.id);
      if (by.length) await target.items.getById(lessonIds[k]).update(toPayload('lessonsLearned', { reusedIn: by }));
    }
  }

  // Sparring requests are written by their requesters: the list lets people read only their own.
  // Booked sessions are days after the seed's day (the requests are made on it): the sparring
  // waiting-time KPI has this quarter's median to show.
  const requests: Array<[Person, string, string, SparringStatus, number?]> = [
    ['sanne', 'Preparing a steering group that must cut scope', 'SteeringGroups', 'New'],
    ['johan', 'Risk workshop for the solar panel project', 'RiskManagement', 'Assigned'],
    ['ingrid', 'Benefits realisation plan for the budget tool', 'BenefitsRealisation', 'Scheduled', 5],
    ['sanne', 'Release planning for the customer portal', 'Agile', 'Scheduled', 3],
    ['johan', 'Go-live readiness for the new HR system', 'Planning', 'Scheduled', 9]
  ];
  const srTitle = internalName('sparringRequests', 'title');
  const existingRequests = await existingKeys(ctx, 'sparringRequests', [srTitle], (r) => String(r[srTitle]));
  let addedRequests = 0;
  for (const [p, topic, competency, status, daysToSession] of requests) {
    if (existingRequests.has(topic) || !ctx.users.has(p)) continue;
    const as = actAs ? actAs(PEOPLE[p]) : ctx.sp;
    const requestList = (sp: SPFI): ReturnType<SPFI['web']['getList']> => sp.web.getList(listServerUrl(ctx.webPath, getList('sparringRequests') as ListSchema));
    // The requester writes what a requester writes; status and expert are the PMO's.
    const added = await requestList(as).items.add(toPayload('sparringRequests', {
      title: topic, requester: user(ctx, p), competency, description: `I would like an hour with an expert on: ${topic.toLowerCase()}.`,
      preferredDate: isoDate(now + 14 * DAY)
    })) as { Id?: number; ID?: number };
    const id = (added.Id ?? added.ID) as number;
    const expert = user(ctx, 'lars');
    if (status !== 'New' && expert) {
      // As the PMO's assign does: the request's mirror columns (all an older site has), then
      // its assignment, shared with requester and expert.
      await requestList(ctx.sp).items.getById(id).update(toPayload('sparringRequests', { status, assignedExpert: expert }));
      if (await hasList(ctx, 'sparringAssignments')) {
        const scheduledAt = daysToSession !== undefined ? new Date(utcDay(now) + daysToSession * DAY + 10 * 3600_000).toISOString() : undefined;
        await new SpSparringRequestService(ctx.sp, ctx.webPath).share(id, { id: ctx.users.get(p) as number, title: '', email: PEOPLE[p] }, { ...expert, title: '', email: PEOPLE.lars }, { status, scheduledAt });
      }
    }
    addedRequests++;
  }
  if (addedRequests) ctx.added['sparring requests'] = addedRequests;

  const viewTitle = internalName('portfolioViews', 'title');
  // The PMO's shared views have their own list from schema 4; an older site keeps them flagged
  // `shared` in Portfolio Views, and provisioning moves them over when it upgrades the site.
  const sharedList = await hasList(ctx, 'sharedPortfolioViews') ? 'sharedPortfolioViews' : 'portfolioViews';
  const existingViews = await existingKeys(ctx, sharedList, [viewTitle], (r) => String(r[viewTitle]));
  const views: Array<[string, Record<string, unknown>]> = [
    ['Green Transition programme', { version: 1, programmes: ['Green Transition'] }],
    ['Red and amber projects', { version: 1, overall: ['Red', 'Amber'] }]
  ];
  await addAll(ctx, sharedList, views.filter(([t]) => !existingViews.has(t)).map(([t, f]) => toPayload(sharedList, {
    title: t, filterDefinition: JSON.stringify(f), owner: user(ctx, 'mikkel'), shared: true
  })), 'portfolio views');
}

/** 10,000 projects and 100,000 status reports, for the benchmarks. */
async function seedLarge(ctx: Ctx, criteria: Map<string, number>): Promise<void> {
  const codeName = internalName('projects', 'code');
  const existing = await existingKeys(ctx, 'projects', [codeName], (r) => String(r[codeName]));
  const rand = rng(10000);
  const units = ['IT', 'Finance', 'HR', 'Digital Services', 'Infrastructure', 'Customer Service', 'Operations', 'Sales', 'Legal', 'R&D'];
  const programmes = ['Digital First', 'Green Transition', 'Core Systems Renewal', 'People & Culture', ''];
  const phases = ['Idea', 'Initiation', 'Planning', 'Execution', 'Execution', 'Execution', 'Closing', 'Closed'];
  const rags = ['Green', 'Green', 'Green', 'Amber', 'Amber', 'Red'];
  const leaders: Person[] = ['sanne', 'lars', 'ingrid', 'pieter', 'femke', 'johan'];
  const now = ctx.today;
  const fresh: Array<Record<string, unknown>> = [];
  const freshScores: Array<{ code: string; scores: SeedScores }> = [];
  const scoreRand = rng(10031);
  for (let i = 1; i <= 10000; i++) {
    const code = `LRG-${String(i).padStart(5, '0')}`;
    if (existing.has(code)) continue;
    const start = now - Math.round(rand() * 700) * DAY;
    const overall = rags[Math.floor(rand() * rags.length)];
    fresh.push(toPayload('projects', {
      code, title: `Portfolio project ${i}`, unit: units[i % units.length], programme: programmes[i % programmes.length] || undefined,
      phase: phases[Math.floor(rand() * phases.length)], method: 'Internal', leader: user(ctx, leaders[i % leaders.length]),
      startDate: isoDate(start), endDate: isoDate(start + (120 + Math.round(rand() * 600)) * DAY), budget: Math.round(rand() * 5000) * 1000,
      actualCost: Math.round(rand() * 4000) * 1000, forecastCost: Math.round(rand() * 5500) * 1000,
      latestOverall: overall, latestSchedule: rags[Math.floor(rand() * rags.length)], latestCost: rags[Math.floor(rand() * rags.length)],
      latestScope: 'Green', latestRisk: rags[Math.floor(rand() * rags.length)], latestReportDate: isoDate(now - Math.round(rand() * 60) * DAY)
    }));
    freshScores.push({ code, scores: seedScores(criteria, scoreRand) });
  }
  const ids = await addAll(ctx, 'projects', fresh, 'large projects');
  if (!ids.length) return;
  await seedPriorities(ctx, ids.map((id, i) => ({ project: id, ...freshScores[i] })), 'large project priorities');
  const reports: Array<Record<string, unknown>> = [];
  for (const id of ids) {
    for (let k = 0; k < 10; k++) {
      const t = now - (10 - k) * 14 * DAY;
      const o = rags[Math.floor(rand() * rags.length)];
      reports.push(toPayload('statusReports', {
        title: `LRG ${id} ${isoDate(t)}`, project: id, reportDate: isoDate(t), overall: o, schedule: o, cost: 'Green', scope: 'Green', risk: o,
        summary: STATUS_TEXT[o][0], percentComplete: k * 10, published: true
      }));
    }
  }
  // The large set's reports stay at the lists' roots, as a legacy site's would (README: Permissions);
  // published reports are approved where content approval is on.
  const moderated = (await list(ctx, 'statusReports').select('EnableModeration')<{ EnableModeration: boolean }>()).EnableModeration;
  await addAll(ctx, 'statusReports', moderated ? reports.map((r) => ({ ...r, [MODERATION_STATUS.property]: MODERATION_STATUS.approved })) : reports,
    'large status reports');
  // One risk per project: more than 5,000 of them open, so the portfolio heat map's read meets the threshold.
  const statuses = ['Open', 'Open', 'Open', 'Open', 'Open', 'Mitigating', 'Accepted', 'Closed', 'Closed', 'Closed'];
  const risks = ids.map((id) => {
    const probability = 1 + Math.floor(rand() * 5);
    const impact = 1 + Math.floor(rand() * 5);
    return toPayload('risks', {
      title: `Risk of LRG ${id}`, project: id, probability, impact, score: probability * impact,
      status: statuses[Math.floor(rand() * statuses.length)], due: isoDate(now + Math.round(rand() * 180) * DAY)
    });
  });
  await addAll(ctx, 'risks', risks, 'large risks');
}

/**
 * The method templates as real Office files in four languages (natural key: the file name),
 * their metadata, item-level security for drafts and retired ones, and a few months of
 * downloads so the most-used list has something to show (only when the log is empty).
 */
async function seedTemplates(ctx: Ctx, actAs?: (mail: string) => SPFI): Promise<void> {
  const lib = getList('methodTemplates') as ListSchema;
  const libUrl = listServerUrl(ctx.webPath, lib);
  const nameField = internalName('methodTemplates', 'fileName');
  const existing = await existingKeys(ctx, 'methodTemplates', [nameField], (r) => String(r[nameField]));
  const { Url: siteUrl } = await ctx.sp.web.select('Url')<{ Url: string }>();
  const service = new SpTemplateService(ctx.sp, siteUrl);
  // The template key came with schema 3: a site provisioned with an older schema seeds without it.
  const hasKey = await list(ctx, 'methodTemplates').fields.getByInternalNameOrTitle(internalName('methodTemplates', 'templateKey')).select('Id')()
    .then(() => true, () => false);
  let added = 0;
  for (const spec of DEMO_TEMPLATES) {
    for (const lang of spec.languages) {
      const name = demoFileName(spec, lang);
      if (existing.has(name)) continue;
      const content = await demoFile(spec, lang, ctx.today);
      await ctx.sp.web.getFolderByServerRelativePath(libUrl).files.addUsingPath(name, content, { Overwrite: false });
      const item = await ctx.sp.web.getFileByServerRelativePath(`${libUrl}/${name}`).getItem<{ Id: number }>('Id');
      const status = spec.status ?? 'Approved';
      await item.update(toPayload('methodTemplates', {
        title: spec.title[lang], description: spec.description[lang], phase: spec.phase, category: spec.category, standard: spec.standard,
        language: lang, owner: user(ctx, spec.owner), ...demoRevisionDates(spec, ctx.today), status, ...(hasKey ? { templateKey: spec.key } : {})
      }));
      if (status !== 'Approved') await service.applyItemSecurity(item.Id, status);
      existing.set(name, item.Id);
      added++;
    }
  }
  if (added) ctx.added['method templates'] = added;

  const log = list(ctx, 'templateDownloads');
  if ((await log.items.select('Id').top(1)<Array<{ Id: number }>>()).length) return;
  const rand = rng(606);
  const now = ctx.today + 12 * 3600_000;
  const popular = DEMO_TEMPLATES.filter((s) => (s.status ?? 'Approved') === 'Approved');
  const downloaders: Person[] = ['sanne', 'lars', 'ingrid', 'pieter', 'femke', 'johan', 'erik'];
  const payloads: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 120; i++) {
    // Skewed towards the first templates: the PID and the steering group slides are the favourites.
    const spec = popular[Math.floor(Math.pow(rand(), 1.8) * popular.length)];
    const lang = spec.languages[Math.floor(rand() * spec.languages.length)];
    const id = existing.get(demoFileName(spec, lang));
    if (id === undefined) continue;
    payloads.push(toPayload('templateDownloads', {
      title: demoFileName(spec, lang), template: id, downloadedAt: new Date(now - Math.floor(rand() * 365) * DAY - Math.floor(rand() * 8) * 3600_000).toISOString()
    }));
  }
  // Downloads are written by the people who downloaded (the log's items are their own).
  const byPerson = new Map<Person, Array<Record<string, unknown>>>();
  payloads.forEach((p, i) => {
    const who = downloaders[i % downloaders.length];
    byPerson.set(who, (byPerson.get(who) ?? []).concat([p]));
  });
  for (const [who, items] of byPerson) {
    const as = actAs && ctx.users.has(who) ? actAs(PEOPLE[who]) : ctx.sp;
    const [batched, execute] = as.batched({ maxRequests: 100 });
    const target = batched.web.getList(listServerUrl(ctx.webPath, getList('templateDownloads') as ListSchema));
    const all = Promise.all(items.map((p) => target.items.add(p)));
    await execute();
    await all;
  }
  if (payloads.length) ctx.added['template downloads'] = payloads.length;
}

/**
 * The PMO's front door texts (purpose, services, roles, team) in each of the seed's languages.
 * Natural key: language and heading, so a second run adds nothing and a run with another
 * language adds only that language's texts.
 */
async function seedFrontDoor(ctx: Ctx): Promise<void> {
  if (!await hasList(ctx, 'frontDoor')) return;
  const title = internalName('frontDoor', 'title');
  const language = internalName('frontDoor', 'language');
  const existing = await existingKeys(ctx, 'frontDoor', [title, language], (r) => `${String(r[language])}|${String(r[title])}`);
  const payloads: Array<Record<string, unknown>> = [];
  for (const lang of ctx.languages) {
    FRONT_DOOR_TEXT[lang].forEach((t, i) => {
      if (existing.has(`${lang}|${t.title}`)) return;
      payloads.push(toPayload('frontDoor', {
        title: t.title, section: t.section, language: lang, body: t.body, serviceArea: t.serviceArea, governanceRole: t.governanceRole,
        contact: t.contact ? user(ctx, t.contact) : undefined, profiles: t.profiles ?? [], sortOrder: (i + 1) * 10
      }));
    });
  }
  await addAll(ctx, 'frontDoor', payloads, 'front door texts');
}

/**
 * The PMO's news as SharePoint news posts: site pages created through the pages API with
 * "promote on publish", published, so SharePoint makes them news (PromotedState 2) and stamps
 * FirstPublishedDate itself. Natural key: the page title. The oldest is written first, so the
 * newest post is also the latest published. [verify: SharePoint Online does not let a client
 * backdate FirstPublishedDate through the pages API, so a seed's posts carry the day it ran.]
 */
async function seedNews(ctx: Ctx): Promise<void> {
  const f = SITE_PAGES.fields;
  const lang = NEWS_LANGUAGE_FIELD.internalName;
  // The column the posts' language is written in and the indexes the news read needs; provisioning adds them, a seed on an older site too.
  await ensureNewsColumns(ctx.sp, ctx.webPath);
  const pages = ctx.sp.web.getList(`${ctx.webPath.replace(/\/+$/, '')}/${SITE_PAGES.url}`);
  const existing = new Map<string, { id: number; language: unknown }>();
  for await (const page of pages.items.select('Id', f.title, lang).filter(`${f.promotedState} eq ${NEWS_PROMOTED_STATE}`).top(5000)) {
    for (const raw of page as Array<Record<string, unknown>>) existing.set(String(raw[f.title]), { id: raw.Id as number, language: raw[lang] });
  }
  const wanted = ctx.languages.flatMap((language) => NEWS_TEXT[language].map((n) => ({ ...n, language })));
  // Posts an earlier seed wrote before the column existed get their language; a PMO's own posts are not touched.
  for (const n of wanted) {
    const had = existing.get(n.title);
    // bNewDocumentUpdate: the published page keeps its version; a plain update would leave a draft on SharePoint Online.
    if (had && !had.language) await pages.items.getById(had.id).validateUpdateListItem([{ FieldName: lang, FieldValue: n.language }], true);
  }
  const posts = wanted.filter((n) => !existing.has(n.title)).sort((a, b) => b.daysAgo - a.daysAgo);
  for (const n of posts) {
    const page = await ctx.sp.web.addClientsidePage(`news-${n.title}`, n.title, 'Article', PromotedState.PromoteOnPublish);
    page.description = n.description;
    page.addSection().addControl(new ClientsideText(n.text));
    // The language is a column of the page's list item: written on the draft, then published with it.
    await page.save(false);
    await (await page.getItem()).update({ [lang]: n.language });
    await page.save(true);
  }
  if (posts.length) ctx.added['news posts'] = posts.length;
}
