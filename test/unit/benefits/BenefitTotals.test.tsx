/**
 * The portfolio's benefit totals (below the budget): only the projects in the filters, per unit,
 * SEK never added to hours; nothing at all on a site without benefits.
 */
import * as path from 'path';
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import BenefitTotals from '../../../src/webparts/portfolio/budget/components/BenefitTotals';
import type { Benefit } from '../../../src/model/benefits';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });
window.matchMedia = ((query: string) => ({ matches: false, media: query, addListener: () => undefined, removeListener: () => undefined })) as unknown as typeof window.matchMedia;
const ROOT = path.resolve(__dirname, '../../..');
const strings = loadAmdFile(path.join(ROOT, 'src/webparts/portfolio/loc/nl-nl.js')) as IPortfolioWebPartStrings;
const common = loadAmdFile(path.join(ROOT, 'src/common/loc/nl-nl.js')) as IPmoHubCommonStrings;

const b = (id: number, project: number, unit: string, target: number, actual?: number): Benefit => ({
  id, title: `B${id}`, project: { id: project, title: '' }, category: 'Financial', unit, baseline: 0, target, actual, status: 'OnTrack'
});

it('totals per unit of the filtered projects only', async () => {
  const list = [b(1, 7, 'EUR', 1000, 250), b(2, 7, 'uren', 900, 450), b(3, 8, 'EUR', 5000, 5000), b(4, 9, 'EUR', 2000, 1000)];
  render(<BenefitTotals reader={() => Promise.resolve({ portfolioBenefits: () => Promise.resolve(list) })} projectIds={new Set([7, 9])}
    strings={strings} common={common} locale="nl-NL" />);
  const table = await screen.findByRole('table', { name: strings.BenefitsTitle });
  expect(within(table).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['EUR23.0001.25041,7', 'uren190045050']);
});

it('a site without benefits shows nothing', async () => {
  const { container } = render(<BenefitTotals reader={() => Promise.resolve({ portfolioBenefits: () => Promise.resolve([]) })} projectIds={new Set([7])}
    strings={strings} common={common} locale="nl-NL" />);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(container.textContent).toBe('');
});

it('percentages are counted, not added up: the cells say so, the share is the mean progress, and a note says why', async () => {
  const pct = (id: number, baseline: number, target: number, actual?: number): Benefit => ({ ...b(id, 7, '%', target, actual), baseline });
  const list = [pct(1, 70, 80, 75), pct(2, 10, 5, 5), b(3, 7, 'EUR', 1000, 250)];
  render(<BenefitTotals reader={() => Promise.resolve({ portfolioBenefits: () => Promise.resolve(list) })} projectIds={new Set([7])}
    strings={strings} common={common} locale="nl-NL" />);
  const table = await screen.findByRole('table', { name: strings.BenefitsTitle });
  const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
  expect(rows).toContain(`%2${strings.BenefitNotAdded}${strings.BenefitNotAdded}75`);
  expect(rows).toContain('EUR11.00025025');
  expect(screen.getByText(strings.BenefitPercentNote)).toBeTruthy();
});
