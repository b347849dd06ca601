/**
 * Contract: fields — every add* helper (which @pnp/sp sends in VERBOSE), AddField for lookups,
 * createFieldAsXml, lookups by name or title, updates including Indexed, delete, the index limit.
 */
import type { SPFI } from '@pnp/sp';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { httpError, raw, spAs, startServer, SITE } from './helpers';

jest.setTimeout(20000);

let server: LocalSharePoint;
let sp: SPFI;
let targetId: string;

interface VerboseField {
  __metadata: { type: string };
  Title: string; InternalName: string; TypeAsString: string; FieldTypeKind: number;
  [key: string]: unknown;
}

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  await sp.web.lists.add('Fields Host');
  targetId = (await sp.web.lists.add('Objectives')).Id;
});
afterAll(async () => { await server.close(); });

const host = (): ReturnType<SPFI['web']['lists']['getByTitle']> => sp.web.lists.getByTitle('Fields Host');

describe('add* helpers (verbose requests and answers)', () => {
  test('addText: verbose answer with __metadata, MaxLength kept, internal name escaped from the title', async () => {
    const f = await host().fields.addText('Project Code', { MaxLength: 20, Required: true }) as unknown as VerboseField;
    expect(f.__metadata.type).toBe('SP.FieldText');
    expect(f).toMatchObject({ Title: 'Project Code', InternalName: 'Project_x0020_Code', TypeAsString: 'Text', FieldTypeKind: 2, MaxLength: 20, Required: true });
  });

  test.each([
    ['addNumber', 'Budget', 'Number', 9, 'SP.FieldNumber'],
    ['addCurrency', 'Cost', 'Currency', 10, 'SP.FieldCurrency'],
    ['addDateTime', 'Start', 'DateTime', 4, 'SP.FieldDateTime'],
    ['addMultilineText', 'Summary', 'Note', 3, 'SP.FieldMultiLineText'],
    ['addUrl', 'Site', 'URL', 11, 'SP.FieldUrl'],
    ['addUser', 'Leader', 'User', 20, 'SP.FieldUser'],
    ['addBoolean', 'Active', 'Boolean', 8, 'SP.Field']
  ] as const)('%s creates a %s field', async (helper, title, typeAsString, kind, cls) => {
    const fields = host().fields;
    const f = await fields[helper](title) as unknown as VerboseField;
    expect(f.__metadata.type).toBe(cls);
    expect(f).toMatchObject({ Title: title, InternalName: title, TypeAsString: typeAsString, FieldTypeKind: kind });
    const read = await fields.getByInternalNameOrTitle(title)();
    expect(read.TypeAsString).toBe(typeAsString);
  });

  test('addDateTime keeps DisplayFormat (0 = date only)', async () => {
    const f = await host().fields.getByInternalNameOrTitle('Start')();
    expect((f as unknown as Record<string, unknown>).DisplayFormat).toBe(0);
  });

  test('addUser with AllowMultipleValues makes a UserMulti field', async () => {
    // AllowMultipleValues is an SP.FieldUser property @pnp's typings leave out of addUser's props.
    const multi = { AllowMultipleValues: true, SelectionMode: 0 };
    const f = await host().fields.addUser('Team', multi) as unknown as VerboseField;
    expect(f).toMatchObject({ TypeAsString: 'UserMulti', AllowMultipleValues: true, SelectionMode: 0 });
  });

  test('addChoice and addMultiChoice send Choices as {results} and answer a verbose collection', async () => {
    const c = await host().fields.addChoice('Phase', { Choices: ['Idea', 'Planning', 'Execution'], FillInChoice: false }) as unknown as VerboseField;
    expect(c.__metadata.type).toBe('SP.FieldChoice');
    expect(c.TypeAsString).toBe('Choice');
    expect(c.Choices).toEqual({ __metadata: { type: 'Collection(Edm.String)' }, results: ['Idea', 'Planning', 'Execution'] });
    const m = await host().fields.addMultiChoice('Certifications', { Choices: ['PMI', 'PRINCE2'] }) as unknown as VerboseField;
    expect(m.TypeAsString).toBe('MultiChoice');
    const light = await host().fields.getByInternalNameOrTitle('Certifications')();
    expect(light.Choices).toEqual(['PMI', 'PRINCE2']);
  });

  test('addCalculated is not implemented: 501 naming it', async () => {
    const e = await httpError(host().fields.addCalculated('Score', { Formula: '=1', OutputType: 2 } as never));
    expect(e.status).toBe(501);
    expect(e.message).toContain('Calculated');
  });

  test('a duplicate internal name in field XML is refused [verify: status 500]', async () => {
    const e = await httpError(host().fields.createFieldAsXml('<Field Type="Text" DisplayName="Other" Name="Project_x0020_Code" />'));
    expect(e.status).toBe(500);
    expect(e.message).toContain('A duplicate field name "Project_x0020_Code" was found.');
  });
});

