/**
 * The OKR web part against a fake service: objectives with their key results, check-ins and the
 * projects that serve them; the charts' data as tables; the PMO's check-in typed in Danish reaches
 * the service as the number typed; a visitor has no check-in button; what cannot be read is an
 * error under its field and nothing is sent.
 */
import * as path from 'path';
import * as React from 'react';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import Okr from '../../../src/webparts/okr/components/Okr';
import type { CheckInSaved, IOkrService, OkrData } from '../../../src/services/OkrService';
import type { KeyResult, KeyResultCheckIn } from '../../../src/model/portfolio';
import type { NewItem } from '../../../src/model/common';
import { format } from '../../../src/components/text';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });
jest.setTimeout(60000);
// chartist asks for its responsive options through matchMedia, which jsdom lacks: no media query matches here.
window.matchMedia = ((query: string) => ({ matches: false, media: query, addListener: () => undefined, removeListener: () => undefined })) as unknown as typeof window.matchMedia;

const ROOT = path.resolve(__dirname, '../../..');
const strings = (locale: string): IOkrWebPartStrings => loadAmdFile(path.join(ROOT, 'src/webparts/okr/loc', `${locale.toLowerCase()}.js`)) as IOkrWebPartStrings;
const common = (locale: string): IPmoHubCommonStrings => loadAmdFile(path.join(ROOT, 'src/common/loc', `${locale.toLowerCase()}.js`)) as IPmoHubCommonStrings;

function data(over: Partial<OkrData> = {}): OkrData {
  return {
    objectives: [{ id: 1, title: 'Net-zero operations', period: '2026' }, { id: 2, title: 'Modern core systems', period: '2026' }],
    keyResults: [
      { id: 11, title: 'CO2e from own operations', objective: { id: 1, title: 'Net-zero operations' }, baseline: 2100, target: 1050, current: 1620, unit: 't', confidence: 60 },
      { id: 21, title: 'Systems on supported versions', objective: { id: 2, title: 'Modern core systems' }, baseline: 60, target: 100, unit: '%' }
    ],
    checkIns: [{ id: 5, keyResult: { id: 11, title: 'CO2e' }, checkInDate: '2026-02-10', value: 1800, confidence: 55, comment: 'Første måling', author: { id: 3, title: 'Mette Hansen', email: '' } }],
    projects: [
      { id: 7, code: 'PMO-007', title: 'Electric fleet', phase: 'Execution', criteriaScores: {}, strategicObjectives: [{ id: 1, title: 'Net-zero operations' }], leader: { id: 9, title: 'Sanne', email: '' } },
      { id: 8, code: 'PMO-008', title: 'ERP upgrade', phase: 'Planning', criteriaScores: {}, strategicObjectives: [{ id: 2, title: 'Modern core systems' }] }
    ],
    me: 9,
    canCheckIn: true,
    listUrls: { objectives: '/sites/pmo/Lists/PMOStrategicObjectives', keyResults: '/sites/pmo/Lists/PMOKeyResults' },
    ...over
  };
}

class FakeOkr implements IOkrService {
  public added: Array<{ checkIn: NewItem<KeyResultCheckIn>; keyResult: KeyResult }> = [];
  public loads = 0;
  public constructor(private d: OkrData) {}
  public load(): Promise<OkrData> { this.loads += 1; return Promise.resolve(this.d); }
  public addCheckIn(checkIn: NewItem<KeyResultCheckIn>, keyResult: KeyResult): Promise<CheckInSaved> {
    this.added.push({ checkIn, keyResult });
    const kr = { ...keyResult, current: checkIn.value, confidence: checkIn.confidence };
    this.d = { ...this.d, keyResults: this.d.keyResults.map((k) => (k.id === kr.id ? kr : k)), checkIns: [...this.d.checkIns, { id: 99, ...checkIn }] };
    return Promise.resolve({ checkIn: { id: 99, ...checkIn }, keyResult: kr });
  }
}

const input = (label: string): HTMLInputElement => screen.getByLabelText(label, { selector: 'input,textarea' }) as HTMLInputElement;
const type = (label: string, value: string): void => { fireEvent.change(input(label), { target: { value } }); };

