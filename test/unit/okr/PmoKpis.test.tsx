/**
 * The PMO KPI web part against a fake service that runs the real KPI model on a handful of items:
 * every KPI is shown in Swedish with this quarter's value, its definition in words, and its trend
 * as a chart with the same numbers in a table; a quarter with nothing to measure is empty, not
 * zero; a visitor refused the PMO's assignments is told why the waiting time is missing.
 */
import * as path from 'path';
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import PmoKpis, { kpiDefinition, kpiName } from '../../../src/webparts/pmoKpis/components/PmoKpis';
import type { IPmoKpiService, PmoKpiData } from '../../../src/services/PmoKpiService';
import { lastQuarters, pmoKpis, type PmoKpiInput } from '../../../src/model/pmoKpis';
import type { Project } from '../../../src/model/portfolio';
import { format } from '../../../src/components/text';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });
jest.setTimeout(60000);
window.matchMedia = ((query: string) => ({ matches: false, media: query, addListener: () => undefined, removeListener: () => undefined })) as unknown as typeof window.matchMedia;

const ROOT = path.resolve(__dirname, '../../..');
const strings = (locale: string): IPmoKpisWebPartStrings => loadAmdFile(path.join(ROOT, 'src/webparts/pmoKpis/loc', `${locale}.js`)) as IPmoKpisWebPartStrings;
const common = (locale: string): IPmoHubCommonStrings => loadAmdFile(path.join(ROOT, 'src/common/loc', `${locale}.js`)) as IPmoHubCommonStrings;

const TODAY = '2026-05-20';
const project = (id: number, over: Partial<Project>): Project => ({ id, code: `P-${id}`, title: `P${id}`, phase: 'Execution', criteriaScores: {}, strategicObjectives: [], ...over } as Project);
const INPUT: Omit<PmoKpiInput, 'quarters'> = {
  projects: [
    // Closed in 2026-Q2: one on time and on budget, one late and over budget.
    project(1, { phase: 'Closed', endDate: '2026-05-31', forecastEnd: '2026-05-10', budget: 100, actualCost: 90 }),
    project(2, { phase: 'Closed', endDate: '2026-04-01', forecastEnd: '2026-04-30', budget: 100, actualCost: 150 })
  ],
  reports: [],
  downloads: [{ downloadedAt: '2026-04-02T10:00:00Z' }, { downloadedAt: '2026-05-02T10:00:00Z' }, { downloadedAt: '2026-01-02T10:00:00Z' }],
  sparring: [{ created: '2026-04-01T08:00:00Z', scheduledAt: '2026-04-05T08:00:00Z' }, { created: '2026-04-10T08:00:00Z' }],
  lessons: [{ created: '2026-04-03T08:00:00Z' }]
};

/** Every KPI the model computes, by key. */
const KPI_KEYS = pmoKpis({ ...INPUT, quarters: lastQuarters(TODAY, 4) }).map((k) => k.key).sort();

class FakeKpis implements IPmoKpiService {
  public asked: string[] = [];
  public constructor(private readonly waitKnown: boolean) {}
  public load(today: string, count: number = 4): Promise<PmoKpiData> {
    this.asked.push(today);
    const quarters = lastQuarters(today, count);
    return Promise.resolve({ quarters, series: pmoKpis({ ...INPUT, quarters }), sparringKnown: this.waitKnown });
  }
}

describe('PMO KPIs web part', () => {
  it('shows each KPI in Swedish: this quarter, its definition, its trend as chart and table', async () => {
    const s = strings('sv-se');
    const service = new FakeKpis(true);
    const { container } = render(<PmoKpis service={service} strings={s} common={common('sv-se')} locale="sv-SE" today={TODAY} />);
    expect(await screen.findByRole('heading', { level: 2, name: s.Title })).toBeTruthy();
    expect(service.asked).toEqual([TODAY]);
    const expected: Record<string, string> = {
      deliveredOnTime: '50 %', deliveredOnBudget: '50 %', reportsOnTime: s.NoValue, templateDownloads: '2', sparringRequests: '2',
      sparringWaitDays: '4 dagar', lessonsLogged: '1', lessonsReused: '0 %'
    };
    // Every KPI the model computes is on the page, each with one chart. chartist draws each after a
    // timer, so the count rises one chart at a time: wait for all of them (waiting for fewer passed
    // whenever the wait looked between two charts, and failed under load when two came at once).
    expect(Object.keys(expected).sort()).toEqual(KPI_KEYS);
    await waitFor(() => expect(container.querySelectorAll('[data-kpi] svg')).toHaveLength(KPI_KEYS.length));
    for (const [key, value] of Object.entries(expected)) {
      const section = container.querySelector(`[data-kpi="${key}"]`) as HTMLElement;
      const k = key as Parameters<typeof kpiName>[1];
      expect(within(section).getByRole('heading', { level: 3, name: kpiName(s, k) })).toBeTruthy();
      expect(within(section).getByText(format(s.CurrentQuarter, '2026-Q2'))).toBeTruthy();
      expect((section.querySelector(`[data-kpi-value="${key}"]`) as HTMLElement).textContent).toBe(value);
      expect(section.textContent).toContain(kpiDefinition(s, k));
      const table = within(section).getByRole('table', { name: format(s.TrendTitle, kpiName(s, k)) });
      // One row per quarter (plus the header), oldest first; the current quarter last.
      const rows = within(table).getAllByRole('row');
      expect(rows).toHaveLength(1 + 4);
      expect(rows[4].textContent).toContain('2026-Q2');
    }
    // A quarter with no closed project is empty in the table, not 0 %.
    const onTime = within(container.querySelector('[data-kpi="deliveredOnTime"]') as HTMLElement).getAllByRole('row');
    expect(onTime[3].textContent).toBe('2026-Q1');
    // Template downloads in 2026-Q1 count: 1.
    const downloads = within(container.querySelector('[data-kpi="templateDownloads"]') as HTMLElement).getAllByRole('row');
    expect(downloads[3].textContent).toBe('2026-Q11');
  });

  it('every KPI has a name and a definition in all four languages', () => {
    for (const locale of ['en-us', 'sv-se', 'da-dk', 'nl-nl']) {
      const s = strings(locale);
      for (const series of pmoKpis({ ...INPUT, quarters: ['2026-Q2'] })) {
        expect(kpiName(s, series.key)).toMatch(/\S/);
        expect(kpiDefinition(s, series.key).length).toBeGreaterThan(30);
      }
    }
  });

  it('tells a visitor who cannot read every sparring request and assignment why those two figures are missing, and draws no chart of them', async () => {
    const s = strings('en-us');
    const { container } = render(<PmoKpis service={new FakeKpis(false)} strings={s} common={common('en-us')} locale="en-US" today={TODAY} />);
    await screen.findByRole('heading', { level: 2, name: s.Title });
    // Every other KPI has its chart (all of them: see the first test).
    await waitFor(() => expect(container.querySelectorAll('[data-kpi] svg')).toHaveLength(KPI_KEYS.length - 2));
    for (const key of KPI_KEYS) expect(container.querySelectorAll(`[data-kpi="${key}"] svg`)).toHaveLength(key.startsWith('sparring') ? 0 : 1);
    for (const key of ['sparringRequests', 'sparringWaitDays']) {
      const section = container.querySelector(`[data-kpi="${key}"]`) as HTMLElement;
      expect(section.textContent).toContain(s.SparringUnknown);
      expect(section.querySelector('svg')).toBeNull();
      expect((section.querySelector(`[data-kpi-value="${key}"]`) as HTMLElement).textContent).toBe('–');
    }
  });
});
