import {
  AUTHOR_FIELD_ID,
  SCHEMA_VERSION,
  TITLE_FIELD_ID,
  changesSince,
  fieldXml,
  findList,
  findSystemField,
  getField,
  getList,
  groups,
  internalName,
  lists,
  roleDefinitions,
  rolesAt,
  selectFields,
  viewFieldNames,
  viewQueryXml,
  xmlEscape
} from '../../../src/schema';
import type {
  DeclaredFieldKey,
  FieldSchema,
  ListKey,
  ListSchema,
  SystemFieldKey
} from '../../../src/schema';
import type {
  CommunityEvent,
  KeyResult,
  KeyResultCheckIn,
  LessonLearned,
  MethodTemplate,
  PmoExpert,
  PortfolioView,
  PrioritisationCriterion,
  ProjectPriority,
  Project,
  Risk,
  SparringRequest,
  StatusReport,
  StrategicObjective,
  TemplateDownload
} from '../../../src/model';
import type { FrontDoorText } from '../../../src/model/frontDoor';
import type { Benefit, BenefitMeasurement } from '../../../src/model/benefits';

// Compile-time (npm run typecheck): every domain property is a schema key (declared or
// system) or the ETag, and every declared field has a domain property.
// `inProjectFolder` is SharePoint's own FileDirRef read by the services (listItems.inProjectFolder), not a column.
// 'priority': a project's Project Priorities item (schema 9), not a column of Projects.
type Extra<M, K extends ListKey> = Exclude<keyof M, DeclaredFieldKey<K> | SystemFieldKey | 'etag' | 'inProjectFolder' | 'priority'>;
type Missing<M, K extends ListKey> = Exclude<DeclaredFieldKey<K>, keyof M>;
type Matches<M, K extends ListKey> = [Extra<M, K>, Missing<M, K>] extends [never, never] ? true : false;
const modelMatchesSchema: [
  Matches<Project, 'projects'>,
  Matches<StatusReport, 'statusReports'>,
  Matches<Risk, 'risks'>,
  Matches<StrategicObjective, 'strategicObjectives'>,
  Matches<KeyResult, 'keyResults'>,
  Matches<KeyResultCheckIn, 'keyResultCheckIns'>,
  Matches<MethodTemplate, 'methodTemplates'>,
  Matches<TemplateDownload, 'templateDownloads'>,
  Matches<CommunityEvent, 'communityEvents'>,
  Matches<PmoExpert, 'pmoExperts'>,
  Matches<SparringRequest, 'sparringRequests'>,
  Matches<LessonLearned, 'lessonsLearned'>,
  Matches<PortfolioView, 'portfolioViews'>,
  Matches<PrioritisationCriterion, 'prioritisationCriteria'>,
  Matches<ProjectPriority, 'projectPriorities'>,
  Matches<FrontDoorText, 'frontDoor'>,
  Matches<Benefit, 'benefits'>,
  Matches<BenefitMeasurement, 'benefitMeasurements'>
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MULTI_TYPES = ['MultiChoice', 'UserMulti', 'LookupMulti'];

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

function fieldOrSystem(list: ListSchema, key: string): { indexed: boolean } | undefined {
  const declared = list.fields.find((f) => f.key === key);
  if (declared) {
    return { indexed: !!declared.indexed };
  }
  const system = findSystemField(list, key);
  return system ? { indexed: system.key === 'id' } : undefined;
}

const everyField: { list: ListSchema; field: FieldSchema }[] = [];
lists.forEach((list) => list.fields.forEach((field) => everyField.push({ list, field })));

describe('schema', () => {
  it('declares the lists of the data model, with types matching the domain model', () => {
    expect(modelMatchesSchema.every(Boolean)).toBe(true);
    expect(lists.map((l) => l.key).sort()).toEqual(
      [
        'benefitMeasurements',
        'benefits',
        'communityEvents',
        'frontDoor',
        'hubSettings',
        'hubSnapshots',
        'keyResultCheckIns',
        'keyResults',
        'lessonsLearned',
        'methodTemplates',
        'pmoExperts',
        'portfolioViews',
        'prioritisationCriteria',
        'projectPriorities',
        'projects',
        'risks',
        'sharedPortfolioViews',
        'sparringAssignments',
        'sparringRequests',
        'statusReports',
        'strategicObjectives',
        'templateDownloads'
      ]
    );
    expect(Number.isInteger(SCHEMA_VERSION)).toBe(true);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('has unique list keys, titles and URLs', () => {
    expect(duplicates(lists.map((l) => l.key))).toEqual([]);
    expect(duplicates(lists.map((l) => l.title.toLowerCase()))).toEqual([]);
    expect(duplicates(lists.map((l) => l.url.toLowerCase()))).toEqual([]);
  });

  it('places lists under Lists/PMO… and libraries at PMO… in the web root', () => {
    for (const list of lists) {
      expect(list.key).toMatch(/^[a-z][A-Za-z0-9]*$/);
      if (list.template === 100) {
        expect(list.url).toMatch(/^Lists\/PMO[A-Za-z0-9]+$/);
      } else {
        expect(list.url).toMatch(/^PMO[A-Za-z0-9]+$/);
      }
      expect(list.description.length).toBeGreaterThan(0);
    }
    expect(getList('methodTemplates').template).toBe(101);
    expect(getList('methodTemplates').versioning).toEqual({ enabled: true, minorVersions: false, majorVersionLimit: 100 });
  });

  it('has unique field keys and internal names per list', () => {
    for (const list of lists) {
      expect({ list: list.key, dup: duplicates(list.fields.map((f) => f.key)) }).toEqual({ list: list.key, dup: [] });
      expect({ list: list.key, dup: duplicates(list.fields.map((f) => f.internalName.toLowerCase())) }).toEqual({
        list: list.key,
        dup: []
      });
    }
  });

  it('uses valid internal names: PMO + letters/digits, at most 32 characters, or the built-in Title', () => {
    for (const { list, field } of everyField) {
      const where = `${list.key}.${field.key}`;
      expect(field.key).toMatch(/^[a-z][A-Za-z0-9]*$/);
      if (field.builtIn) {
        // Title (its label and index) or Author (its index): SharePoint's own columns.
        const builtIns = [['Title', 'title', TITLE_FIELD_ID], ['Author', 'author', AUTHOR_FIELD_ID]];
        expect(builtIns).toContainEqual([field.internalName, field.key, field.id]);
      } else {
        expect([where, field.internalName]).toEqual([where, expect.stringMatching(/^PMO[A-Za-z0-9]+$/)]);
        expect(field.internalName.length).toBeLessThanOrEqual(32);
      }
    }
  });

  it('keeps every list at or under 20 indexed columns', () => {
    for (const list of lists) {
      expect([list.key, list.fields.filter((f) => f.indexed).length <= 20]).toEqual([list.key, true]);
    }
  });

  it('indexes only what SharePoint can index, and every unique column', () => {
    for (const { list, field } of everyField) {
      const where = `${list.key}.${field.key}`;
      if (field.unique) {
        expect([where, field.indexed]).toEqual([where, true]);
      }
      if (field.indexed) {
        expect([where, MULTI_TYPES.indexOf(field.type) < 0 && field.type !== 'Note']).toEqual([where, true]);
      }
    }
  });

  it('indexes the columns the data model stars and the services filter on', () => {
    const indexed = (key: ListKey): string[] =>
      (getList(key) as ListSchema).fields.filter((f) => f.indexed).map((f) => f.key);
    expect(indexed('projects')).toEqual(expect.arrayContaining(['code', 'leader', 'unit', 'phase', 'endDate', 'latestReportDate']));
    expect(indexed('statusReports')).toEqual(expect.arrayContaining(['project', 'reportDate', 'published']));
    expect(indexed('risks')).toEqual(expect.arrayContaining(['project', 'status']));
    expect(indexed('templateDownloads')).toEqual(expect.arrayContaining(['template', 'downloadedAt']));
    expect(indexed('sparringRequests')).toEqual(expect.arrayContaining(['requester', 'status', 'assignedExpert']));
    expect(getField('projects', 'code').unique).toBe(true);
  });

  it('points lookups at lists that exist and come earlier', () => {
    const order = lists.map((l) => l.key);
    for (const { list, field } of everyField) {
      if (field.type === 'Lookup' || field.type === 'LookupMulti') {
        const where = `${list.key}.${field.key}`;
        const target = findList(field.lookupList);
        expect([where, target !== undefined]).toEqual([where, true]);
        expect([where, order.indexOf(field.lookupList) < order.indexOf(list.key)]).toEqual([where, true]);
        const shown = (target as ListSchema).fields.find((f) => f.key === (field.lookupField || 'title'));
        expect([where, shown !== undefined]).toEqual([where, true]);
      }
    }
  });

  it('has non-empty, unique choices with valid defaults', () => {
    for (const { list, field } of everyField) {
      if (field.type === 'Choice' || field.type === 'MultiChoice') {
        const where = `${list.key}.${field.key}`;
        expect([where, field.choices.length > 0]).toEqual([where, true]);
        expect([where, duplicates(field.choices.slice())]).toEqual([where, []]);
        field.choices.forEach((c) => expect(c).toMatch(/^[A-Za-z0-9][A-Za-z0-9-]*$/));
        if (field.defaultValue !== undefined) {
          expect([where, field.choices.indexOf(field.defaultValue) >= 0]).toEqual([where, true]);
        }
      }
    }
    expect((getField('projects', 'phase') as { choices: readonly string[] }).choices).toEqual([
      'Idea',
      'Initiation',
      'Planning',
      'Execution',
      'Closing',
      'Closed'
    ]);
    expect((getField('statusReports', 'overall') as { choices: readonly string[] }).choices).toEqual(['Green', 'Amber', 'Red']);
  });

  it('keeps numeric ranges consistent', () => {
    for (const { list, field } of everyField) {
      if (field.type === 'Number' || field.type === 'Currency') {
        const where = `${list.key}.${field.key}`;
        if (field.min !== undefined && field.max !== undefined) {
          expect([where, field.min < field.max]).toEqual([where, true]);
        }
        if (field.defaultValue !== undefined) {
          expect([where, (field.min ?? -Infinity) <= field.defaultValue && field.defaultValue <= (field.max ?? Infinity)]).toEqual([
            where,
            true
          ]);
        }
      }
      if (field.type === 'Text' && field.maxLength !== undefined) {
        expect(field.maxLength).toBeGreaterThan(0);
        expect(field.maxLength).toBeLessThanOrEqual(255);
      }
    }
  });

  it('gives views existing fields, indexed filters and sorts, and SharePoint-safe row limits', () => {
    for (const list of lists) {
      expect([list.key, list.views.filter((v) => v.isDefault).length]).toEqual([list.key, 1]);
      expect([list.key, duplicates(list.views.map((v) => v.key))]).toEqual([list.key, []]);
      expect([list.key, duplicates(list.views.map((v) => v.title))]).toEqual([list.key, []]);
      for (const view of list.views) {
        const where = `${list.key}/${view.key}`;
        view.fields.forEach((key) => expect([where, key, fieldOrSystem(list, key) !== undefined]).toEqual([where, key, true]));
        expect([where, view.sort.length > 0]).toEqual([where, true]);
        view.sort.forEach((s) => expect([where, s.field, !!fieldOrSystem(list, s.field)?.indexed]).toEqual([where, s.field, true]));
        (view.filter || []).forEach((c) =>
          expect([where, c.field, !!fieldOrSystem(list, c.field)?.indexed]).toEqual([where, c.field, true])
        );
        expect(view.rowLimit).toBeGreaterThan(0);
        expect(view.rowLimit).toBeLessThanOrEqual(5000);
        expect(view.paged).toBe(true);
        expect(view.since).toBeLessThanOrEqual(SCHEMA_VERSION);
      }
    }
  });

  it('gives every created field a unique, valid GUID', () => {
    const created = everyField.filter(({ field }) => !field.builtIn).map(({ field }) => field.id);
    created.forEach((id) => expect(id).toMatch(GUID));
    expect(duplicates(created)).toEqual([]);
    expect(created).not.toContain(TITLE_FIELD_ID);
  });

  it('introduces nothing after SCHEMA_VERSION', () => {
    for (const list of lists) {
      expect(list.since).toBeGreaterThanOrEqual(1);
      expect(list.since).toBeLessThanOrEqual(SCHEMA_VERSION);
      list.fields.forEach((f) => expect(f.since).toBeLessThanOrEqual(SCHEMA_VERSION));
      list.fields.forEach((f) => expect(f.since).toBeGreaterThanOrEqual(list.since));
    }
    expect(changesSince(SCHEMA_VERSION)).toEqual({ lists: [], fields: [], views: [] });
    expect(changesSince(0).lists).toHaveLength(lists.length);
  });

  it('declares the groups and roles the design asks for', () => {
    expect(groups.map((g) => [g.key, g.siteRole])).toEqual([
      ['pmoOwners', 'fullControl'],
      ['pmoMembers', 'edit'],
      ['projectLeaders', 'read'],
      ['visitors', 'read']
    ]);
    expect(groups.find((g) => g.key === 'visitors')?.associatedGroup).toBe('visitors');
    expect(roleDefinitions.map((r) => [r.key, r.roleTypeKind])).toEqual([
      ['fullControl', 5],
      ['design', 4],
      ['edit', 6],
      ['contribute', 3],
      ['read', 2],
      ['addItems', 0],
      ['editItems', 0],
      ['projectReporting', 0]
    ]);
    // PMO Hub's own levels: "add but not edit" and "edit but not add or delete", both readers.
    const kinds = (key: string): readonly number[] => roleDefinitions.find((r) => r.key === key)?.basePermissions ?? [];
    expect([kinds('addItems').includes(2), kinds('addItems').includes(3), kinds('addItems').includes(4)]).toEqual([true, false, false]);
    expect([kinds('editItems').includes(2), kinds('editItems').includes(3), kinds('editItems').includes(4)]).toEqual([false, true, false]);
    expect([kinds('addItems').includes(1), kinds('editItems').includes(1)]).toEqual([true, true]);
    // A project's reporting in its folders (schema 8): read, add, edit, delete and approve.
    expect([1, 2, 3, 4, 5].map((k) => kinds('projectReporting').includes(k))).toEqual([true, true, true, true, true]);
    // The roles in force at the current schema version (superseded ones carry `until`).
    const roleOf = (key: ListKey, group: string): string | undefined =>
      rolesAt((getList(key) as ListSchema).roles, SCHEMA_VERSION).find((r) => r.group === group)?.role;
    // Manage Permissions (Full Control: giving a leader a project, sharing a request, hiding a draft
    // template) or Override List Behaviors (Design: others' items under WriteSecurity 2), else Edit.
    // Personal portfolio views are private even from the PMO: Edit there, no override.
    // Schema 8: the PMO permissions each project's folder in Status Reports and Risks (Manage Permissions);
    // schema 10 the same in the benefits lists.
    const pmoRole = (l: ListSchema): string => (['projects', 'statusReports', 'risks', 'sparringRequests', 'sparringAssignments', 'methodTemplates',
      'benefits', 'benefitMeasurements'].includes(l.key) ? 'fullControl'
      : l.key !== 'portfolioViews' && (l.writeSecurity === 2 || l.readSecurity === 2) ? 'design' : 'edit');
    for (const list of lists) {
      expect([list.key, roleOf(list.key as ListKey, 'pmoOwners'), roleOf(list.key as ListKey, 'pmoMembers')]).toEqual([list.key, 'fullControl', pmoRole(list)]);
    }
    // Leaders read the lists; they write in the folders of the projects they lead (projectReporting).
    expect(['projects', 'statusReports', 'risks'].map((k) => roleOf(k as ListKey, 'projectLeaders'))).toEqual(['read', 'read', 'read']);
    expect(getList('projects').itemPermissions).toEqual({ personField: 'leader', role: 'editItems', since: 4 });
    // Schema 10: in a project's folder its leader and benefit owners edit benefits (never add or
    // delete one) and add measurements (never change one); everyone else reads.
    expect([getList('benefits').projectFolders, getList('benefitMeasurements').projectFolders]).toEqual([
      { since: 10, role: 'editItems', people: { list: 'benefits', field: 'owner' } },
      { since: 10, role: 'addItems', people: { list: 'benefits', field: 'owner' } }
    ]);
    expect(['benefits', 'benefitMeasurements'].map((k) => [roleOf(k as ListKey, 'projectLeaders'), roleOf(k as ListKey, 'visitors')])).toEqual([['read', 'read'], ['read', 'read']]);
    // The folder, not the author, decides who writes: a project's new leader takes over its items.
    expect([getList('statusReports').writeSecurity, getList('risks').writeSecurity]).toEqual([1, 1]);
    for (const key of ['sparringRequests', 'templateDownloads'] as ListKey[]) {
      expect([key, roleOf(key, 'visitors'), roleOf(key, 'projectLeaders')]).toEqual([key, 'addItems', 'addItems']);
    }
    expect(roleOf('lessonsLearned', 'visitors')).toBe('contribute');
    expect(roleOf('methodTemplates', 'visitors')).toBe('read');
    expect(getList('sparringRequests').readSecurity).toBe(2);
    expect(getList('templateDownloads').writeSecurity).toBe(2);
  });
});

describe('helpers', () => {
  it('resolves internal names of declared and system fields', () => {
    expect(internalName('projects', 'code')).toBe('PMOCode');
    expect(internalName('projects', 'leader')).toBe('PMOLeader');
    expect(internalName('projects', 'latestOverall')).toBe('PMOLatestOverall');
    expect(internalName('projects', 'title')).toBe('Title');
    expect(internalName('projects', 'id')).toBe('ID');
    expect(internalName('statusReports', 'author')).toBe('Author');
    expect(internalName('methodTemplates', 'fileName')).toBe('FileLeafRef');
    // Library-only system fields do not exist on lists.
    expect(() => internalName('projects', 'fileName')).toThrow(/Unknown field 'fileName'/);
    expect(() => getList('nope' as ListKey)).toThrow(/Unknown list 'nope'/);
    expect(() => getField('projects', 'nope' as DeclaredFieldKey<'projects'>)).toThrow(/Unknown field 'nope'/);
  });

  it('selects every projects field in use with person and lookup projections (not the columns retired in schema 9)', () => {
    expect(selectFields('projects')).toEqual({
      select: [
        'Id',
        'PMOCode',
        'Title',
        'PMODescription',
        'PMOLeader/Id',
        'PMOLeader/Title',
        'PMOLeader/EMail',
        'PMOSponsor/Id',
        'PMOSponsor/Title',
        'PMOSponsor/EMail',
        'PMOUnit',
        'PMOProgramme',
        'PMOPhase',
        'PMOMethod',
        'PMOStartDate',
        'PMOEndDate',
        'PMOBudget',
        'PMOActualCost',
        'PMOForecastCost',
        'PMOForecastEnd',
        'PMOStrategicObjectives/Id',
        'PMOStrategicObjectives/Title',
        'PMOSiteUrl',
        'PMOLatestOverall',
        'PMOLatestSchedule',
        'PMOLatestCost',
        'PMOLatestScope',
        'PMOLatestRisk',
        'PMOLatestPercentComplete',
        'PMOLatestReportDate'
      ],
      expand: ['PMOLeader', 'PMOSponsor', 'PMOStrategicObjectives']
    });
  });

  it('selects chosen fields, system people included, without duplicates', () => {
    expect(selectFields('statusReports', ['project', 'reportDate', 'overall', 'author', 'id', 'project'])).toEqual({
      select: ['Id', 'PMOProject/Id', 'PMOProject/Title', 'PMOReportDate', 'PMOOverall', 'Author/Id', 'Author/Title', 'Author/EMail'],
      expand: ['PMOProject', 'Author']
    });
    expect(selectFields('methodTemplates', ['fileName', 'status']).select).toEqual(['Id', 'FileLeafRef', 'PMOStatus']);
    expect(selectFields('methodTemplates').select.slice(0, 3)).toEqual(['Id', 'FileLeafRef', 'FileRef']);
  });

  it('stays within the lookup column threshold (12) when selecting a whole list', () => {
    for (const list of lists) {
      expect([list.key, selectFields(list.key as ListKey).expand.length <= 12]).toEqual([list.key, true]);
    }
  });

  it('escapes the five XML special characters', () => {
    expect(xmlEscape(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });

  it('writes view fields and CAML queries from keys', () => {
    const projectsList = getList('projects');
    const mine = projectsList.views.find((v) => v.key === 'mine');
    const active = projectsList.views.find((v) => v.key === 'active');
    expect(mine && viewFieldNames(projectsList, mine)).toEqual([
      'PMOCode',
      'LinkTitle',
      'PMOPhase',
      'PMOLatestOverall',
      'PMOLatestReportDate',
      'PMOEndDate'
    ]);
    expect(mine && viewQueryXml(projectsList, mine)).toBe(
      '<Where><Eq><FieldRef Name="PMOLeader" /><Value Type="Integer"><UserID Type="Integer" /></Value></Eq></Where>' +
        '<OrderBy><FieldRef Name="PMOCode" /></OrderBy>'
    );
    expect(active && viewQueryXml(projectsList, active)).toBe(
      '<Where><In><FieldRef Name="PMOPhase" /><Values><Value Type="Choice">Initiation</Value><Value Type="Choice">Planning</Value>' +
        '<Value Type="Choice">Execution</Value><Value Type="Choice">Closing</Value></Values></In></Where>' +
        '<OrderBy><FieldRef Name="PMOCode" /></OrderBy>'
    );
    const templates = getList('methodTemplates');
    const all = templates.views.find((v) => v.key === 'all');
    expect(all && viewFieldNames(templates, all).slice(0, 3)).toEqual(['DocIcon', 'LinkFilename', 'Title']);
    const drafts = getList('statusReports').views.find((v) => v.key === 'drafts');
    expect(drafts && viewQueryXml(getList('statusReports'), drafts)).toBe(
      '<Where><Eq><FieldRef Name="PMOPublished" /><Value Type="Boolean">0</Value></Eq></Where>' +
        '<OrderBy><FieldRef Name="PMOReportDate" Ascending="FALSE" /></OrderBy>'
    );
  });

  it('nests more than one view condition in <And>', () => {
    const list = getList('risks') as ListSchema;
    const xml = viewQueryXml(list, {
      key: 'x',
      title: 'x',
      since: 1,
      fields: ['title'],
      filter: [
        { field: 'status', op: 'Eq', value: 'Open' },
        { field: 'owner', op: 'IsNotNull' },
        { field: 'project', op: 'Eq', value: 7 }
      ],
      sort: [{ field: 'id', ascending: true }],
      rowLimit: 30,
      paged: true
    });
    expect(xml).toBe(
      '<Where><And><And><Eq><FieldRef Name="PMOStatus" /><Value Type="Choice">Open</Value></Eq>' +
        '<IsNotNull><FieldRef Name="PMOOwner" /></IsNotNull></And>' +
        '<Eq><FieldRef Name="PMOProject" LookupId="TRUE" /><Value Type="Integer">7</Value></Eq></And></Where>' +
        '<OrderBy><FieldRef Name="ID" /></OrderBy>'
    );
  });

  it('writes field XML for each kind of field', () => {
    const id = (f: FieldSchema): string => `{${f.id}}`;
    const code = getField('projects', 'code');
    expect(fieldXml(code)).toBe(
      `<Field ID="${id(code)}" Type="Text" Name="PMOCode" StaticName="PMOCode" DisplayName="Project code" Required="TRUE"` +
        ' Indexed="TRUE" EnforceUniqueValues="TRUE" MaxLength="32" />'
    );
    const phase = getField('projects', 'phase');
    expect(fieldXml(phase)).toBe(
      `<Field ID="${id(phase)}" Type="Choice" Name="PMOPhase" StaticName="PMOPhase" DisplayName="Phase" Required="TRUE"` +
        ' Indexed="TRUE" Format="Dropdown" FillInChoice="FALSE"><Default>Idea</Default><CHOICES><CHOICE>Idea</CHOICE>' +
        '<CHOICE>Initiation</CHOICE><CHOICE>Planning</CHOICE><CHOICE>Execution</CHOICE><CHOICE>Closing</CHOICE>' +
        '<CHOICE>Closed</CHOICE></CHOICES></Field>'
    );
    const leader = getField('projects', 'leader');
    expect(fieldXml(leader)).toBe(
      `<Field ID="${id(leader)}" Type="User" Name="PMOLeader" StaticName="PMOLeader" DisplayName="Project leader"` +
        ' Required="FALSE" Indexed="TRUE" UserSelectionMode="PeopleOnly" UserSelectionScope="0" />'
    );
    const objectives = getField('projects', 'strategicObjectives');
    expect(fieldXml(objectives, { lookupList: '{11111111-2222-4333-8444-555555555555}' })).toBe(
      `<Field ID="${id(objectives)}" Type="LookupMulti" Name="PMOStrategicObjectives" StaticName="PMOStrategicObjectives"` +
        ' DisplayName="Strategic objectives" Required="FALSE" List="{11111111-2222-4333-8444-555555555555}"' +
        ' ShowField="Title" Mult="TRUE" RelationshipDeleteBehavior="None" />'
    );
    const reportDate = getField('statusReports', 'reportDate');
    expect(fieldXml(reportDate)).toBe(
      `<Field ID="${id(reportDate)}" Type="DateTime" Name="PMOReportDate" StaticName="PMOReportDate" DisplayName="Report date"` +
        ' Required="TRUE" Indexed="TRUE" Format="DateOnly"><Default>[today]</Default></Field>'
    );
    const percent = getField('statusReports', 'percentComplete');
    expect(fieldXml(percent)).toContain(' Min="0" Max="100" Decimals="0" />');
    const published = getField('statusReports', 'published');
    expect(fieldXml(published)).toContain('><Default>0</Default></Field>');
    const summary = getField('statusReports', 'summary');
    expect(fieldXml(summary)).toContain(' NumLines="6" RichText="FALSE" UnlimitedLengthInDocumentLibrary="TRUE" />');
    expect(fieldXml(getField('projects', 'siteUrl'))).toContain(' Type="URL" ');
    expect(fieldXml(getField('projects', 'siteUrl'))).toContain(' Format="Hyperlink" />');
    expect(fieldXml(getField('communityEvents', 'audience'))).toContain(' Type="MultiChoice" ');
    expect(fieldXml(getField('communityEvents', 'audience'))).toContain(' Mult="TRUE" FillInChoice="FALSE">');
  });

  it('escapes user-visible text in field XML', () => {
    const xml = fieldXml({
      key: 'odd',
      internalName: 'PMOOdd',
      displayName: `R&D <"costs"> & 'more'`,
      type: 'Choice',
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      since: 1,
      choices: ['A&B', '<C>'],
      defaultValue: 'A&B'
    });
    expect(xml).toContain(' DisplayName="R&amp;D &lt;&quot;costs&quot;&gt; &amp; &apos;more&apos;"');
    expect(xml).toContain('<Default>A&amp;B</Default><CHOICES><CHOICE>A&amp;B</CHOICE><CHOICE>&lt;C&gt;</CHOICE></CHOICES>');
  });
});