describe('OKR web part', () => {
  it('shows objectives, key results with start/target/current/confidence, check-ins, serving projects and both charts as tables', async () => {
    const s = strings('en-US');
    render(<Okr service={new FakeOkr(data())} strings={s} common={common('en-US')} locale="en-US" today="2026-05-04" />);
    await screen.findByRole('heading', { name: 'Net-zero operations' });
    // 2100 → 1050, now 1620: 480 of 1050 = 45.7 %; at the end of Q1 (1800) 28.6 %; the second objective is not measured.
    const progress = screen.getByRole('table', { name: s.ProgressChartTitle });
    expect(within(progress).getByRole('row', { name: /Net-zero operations/ }).textContent).toContain('45.7');
    const quarters = screen.getByRole('table', { name: s.QuarterChartTitle });
    expect(within(quarters).getAllByRole('row').map((r) => r.textContent)).toEqual([
      `${s.ColumnQuarter}Net-zero operationsModern core systems`, '2026-Q128.6'
    ]);
    const kr = screen.getByRole('row', { name: /CO2e from own operations/ });
    expect(kr.textContent).toContain('2,100 t');
    expect(kr.textContent).toContain('1,050 t');
    expect(kr.textContent).toContain('1,620 t');
    expect(kr.textContent).toContain('60 %');
    expect(kr.textContent).toContain('45.7 %');
    expect(kr.textContent).toContain('Mette Hansen: 1,800 t (confidence 55 %) – Første måling');
    expect(screen.getByText(`PMO-007 Electric fleet (${s.YourProject})`)).toBeTruthy();
    expect(screen.getByText('PMO-008 ERP upgrade')).toBeTruthy();
    // Fluent's MessageBar renders its text a tick later (DelayedRender).
    await waitFor(() => expect(document.body.textContent).toContain(format(s.MyProjectsServe, 1, 2)));
    expect(screen.getAllByRole('button', { name: format(s.CheckInFor, 'CO2e from own operations') })).toHaveLength(1);
  });

  it('a visitor (SharePoint would refuse the check-in) sees no check-in button', async () => {
    render(<Okr service={new FakeOkr(data({ canCheckIn: false, me: 4 }))} strings={strings('sv-SE')} common={common('sv-SE')} locale="sv-SE" />);
    await screen.findByRole('heading', { name: 'Net-zero operations' });
    expect(screen.queryByRole('button', { name: /Stäm av/ })).toBeNull();
    expect(screen.queryByText(/Dina projekt bidrar/)).toBeNull();
    expect(screen.queryByRole('link', { name: strings('sv-SE').EditObjectivesInList })).toBeNull();
  });

  it('the PMO finds where objectives and key results are defined: their lists, in its language', async () => {
    const s = strings('nl-NL');
    render(<Okr service={new FakeOkr(data())} strings={s} common={common('nl-NL')} locale="nl-NL" />);
    expect((await screen.findByRole('link', { name: s.EditObjectivesInList })).getAttribute('href')).toBe('/sites/pmo/Lists/PMOStrategicObjectives');
    expect(screen.getByRole('link', { name: s.EditKeyResultsInList }).getAttribute('href')).toBe('/sites/pmo/Lists/PMOKeyResults');
  });

  it('the PMO checks in in Danish: 1.234,5 t and confidence 75 reach the service as typed; the page shows the new value', async () => {
    const s = strings('da-DK');
    const c = common('da-DK');
    const fake = new FakeOkr(data());
    render(<Okr service={fake} strings={s} common={c} locale="da-DK" today="2026-05-04" />);
    fireEvent.click(await screen.findByRole('button', { name: format(s.CheckInFor, 'CO2e from own operations') }));
    // Starts from today and the key result's current value, in Danish.
    expect(input(format(s.FieldValue, 't')).value).toBe('1.620');
    type(format(s.FieldValue, 't'), '1.234,5');
    type(s.FieldConfidence, '75');
    type(s.FieldComment, 'Solceller på lageret');
    fireEvent.click(screen.getByRole('button', { name: s.Save }));
    await waitFor(() => expect(fake.added).toHaveLength(1));
    expect(fake.added[0].checkIn).toEqual({ keyResult: { id: 11, title: 'CO2e from own operations' }, checkInDate: '2026-05-04', value: 1234.5, confidence: 75, comment: 'Solceller på lageret' });
    await screen.findByText(format(s.Saved, '1.234,5 t'));
    await waitFor(() => expect(screen.getByRole('row', { name: /CO2e from own operations/ }).textContent).toContain('1.234,5 t'));
  });

  it('a Dutch 1.5 (grouping, not a decimal) and a confidence of 120 are errors under their fields; nothing is sent', async () => {
    const s = strings('nl-NL');
    const fake = new FakeOkr(data());
    render(<Okr service={fake} strings={s} common={common('nl-NL')} locale="nl-NL" today="2026-05-04" />);
    fireEvent.click(await screen.findByRole('button', { name: format(s.CheckInFor, 'CO2e from own operations') }));
    type(format(s.FieldValue, 't'), '1.5');
    type(s.FieldConfidence, '120');
    fireEvent.click(screen.getByRole('button', { name: s.Save }));
    await screen.findByText(s.NotANumber);
    expect(screen.getByText(format(s.NumberRange, 0, 100))).toBeTruthy();
    expect(fake.added).toHaveLength(0);
  });
});
