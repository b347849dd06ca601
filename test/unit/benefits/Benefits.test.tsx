/**
 * The benefits web part against a fake service: the register with progress and totals per unit
 * (never SEK plus hours), filters, one project's view with the handover at closing, the PMO's new
 * benefit typed in Danish reaching the service as typed, a leader recording only for their own
 * project, and what cannot be read kept as typed with an error under its field.
 */
import * as path from 'path';
import * as React from 'react';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import Benefits from '../../../src/webparts/benefits/components/Benefits';
import type { BenefitData, IBenefitService, MeasurementSaved } from '../../../src/services/BenefitService';
import type { Benefit, BenefitMeasurement } from '../../../src/model/benefits';
import type { NewItem } from '../../../src/model/common';
import { format } from '../../../src/components/text';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });
jest.setTimeout(60000);
window.matchMedia = ((query: string) => ({ matches: false, media: query, addListener: () => undefined, removeListener: () => undefined })) as unknown as typeof window.matchMedia;

const ROOT = path.resolve(__dirname, '../../..');
const strings = (locale: string): IBenefitsWebPartStrings => loadAmdFile(path.join(ROOT, 'src/webparts/benefits/loc', `${locale.toLowerCase()}.js`)) as IBenefitsWebPartStrings;
const common = (locale: string): IPmoHubCommonStrings => loadAmdFile(path.join(ROOT, 'src/common/loc', `${locale.toLowerCase()}.js`)) as IPmoHubCommonStrings;

function data(over: Partial<BenefitData> = {}): BenefitData {
  return {
    benefits: [
      { id: 1, title: 'Fuel cost saved', project: { id: 7, title: 'Electric fleet' }, owner: { id: 20, title: 'Karin Holm', email: 'karin@x' }, category: 'Financial', unit: 'SEK',
        baseline: 0, target: 1800000, actual: 720000, lastMeasured: '2026-10-20', targetDate: '2027-06-30', status: 'OnTrack', objective: { id: 3, title: 'Net zero' } },
      { id: 2, title: 'Hours saved searching', project: { id: 8, title: 'Intranet' }, owner: { id: 21, title: 'Astrid', email: 'a@x' }, category: 'Efficiency', unit: 'hours/month',
        baseline: 0, target: 900, actual: 450, lastMeasured: '2026-05-01', status: 'AtRisk' },
      { id: 3, title: 'Lower heating cost', project: { id: 8, title: 'Intranet' }, category: 'Financial', unit: 'SEK', baseline: 0, target: 200000, status: 'Planned' }
    ],
    projects: [
      { id: 7, code: 'PMO-007', title: 'Electric fleet', phase: 'Execution', leader: { id: 9, title: 'Sanne', email: '' } },
      { id: 8, code: 'PMO-008', title: 'Intranet', phase: 'Closing', leader: { id: 10, title: 'Pieter', email: '' } }
    ],
    objectives: [{ id: 3, title: 'Net zero' }],
    me: 1,
    canManage: true,
    ...over
  };
}

class FakeBenefits implements IBenefitService {
  public saved: Array<Benefit | NewItem<Benefit>> = [];
  public recorded: Array<NewItem<BenefitMeasurement>> = [];
  public constructor(private d: BenefitData) {}
  public load(): Promise<BenefitData> { return Promise.resolve(this.d); }
  public portfolioBenefits(): Promise<Benefit[]> { return Promise.resolve(this.d.benefits); }
  public forProject(projectId: number): Promise<Benefit[]> { return Promise.resolve(this.d.benefits.filter((b) => b.project.id === projectId)); }
  public reads: number[] = [];
  public measurements(benefitId: number): Promise<BenefitMeasurement[]> {
    this.reads.push(benefitId);
    return Promise.resolve(benefitId === 1 ? [{ id: 50, benefit: { id: 1, title: '' }, project: { id: 7, title: '' }, measuredOn: '2026-10-20', value: 720000, comment: 'Q3', author: { id: 9, title: 'Sanne', email: '' } }] : []);
  }
  public saveBenefit(b: Benefit | NewItem<Benefit>): Promise<Benefit> {
    this.saved.push(b);
    const saved = { id: 99, ...b } as Benefit;
    this.d = { ...this.d, benefits: [...this.d.benefits, saved] };
    return Promise.resolve(saved);
  }
  public recordMeasurement(m: NewItem<BenefitMeasurement>, b: Benefit): Promise<MeasurementSaved> {
    this.recorded.push(m);
    const benefit = { ...b, actual: m.value, lastMeasured: m.measuredOn };
    this.d = { ...this.d, benefits: this.d.benefits.map((x) => (x.id === b.id ? benefit : x)) };
    return Promise.resolve({ measurement: { id: 77, ...m }, benefit });
  }
}