describe('lookups', () => {
  test('addLookup posts AddField {parameters} and answers JSON light', async () => {
    const f = await host().fields.addLookup('Objective', { LookupListId: targetId, LookupFieldName: 'Title' });
    expect(f).toMatchObject({ TypeAsString: 'Lookup', FieldTypeKind: 7, LookupList: `{${targetId}}`, LookupField: 'Title', AllowMultipleValues: false });
    expect(f).toHaveProperty(['odata.type'], 'SP.FieldLookup');
  });

  test('addLookup to a list that does not exist is a 400', async () => {
    const e = await httpError(host().fields.addLookup('Broken', { LookupListId: '00000000-0000-0000-0000-000000000001', LookupFieldName: 'Title' }));
    expect(e.status).toBe(400);
  });
});

describe('createFieldAsXml', () => {
  test('a text field with Name, Indexed and Required', async () => {
    const f = await host().fields.createFieldAsXml('<Field Type="Text" DisplayName="Unit Name" Name="Unit" Indexed="TRUE" Required="TRUE" MaxLength="100" />');
    expect(f).toMatchObject({ Title: 'Unit Name', InternalName: 'Unit', TypeAsString: 'Text', Indexed: true, Required: true, MaxLength: 100 });
  });

  test('a choice field with CHOICES and a Default', async () => {
    const f = await host().fields.createFieldAsXml(
      '<Field Type="Choice" DisplayName="Status" Name="PMOStatus"><Default>Green</Default><CHOICES><CHOICE>Green</CHOICE><CHOICE>Amber</CHOICE><CHOICE>Red</CHOICE></CHOICES></Field>');
    expect(f).toMatchObject({ InternalName: 'PMOStatus', TypeAsString: 'Choice', Choices: ['Green', 'Amber', 'Red'], DefaultValue: 'Green' });
  });

  test('a multi lookup via List="{guid}" and Mult="TRUE", with an explicit ID', async () => {
    const id = '3f0b8e52-6c2b-4d7a-9a51-0c6f1b2d3e4f';
    const f = await host().fields.createFieldAsXml(
      `<Field Type="LookupMulti" DisplayName="Objectives" Name="Objectives" ID="{${id}}" List="{${targetId}}" ShowField="Title" Mult="TRUE" />`);
    expect(f).toMatchObject({ Id: id, InternalName: 'Objectives', TypeAsString: 'LookupMulti', AllowMultipleValues: true, LookupList: `{${targetId}}`, LookupField: 'Title' });
  });

  test('Type="Lookup" with Mult="TRUE" is also a LookupMulti, and a lookup may name its list by URL', async () => {
    const f = await host().fields.createFieldAsXml(`<Field Type="Lookup" DisplayName="Aligned" Name="Aligned" List="Lists/Objectives" Mult="TRUE" />`);
    expect(f).toMatchObject({ TypeAsString: 'LookupMulti', LookupList: `{${targetId}}`, LookupField: 'Title' });
  });

  test('Options 16 (AddFieldToDefaultView) puts it in the default view', async () => {
    await host().fields.createFieldAsXml({ SchemaXml: '<Field Type="Number" DisplayName="Score" Name="Score" Min="0" Max="100" />', Options: 16 });
    const fields = await host().defaultView.fields();
    expect(fields.Items).toContain('Score');
    const f = await host().fields.getByInternalNameOrTitle('Score')();
    expect(f).toMatchObject({ MinimumValue: 0, MaximumValue: 100 });
  });

  test('malformed XML is a 400', async () => {
    const e = await httpError(host().fields.createFieldAsXml('<Field Type="Text" DisplayName="x"'));
    expect(e.status).toBe(400);
  });
});

