import type { ExportTable } from './exportModel';
import { toCsv } from './exportModel';

/**
 * The .xlsx of a table. exceljs is loaded on demand into its own chunk, so it costs the register's
 * bundle nothing until someone exports. Text cells are plain strings (never formulas) whatever they
 * start with; numbers are numbers and dates real dates.
 */
export async function xlsxBytes(table: ExportTable, sheetName: string): Promise<ArrayBuffer> {
  const mod = await import(/* webpackChunkName: 'export-xlsx' */ 'exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || 'Sheet1');
  sheet.addRow(table.headers);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  table.rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 2);
    cells.forEach((cell, i) => {
      const target = row.getCell(i + 1);
      if (cell.kind === 'number') target.value = cell.value;
      else if (cell.kind === 'date') {
        const [y, m, d] = cell.value.split('-').map(Number);
        target.value = new Date(Date.UTC(y, m - 1, d));
        target.numFmt = 'yyyy-mm-dd';
      } else if (cell.kind === 'text') {
        // A JS string is written as a string cell (t="s"): only { formula } objects become formulas.
        target.value = cell.value;
      }
    });
  });
  table.headers.forEach((h, i) => {
    const longest = Math.max(h.length, ...table.rows.slice(0, 200).map((r) => { const cell = r[i]; return cell.kind === 'text' ? Math.min(cell.value.length, 60) : 12; }));
    sheet.getColumn(i + 1).width = Math.max(10, longest + 2);
  });
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

/** Hands a file to the browser's download. */
export function download(data: BlobPart, fileName: string, type: string): void {
  const blob = new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportTableAs(kind: 'csv' | 'xlsx', table: ExportTable, locale: string, fileName: string, sheetName: string): Promise<void> {
  if (kind === 'csv') {
    download(toCsv(table, locale), fileName, 'text/csv;charset=utf-8');
  } else {
    download(await xlsxBytes(table, sheetName), fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }
}