const input = (label: string): HTMLInputElement => screen.getByLabelText(label, { selector: 'input,textarea' }) as HTMLInputElement;
const type = (label: string, value: string): void => { fireEvent.change(input(label), { target: { value } }); };

describe('benefits web part', () => {
  it('the register: progress, measured value, overdue; totals per unit that never add SEK to hours', async () => {
    const s = strings('en-US');
    render(<Benefits service={new FakeBenefits(data())} strings={s} common={common('en-US')} locale="en-US" today="2026-11-20" />);
    const fuel = await screen.findByRole('row', { name: /^Fuel cost saved/ });
    expect(fuel.textContent).toContain('720,000 SEK');
    expect(fuel.textContent).toContain('1,800,000 SEK');
    expect(fuel.textContent).toContain('40 %');
    expect(fuel.textContent).not.toContain(s.Overdue);
    // Last measured in May, and open: overdue.
    expect(screen.getByRole('row', { name: /^Hours saved searching/ }).textContent).toContain(s.Overdue);
    const totals = screen.getByRole('table', { name: s.TotalsCaption });
    expect(within(totals).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      'SEK22,000,000720,00036 %', 'hours/month190045050 %'
    ]);
  });

  it('percentages in the totals are counted, not added up, in Swedish with the reason under the table', async () => {
    const s = strings('sv-SE');
    const d = data();
    const percent = [
      { id: 11, title: 'Nöjda kunder', project: { id: 7, title: 'Electric fleet' }, category: 'Customer' as const, unit: '%', baseline: 70, target: 80, actual: 75, status: 'OnTrack' as const },
      { id: 12, title: 'Sena leveranser', project: { id: 7, title: 'Electric fleet' }, category: 'Quality' as const, unit: '%', baseline: 10, target: 5, actual: 5, status: 'OnTrack' as const }
    ];
    render(<Benefits service={new FakeBenefits({ ...d, benefits: [...d.benefits, ...percent] })} strings={s} common={common('sv-SE')} locale="sv-SE" today="2026-11-20" />);
    const totals = await screen.findByRole('table', { name: s.TotalsCaption });
    const row = within(totals).getAllByRole('row').find((r) => r.textContent?.startsWith('%'));
    expect(row?.textContent).toBe(`%2${s.NotAdded}${s.NotAdded}75 %`);
    expect(screen.getByText(s.PercentNote)).toBeTruthy();
    // Each is still in the register with its own values.
    expect(screen.getByRole('row', { name: /^Nöjda kunder/ }).textContent).toContain('80 %');
  });

  it('a benefit\'s measurements are read when its history is opened, and shown as a trend with its table', async () => {
    const s = strings('en-US');
    const fake = new FakeBenefits(data());
    render(<Benefits service={fake} strings={s} common={common('en-US')} locale="en-US" today="2026-11-20" />);
    const fuel = await screen.findByRole('row', { name: /^Fuel cost saved/ });
    expect(fake.reads).toEqual([]);
    fireEvent.click(within(fuel).getByRole('button', { name: format(s.History, 'Fuel cost saved') }));
    const table = await screen.findByRole('table', { name: format(s.TrendTitle, 'Fuel cost saved') });
    expect(fake.reads).toEqual([1]);
    expect(within(table).getAllByRole('row')[1].textContent).toContain('Sanne');
  });

  it('one project\'s view: only its benefits; in its closing phase it lists the open benefits its owners take over', async () => {
    const s = strings('en-US');
    const c = common('en-US');
    render(<Benefits service={new FakeBenefits(data())} strings={s} common={c} locale="en-US" today="2026-11-20" projectId={8} />);
    await screen.findByRole('heading', { name: format(s.ProjectHeading, 'PMO-008 Intranet') });
    expect(screen.queryByRole('row', { name: /^Fuel cost saved/ })).toBeNull();
    await waitFor(() => expect(document.body.textContent).toContain(format(s.ClosingHandover, c.PhaseClosing, 2, `Astrid, ${s.NoOwner}`)));
  });

  it('the PMO adds a benefit typed in Danish: 1.250.000,50 reaches the service as the number typed', async () => {
    const s = strings('da-DK');
    const fake = new FakeBenefits(data());
    render(<Benefits service={fake} strings={s} common={common('da-DK')} locale="da-DK" today="2026-11-20" />);
    fireEvent.click(await screen.findByRole('button', { name: s.AddBenefit }));
    // The forms are a chunk loaded on the first click.
    await screen.findByLabelText(s.FieldTitle, { selector: 'input,textarea' });
    type(s.FieldTitle, 'Lavere driftsomkostninger');
    fireEvent.click(screen.getByRole('combobox', { name: s.FieldProject }));
    fireEvent.click(await screen.findByRole('option', { name: 'PMO-007 Electric fleet' }));
    type(s.FieldUnit, 'kr.');
    type(s.FieldBaseline, '0');
    type(s.FieldTarget, '1.250.000,50');
    fireEvent.click(screen.getByRole('button', { name: s.Save }));
    await waitFor(() => expect(fake.saved).toHaveLength(1));
    expect(fake.saved[0]).toMatchObject({ title: 'Lavere driftsomkostninger', project: { id: 7 }, unit: 'kr.', baseline: 0, target: 1250000.5, category: 'Financial', status: 'Planned' });
    await screen.findByText(format(s.SavedBenefit, 'Lavere driftsomkostninger'));
  });

  it('a Dutch 1.5 target is refused under its field and nothing is sent', async () => {
    const s = strings('nl-NL');
    const fake = new FakeBenefits(data());
    render(<Benefits service={fake} strings={s} common={common('nl-NL')} locale="nl-NL" today="2026-11-20" />);
    fireEvent.click(await screen.findByRole('button', { name: s.AddBenefit }));
    await screen.findByLabelText(s.FieldTitle, { selector: 'input,textarea' });
    type(s.FieldTitle, 'X');
    type(s.FieldUnit, 'uren');
    type(s.FieldTarget, '1.5');
    fireEvent.click(screen.getByRole('button', { name: s.Save }));
    await screen.findByText(s.NotANumber);
    expect(input(s.FieldTarget).value).toBe('1.5');
    expect(fake.saved).toHaveLength(0);
  });

  it('a leader (not the PMO) records only for the project they lead; the value reaches the service as typed in Swedish', async () => {
    const s = strings('sv-SE');
    const fake = new FakeBenefits(data({ canManage: false, me: 9 }));
    render(<Benefits service={fake} strings={s} common={common('sv-SE')} locale="sv-SE" today="2026-11-20" />);
    await screen.findByRole('row', { name: /^Fuel cost saved/ });
    expect(screen.queryByRole('button', { name: s.AddBenefit })).toBeNull();
    expect(screen.queryByRole('button', { name: format(s.RecordFor, 'Hours saved searching') })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: format(s.RecordFor, 'Fuel cost saved') }));
    await screen.findByLabelText(format(s.FieldValue, 'SEK'), { selector: 'input,textarea' });
    type(format(s.FieldValue, 'SEK'), '812 500,25');
    fireEvent.click(screen.getByRole('button', { name: s.Save }));
    await waitFor(() => expect(fake.recorded).toHaveLength(1));
    expect(fake.recorded[0]).toMatchObject({ measuredOn: '2026-11-20', value: 812500.25, benefit: { id: 1 } });
  });
});
