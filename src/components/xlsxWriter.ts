import type { ExportCell, ExportTable } from './exportModel';

// The Office Open XML parts of a one-sheet workbook (ECMA-376), written out: a table export needs
// text, numbers, dates, a bold frozen header and column widths, none of what a general workbook
// library (exceljs, 255 KB gzipped) carries besides.

/** What this writer uses of a JSZip instance. */
interface Zip {
  file(path: string, data: string): unknown;
  generateAsync(options: { type: 'arraybuffer'; compression: 'DEFLATE' }): Promise<ArrayBuffer>;
}

/** Text as XML character data: markup escaped, and characters XML 1.0 cannot carry left out. */
function xmlText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Column letters of a 0-based index: A … Z, AA … */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Days since Excel's epoch (1899-12-30, which absorbs its 1900 leap-year bug) of a `YYYY-MM-DD`. */
function excelDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

// Style 1: the header row, bold; style 2: a date shown yyyy-mm-dd (number format 164, our own).
const STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  + '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
  + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
  + '</styleSheet>';

/**
 * The .xlsx of a table: one sheet, the header row bold and frozen, columns as wide as their text.
 * Text cells are inline strings (`t="inlineStr"`), never formulas, whatever they start with;
 * numbers are numbers and dates real dates. The parts are zipped by JSZip, which the template
 * preview loads too: with it the export's chunk is 27 KB gzipped where exceljs's was 255 KB.
 */
export async function xlsxBytes(table: ExportTable, sheetName: string): Promise<ArrayBuffer> {
  // The zip library the template preview loads too (one chunk for both); CommonJS, so its default export may be the module.
  const mod = await import(/* webpackChunkName: 'template-preview' */ 'jszip');
  const JSZip = ((mod as unknown as { default?: unknown }).default ?? mod) as new () => Zip;
  const name = sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || 'Sheet1';
  const cell = (ref: string, c: ExportCell, style = 0): string => {
    const s = style ? ` s="${style}"` : '';
    if (c.kind === 'number') return Number.isFinite(c.value) ? `<c r="${ref}"${s}><v>${c.value}</v></c>` : '';
    if (c.kind === 'date') return `<c r="${ref}" s="2"><v>${excelDay(c.value)}</v></c>`;
    if (c.kind === 'text') return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${xmlText(c.value)}</t></is></c>`;
    return '';
  };
  const rows = [
    `<row r="1">${table.headers.map((h, i) => cell(`${columnName(i)}1`, { kind: 'text', value: h }, 1)).join('')}</row>`,
    ...table.rows.map((cells, r) => `<row r="${r + 2}">${cells.map((c, i) => cell(`${columnName(i)}${r + 2}`, c)).join('')}</row>`)
  ];
  const widths = table.headers.map((h, i) => {
    const longest = Math.max(h.length, ...table.rows.slice(0, 200).map((r) => { const c = r[i]; return c?.kind === 'text' ? Math.min(c.value.length, 60) : 12; }));
    return `<col min="${i + 1}" max="${i + 1}" width="${Math.max(10, longest + 2)}" customWidth="1"/>`;
  });
  const sheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    + `${widths.length ? `<cols>${widths.join('')}</cols>` : ''}<sheetData>${rows.join('')}</sheetData></worksheet>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + `<sheets><sheet name="${xmlText(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file('xl/styles.xml', STYLES);
  zip.file('xl/worksheets/sheet1.xml', sheet);
  return zip.generateAsync({ type: 'arraybuffer', compression: 'DEFLATE' });
}