describe('reading, updating and deleting fields', () => {
  test('getByInternalNameOrTitle finds by internal name and by title; getByTitle and getById work', async () => {
    const byName = await host().fields.getByInternalNameOrTitle('Unit')();
    const byTitle = await host().fields.getByInternalNameOrTitle('Unit Name')();
    expect(byTitle.Id).toBe(byName.Id);
    expect((await host().fields.getByTitle('Unit Name')()).Id).toBe(byName.Id);
    expect((await host().fields.getById(byName.Id)()).InternalName).toBe('Unit');
    const e = await httpError(host().fields.getByInternalNameOrTitle('Nothing')());
    expect(e.status).toBe(404);
  });

  test('fields() supports $filter on Hidden and InternalName', async () => {
    const visible = await host().fields.filter("Hidden eq false and InternalName eq 'Unit'").select('InternalName')();
    expect(visible).toEqual([expect.objectContaining({ InternalName: 'Unit' })]);
  });

  test('update Indexed: true (after @pnp reads FieldTypeKind) and Title', async () => {
    const field = host().fields.getByInternalNameOrTitle('Budget');
    await field.update({ Indexed: true, Title: 'Budget (SEK)' });
    expect(await field()).toMatchObject({ Indexed: true, Title: 'Budget (SEK)', InternalName: 'Budget' });
  });

  test('update of an unknown property is a 400', async () => {
    const e = await httpError(host().fields.getByInternalNameOrTitle('Budget').update({ Bogus: true }));
    expect(e.status).toBe(400);
  });

  test('delete removes a field; built-in fields cannot be deleted', async () => {
    await host().fields.addText('Temporary');
    await host().fields.getByInternalNameOrTitle('Temporary').delete();
    expect((await httpError(host().fields.getByInternalNameOrTitle('Temporary')())).status).toBe(404);
    const e = await httpError(host().fields.getByInternalNameOrTitle('Title').delete());
    expect(e.status).toBe(400);
  });

  test('site columns: web.fields.addText and createFieldAsXml', async () => {
    const f = await sp.web.fields.addText('Programme');
    expect((f as unknown as VerboseField).InternalName).toBe('Programme');
    expect((await sp.web.fields.getByInternalNameOrTitle('Programme')()).TypeAsString).toBe('Text');
  });

  test('a visitor cannot add a field: 403', async () => {
    const e = await httpError(spAs(server, 'visitor').web.lists.getByTitle('Fields Host').fields.addText('Nope'));
    expect(e.status).toBe(403);
  });
});

describe('the 20-index limit', () => {
  test('a list takes 20 indexed columns and refuses the 21st, by XML and by update', async () => {
    const list = await sp.web.lists.add('Indexes');
    const fields = sp.web.lists.getById(list.Id).fields;
    for (let i = 1; i <= 20; i++) {
      await fields.createFieldAsXml(`<Field Type="Text" DisplayName="Ix${i}" Name="Ix${i}" Indexed="TRUE" />`);
    }
    const e = await httpError(fields.createFieldAsXml('<Field Type="Text" DisplayName="Ix21" Name="Ix21" Indexed="TRUE" />'));
    expect(e.status).toBe(400);
    expect(e.message).toContain('20 indexed columns');
    await fields.createFieldAsXml('<Field Type="Text" DisplayName="Plain" Name="Plain" />');
    const u = await httpError(fields.getByInternalNameOrTitle('Plain').update({ Indexed: true }));
    expect(u.status).toBe(400);
    // The refused field was not created.
    expect((await httpError(fields.getByInternalNameOrTitle('Ix21')())).status).toBe(404);
  });
});

test('raw verbose POST of a field without __metadata but with FieldTypeKind works', async () => {
  const r = await raw(server, 'POST', `${SITE}/_api/web/lists/getByTitle('Fields%20Host')/fields`, {
    headers: { accept: 'application/json;odata=verbose', 'content-type': 'application/json;odata=verbose' },
    body: JSON.stringify({ Title: 'Raw Number', FieldTypeKind: 9 })
  });
  expect(r.status).toBe(201);
  expect(r.json).toHaveProperty('d.TypeAsString', 'Number');
});
