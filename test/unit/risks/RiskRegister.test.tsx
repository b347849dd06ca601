import * as React from 'react';
import { render, screen, fireEvent, waitFor, within, act } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import { RiskRegister } from '../../../src/webparts/risks/components/RiskRegister';
import Risks from '../../../src/webparts/risks/components/Risks';
import { ConflictError } from '../../../src/services/errors';
import type { Risk } from '../../../src/model/portfolio';
import { FakeRisks, risk, riskStrings } from './fakes';
import { FakeProjects, FakeRights, VISITOR, commonStrings, project } from '../statusReports/fakes';

initializeIcons(undefined, { disableWarnings: true });
// Fluent in jsdom is slow on a shared machine: a journey through a whole form takes seconds.
jest.setTimeout(30000);

const s = riskStrings();
const c = commonStrings();
const p1 = { id: 1, title: 'Ny kundportal' };

function mount(service: FakeRisks, rights: FakeRights = new FakeRights()): ReturnType<typeof render> {
  return render(<RiskRegister project={p1} services={{ risks: service, editing: rights }} strings={s} common={c} locale="en-US" />);
}

const demo: Risk[] = [
  risk(1, { title: 'Vendor goes bankrupt', probability: 4, impact: 5, mitigation: 'Second supplier' }),
  risk(2, { title: 'Key architect leaves', probability: 4, impact: 5, status: 'Mitigating' }),
  risk(3, { title: 'Licence costs rise', probability: 2, impact: 3, owner: { id: 4, title: 'Mette Sørensen', email: 'mette@contoso.com' } }),
  risk(4, { title: 'Old risk', probability: 4, impact: 5, status: 'Closed' })
];

const field = (label: string): HTMLInputElement => screen.getByLabelText(label, { exact: false, selector: 'input,textarea' }) as HTMLInputElement;

