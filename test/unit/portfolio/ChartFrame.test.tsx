import * as React from 'react';
import * as path from 'path';
import { render, screen, fireEvent, within } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import { ChartFrame } from '../../../src/webparts/portfolio/shared/ChartFrame';
import type { ExportTable } from '../../../src/components/exportModel';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });

const root = path.resolve(__dirname, '../../..');
const common = loadAmdFile(path.join(root, 'src/common/loc/sv-se.js')) as IPmoHubCommonStrings;

const table: ExportTable = {
  headers: ['Enhet', 'Projekt', 'Start'],
  rows: [
    [{ kind: 'text', value: 'IT' }, { kind: 'number', value: 1234.5 }, { kind: 'date', value: '2026-03-01' }],
    [{ kind: 'text', value: '=HYPERLINK("x")' }, { kind: 'number', value: 2 }, { kind: 'empty' }]
  ]
};

function frame(children: React.ReactNode = <svg width="100" height="50"><rect width="10" height="10" /></svg>): ReturnType<typeof render> {
  return render(
    <ChartFrame title="Status per enhet" summary="2 enheter" table={table} fileBaseName="status-per-enhet" locale="sv-SE" common={common}>
      {children}
    </ChartFrame>
  );
}

describe('ChartFrame', () => {
  let blobs: Blob[];
  beforeEach(() => {
    blobs = [];
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = (b: Blob) => { blobs.push(b); return 'blob:x'; };
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
  });

  it('gives screen readers the data as a table with a caption, row headers and the user\'s number format', () => {
    frame();
    const t = screen.getByRole('table', { name: 'Status per enhet' });
    expect(within(t).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Enhet', 'Projekt', 'Start']);
    expect(within(t).getByRole('rowheader', { name: 'IT' })).toBeTruthy();
    // Swedish groups thousands with a (no-break) space and uses a decimal comma.
    expect(within(t).getAllByRole('cell')[0].textContent).toMatch(/^1\s234,5$/);
    expect(screen.getByRole('region', { name: 'Status per enhet' })).toBeTruthy();
  });

  it('shows the table on request and says so to assistive technology', () => {
    frame();
    const toggle = screen.getByRole('button', { name: common.ChartShowTable });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: common.ChartHideTable }).getAttribute('aria-expanded')).toBe('true');
  });

  it('exports the data as CSV with formulas neutralised', async () => {
    frame();
    fireEvent.click(screen.getByRole('button', { name: common.ChartExportCsv }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(blobs).toHaveLength(1);
    const text = await new Promise<string>((resolve) => { const reader = new FileReader(); reader.onload = () => resolve(String(reader.result)); reader.readAsText(blobs[0]); });
    expect(text).toContain('Enhet;Projekt;Start');
    expect(text).toContain('\'=HYPERLINK');
    expect(text).not.toMatch(/(^|;)=HYPERLINK/m);
  });

  it('says clearly when there is no chart to draw as PNG', async () => {
    frame(<p>no drawing</p>);
    fireEvent.click(screen.getByRole('button', { name: common.ChartExportPng }));
    // Fluent's MessageBar renders its text a moment later, so screen readers announce it.
    expect(await screen.findByText(/Exporten misslyckades\. Det finns inget diagram att rita\./)).toBeTruthy();
    expect(blobs).toHaveLength(0);
  });
});
