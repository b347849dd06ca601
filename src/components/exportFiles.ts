import type { ExportTable } from './exportModel';
import { toCsv } from './exportModel';

/**
 * The .xlsx of a table (`xlsxWriter.ts`): a chunk of its own with JSZip, loaded on the first Excel
 * export, so the charts and the register that offer it carry none of it at first render.
 */
export async function xlsxBytes(table: ExportTable, sheetName: string): Promise<ArrayBuffer> {
  const writer = await import(/* webpackChunkName: 'export-xlsx' */ './xlsxWriter');
  return writer.xlsxBytes(table, sheetName);
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