describe('RiskRegister', () => {
  it('lists every risk and maps the open ones on a 5×5 heat map of labelled buttons', async () => {
    mount(new FakeRisks(demo));
    expect(await screen.findByText('Vendor goes bankrupt')).toBeTruthy();
    expect(screen.getByText('4 risks')).toBeTruthy();
    const map = screen.getByRole('group', { name: 'Heat map of open risks' });
    const cells = within(map).getAllByRole('button');
    expect(cells).toHaveLength(25);
    expect(within(map).getByRole('button', { name: /Probability 4, impact 5: 2 risks, Critical$/ })).toBeTruthy();
    expect(within(map).getByRole('button', { name: /Probability 2, impact 3: 1 risk, Medium$/ })).toBeTruthy();
    expect(within(map).getByRole('button', { name: /Probability 1, impact 1: 0 risks, Low$/ })).toBeTruthy();
    expect(screen.getAllByText('20 · Critical')).toHaveLength(3);
  });

  it('a heat-map cell filters the list; clicking it again, or Show all, clears the filter', async () => {
    mount(new FakeRisks(demo));
    await screen.findByText('Vendor goes bankrupt');
    const cell = screen.getByRole('button', { name: /Probability 4, impact 5: 2 risks, Critical$/ });
    fireEvent.click(cell);
    expect(cell.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('2 open risks with probability 4 and impact 5')).toBeTruthy();
    const grid = screen.getByRole('grid');
    expect(within(grid).getByText('Vendor goes bankrupt')).toBeTruthy();
    expect(within(grid).getByText('Key architect leaves')).toBeTruthy();
    expect(within(grid).queryByText('Old risk')).toBeNull();
    expect(within(grid).queryByText('Licence costs rise')).toBeNull();
    fireEvent.click(cell);
    expect(screen.getByText('4 risks')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Probability 2, impact 3: 1 risk, Medium$/ }));
    expect(within(screen.getByRole('grid')).queryByText('Vendor goes bankrupt')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(within(screen.getByRole('grid')).getByText('Old risk')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Probability 5, impact 5: 0 risks, Critical$/ }));
    expect(screen.getByText('No open risk in this cell.')).toBeTruthy();
  });

  it('visitors see the register but no add, edit or delete', async () => {
    mount(new FakeRisks(demo), new FakeRights(VISITOR));
    await screen.findByText('Vendor goes bankrupt');
    expect(screen.queryByRole('button', { name: 'Add risk' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Delete / })).toBeNull();
  });

  it('a project leader with list-wide rights sees Add, Edit and Delete only on a project she works on (issue 13)', async () => {
    const rights = new FakeRights(undefined, [2]);
    const { unmount } = mount(new FakeRisks(demo), rights);
    await screen.findByText('Vendor goes bankrupt');
    expect(rights.asked).toContain(1);
    expect(screen.queryByRole('button', { name: 'Add risk' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Delete / })).toBeNull();
    unmount();
    mount(new FakeRisks(demo), new FakeRights(undefined, [1]));
    expect(await screen.findByRole('button', { name: 'Add risk' })).toBeTruthy();
  });

  it('adds a risk: validation first, then one save with the values typed', async () => {
    const service = new FakeRisks(demo);
    mount(service);
    fireEvent.click(await screen.findByRole('button', { name: 'Add risk' }));
    await screen.findByRole('heading', { name: 'New risk' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Check 3 marked field(s) before saving.')).toBeTruthy();
    expect(screen.getByText('This field is required.')).toBeTruthy();
    expect(screen.getAllByText('Choose a level from 1 to 5.')).toHaveLength(2);
    expect(service.saves).toHaveLength(0);
    fireEvent.change(field('Risk'), { target: { value: "Data migration <script>x</script> fails" } });
    fireEvent.click(screen.getByRole('combobox', { name: /^Probability/ }));
    fireEvent.click(await screen.findByRole('option', { name: '3 – Possible' }));
    fireEvent.click(screen.getByRole('combobox', { name: /^Impact/ }));
    fireEvent.click(await screen.findByRole('option', { name: '4 – Major' }));
    expect(screen.getByText('Score 12 (High)')).toBeTruthy();
    fireEvent.change(field('Mitigation'), { target: { value: 'Trial migration in March' } });
    fireEvent.change(field('Due'), { target: { value: '2027-03-31' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Save' })); });
    expect(service.saves).toHaveLength(1);
    expect(service.saves[0].risk).toEqual({
      title: 'Data migration <script>x</script> fails', project: { id: 1, title: 'Ny kundportal' }, description: undefined,
      probability: 3, impact: 4, score: 12, owner: undefined, mitigation: 'Trial migration in March', status: 'Open', due: '2027-03-31'
    });
    expect(await screen.findByText('Risk "Data migration <script>x</script> fails" saved.')).toBeTruthy();
    expect(document.querySelector('script')).toBeNull();
  });

  it('a failed save keeps what was typed', async () => {
    const service = new FakeRisks(demo);
    service.saveSteps.push(new Error('Error making HttpClient request in queryable [403] Forbidden ::> {"odata.error":{"message":{"value":"Access denied."}}}'));
    mount(service);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Licence costs rise' }));
    await screen.findByRole('heading', { name: 'Edit risk' });
    fireEvent.change(field('Mitigation'), { target: { value: 'Negotiate a cap' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Save' })); });
    expect(await screen.findByText("The risk was not saved; everything you typed is still here. You don't have permission to do this. If you need it, ask the PMO or the site owner for access.")).toBeTruthy();
    expect(field('Mitigation').value).toBe('Negotiate a cap');
    expect(screen.getByRole('heading', { name: 'Edit risk' })).toBeTruthy();
  });

  it('a conflict offers reload (theirs replaces the form) or overwrite (mine again, with overwrite)', async () => {
    const service = new FakeRisks(demo);
    const mine = demo[2];
    const theirs = { ...mine, etag: '"3,2"', mitigation: 'Their plan', status: 'Mitigating' as const };
    service.saveSteps.push(new ConflictError<Risk>(mine, theirs), new ConflictError<Risk>(mine, theirs));
    mount(service);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Licence costs rise' }));
    await screen.findByRole('heading', { name: 'Edit risk' });
    fireEvent.change(field('Mitigation'), { target: { value: 'My plan' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Save' })); });
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('My plan')).toBeTruthy();
    expect(within(dialog).getByText('Their plan')).toBeTruthy();
    expect(service.saves[0].risk).toMatchObject({ id: 3, etag: '"3,1"', mitigation: 'My plan' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reload theirs' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(field('Mitigation').value).toBe('Their plan');
    fireEvent.change(field('Mitigation'), { target: { value: 'My plan again' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Save' })); });
    expect(service.saves[1].risk).toMatchObject({ etag: '"3,2"', mitigation: 'My plan again' });
    const second = await screen.findByRole('alertdialog');
    await act(async () => { fireEvent.click(within(second).getByRole('button', { name: 'Overwrite with mine' })); });
    expect(service.saves).toHaveLength(3);
    expect(service.saves[2].options).toEqual({ overwrite: true });
    expect(service.saves[2].risk).toMatchObject({ mitigation: 'My plan again' });
    expect(await screen.findByText('Risk "Licence costs rise" saved.')).toBeTruthy();
  });

  it('asks before closing the form with edits', async () => {
    mount(new FakeRisks(demo));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Licence costs rise' }));
    await screen.findByRole('heading', { name: 'Edit risk' });
    fireEvent.change(field('Mitigation'), { target: { value: 'Unsaved' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(field('Mitigation').value).toBe('Unsaved');
  });

  it('deletes after confirmation', async () => {
    const service = new FakeRisks(demo);
    mount(service);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Old risk' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('"Old risk" will be moved to the site\'s recycle bin.')).toBeTruthy();
    await act(async () => { fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' })); });
    expect(service.deleted.map((r) => r.id)).toEqual([4]);
    expect(await screen.findByText('Risk "Old risk" deleted.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Old risk')).toBeNull());
  });

  it('shows errors with a retry, and an empty register', async () => {
    const service = new FakeRisks([]);
    service.loadFailures.push(new Error('Error making HttpClient request in queryable [404] Not Found ::> {"odata.error":{"message":{"value":"List does not exist."}}}'));
    mount(service);
    expect(await screen.findByText('What you asked for no longer exists: it may have been deleted or moved. Reload the page.')).toBeTruthy();
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Try again' })); });
    expect(await screen.findByText('No risks have been recorded for this project yet.')).toBeTruthy();
    expect(service.loads).toBe(2);
  });
});

describe('the risks web part', () => {
  it('chooses a project, and speaks Swedish, Danish and Dutch', async () => {
    const projects = new FakeProjects([project(1, { title: 'Ny kundportal' })]);
    for (const [locale, title, cell] of [
      ['sv-se', 'Risker', 'Sannolikhet 4, konsekvens 5: 2 risker, Kritisk'],
      ['da-dk', 'Risici', 'Sandsynlighed 4, konsekvens 5: 2 risici, Kritisk'],
      ['nl-nl', "Risico's", "Kans 4, impact 5: 2 risico's, Kritiek"]
    ]) {
      const { unmount } = render(<Risks projectService={projects} services={{ risks: new FakeRisks(demo) }} strings={riskStrings(locale)} common={commonStrings(locale)} locale={locale} />);
      expect(await screen.findByRole('heading', { name: title })).toBeTruthy();
      // The choices are read after the first render.
      fireEvent.click(await screen.findByRole('combobox'));
      fireEvent.click(await screen.findByRole('option', { name: 'PMO-001 · Ny kundportal' }));
      expect(await screen.findByRole('button', { name: (name: string) => name.endsWith(cell) })).toBeTruthy();
      unmount();
    }
  });
});
