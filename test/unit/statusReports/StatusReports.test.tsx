import * as React from 'react';
import { render, screen, fireEvent, waitFor, within, act } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import StatusReports from '../../../src/webparts/statusReports/components/StatusReports';
import { ProjectStatusReports } from '../../../src/webparts/statusReports/components/ProjectStatusReports';
import { StatusReportPanel } from '../../../src/webparts/statusReports/components/StatusReportPanel';
import { ConflictError, ValidationError } from '../../../src/services/errors';
import type { Project, StatusReport } from '../../../src/model/portfolio';
import { FakeProjects, FakeRights, FakeStatusReports, VISITOR, commonStrings, project, report, reportStrings } from './fakes';

initializeIcons(undefined, { disableWarnings: true });
// Fluent in jsdom is slow on a shared machine: a journey through a whole form takes seconds.
jest.setTimeout(30000);

const s = reportStrings();
const c = commonStrings();
const today = new Date(2026, 10, 15);
const p1 = project(1, { title: 'Ny kundportal' });

function mountProject(reports: FakeStatusReports, rights: FakeRights = new FakeRights(), onProjectChanged?: (p: Project) => void, p: Project = p1): ReturnType<typeof render> {
  return render(
    <ProjectStatusReports project={p} services={{ statusReports: reports, editing: rights }} strings={s} common={c} locale="en-US" today={today} onProjectChanged={onProjectChanged} />
  );
}

const input = (label: string): HTMLInputElement => screen.getByLabelText(label, { exact: false, selector: 'input,textarea' }) as HTMLInputElement;
const type = (label: string, value: string): void => { fireEvent.change(input(label), { target: { value } }); };
const choose = (dimension: string, rag: string): void => { fireEvent.click(screen.getByRole('radio', { name: `${dimension}: ${rag}` })); };

const previous: StatusReport = report(7, {
  reportDate: '2026-11-01', overall: 'Amber', schedule: 'Red', cost: 'Green', scope: 'Green', risk: 'Amber',
  summary: 'Vendor is late', nextSteps: 'Escalate to steering group', percentComplete: 40, forecastCost: 1250000, forecastEnd: '2027-03-31'
});

describe('status reports of a project', () => {
  it('pre-fills a new report from the previous one', async () => {
    mountProject(new FakeStatusReports([previous]));
    fireEvent.click(await screen.findByRole('button', { name: 'New status report' }));
    expect(await screen.findByRole('heading', { name: 'New status report' })).toBeTruthy();
    expect(input('Report date').value).toBe('11/15/2026');
    expect(input('Summary').value).toBe('Vendor is late');
    expect(input('Next steps').value).toBe('Escalate to steering group');
    expect(input('Percent complete').value).toBe('40');
    expect(input('Forecast cost').value).toBe('1,250,000');
    expect(input('Forecast end').value).toBe('3/31/2027');
    expect((screen.getByRole('radio', { name: 'Schedule: Red' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Overall: Amber' }) as HTMLInputElement).checked).toBe(true);
  });

  it.each([
    ['da-dk', 'da-DK', '1.250.000,50', '15-01-2027', '15.01.2027'],
    ['nl-nl', 'nl-NL', '1.250.000,50', '15-01-2027', '15-01-2027'],
    ['sv-se', 'sv-SE', '1\u00a0250\u00a0000,50', '2027-01-15', '2027-01-15']
  ])('%s: a draft reopened and published keeps the typed amount, date and comments (issue 11)', async (file, locale, amount, typedDate, shownDate) => {
    const ls = reportStrings(file);
    const lc = commonStrings(file);
    const draft = report(8, { published: false, reportDate: '2026-11-10', summary: 'Draft', etag: '"8,1"', forecastCost: 1250000.5, percentComplete: 35 });
    const reports = new FakeStatusReports([draft, previous]);
    render(<ProjectStatusReports project={p1} services={{ statusReports: reports, editing: new FakeRights() }} strings={ls} common={lc} locale={locale} today={today} />);
    fireEvent.click(await screen.findByRole('button', { name: ls.ContinueDraft }));
    await screen.findByRole('heading', { name: ls.EditDraftHeading });
    expect(input(ls.ForecastCost).value).toBe(amount);
    fireEvent.change(input(ls.ReportDate), { target: { value: typedDate } });
    fireEvent.change(input(ls.ForecastEnd), { target: { value: '31-02-2027' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: ls.Publish })); });
    expect(reports.publishes).toHaveLength(0);
    expect((await screen.findAllByText(lc.DateInvalid.replace('{0}', shownDate))).length).toBeGreaterThan(0);
    fireEvent.change(input(ls.ForecastEnd), { target: { value: '' } });
    fireEvent.change(input(ls.DimensionComment.replace('{0}', ls.Schedule)), { target: { value: 'Vendor "late" 🚧 <b>' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: ls.Publish })); });
    expect(reports.publishes[0].report).toMatchObject({
      id: 8, reportDate: '2027-01-15', forecastCost: 1250000.5, percentComplete: 35, scheduleComment: 'Vendor "late" 🚧 <b>', forecastEnd: undefined
    });
  });

  it('refuses an incomplete report with field-level messages and calls no service', async () => {
    const reports = new FakeStatusReports([]);
    mountProject(reports);
    expect(await screen.findByText('No status report has been written for this project yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New status report' }));
    await screen.findByRole('heading', { name: 'New status report' });
    type('Percent complete', '140');
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Check 7 marked field(s) before saving.')).toBeTruthy();
    expect(screen.getAllByText('Choose Green, Amber or Red.')).toHaveLength(5);
    expect(screen.getByText('This field is required.')).toBeTruthy();
    expect(screen.getByText('Enter a whole number from 0 to 100.')).toBeTruthy();
    expect(reports.publishes).toHaveLength(0);
    expect(reports.drafts).toHaveLength(0);
    // Fixing a field clears its message.
    choose('Overall', 'Green');
    expect(screen.getAllByText('Choose Green, Amber or Red.')).toHaveLength(4);
  });

  it('publishes once with the values on screen and hands the saved project back', async () => {
    const reports = new FakeStatusReports([previous]);
    const changed = jest.fn();
    mountProject(reports, new FakeRights(), changed);
    fireEvent.click(await screen.findByRole('button', { name: 'New status report' }));
    await screen.findByRole('heading', { name: 'New status report' });
    choose('Overall', 'Green');
    choose('Risk', 'Red');
    type('Summary', "Vendor delivered; <b>O'Brien</b> signs off");
    type('Percent complete', '55');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Publish' })); });
    expect(reports.publishes).toHaveLength(1);
    const call = reports.publishes[0];
    expect(call.project).toBe(p1);
    expect(call.options).toEqual({ overwrite: false });
    expect(call.report).toEqual({
      project: { id: 1, title: 'Ny kundportal' }, reportDate: '2026-11-15',
      overall: 'Green', schedule: 'Red', cost: 'Green', scope: 'Green', risk: 'Red',
      summary: "Vendor delivered; <b>O'Brien</b> signs off", nextSteps: 'Escalate to steering group',
      percentComplete: 55, forecastCost: 1250000, forecastEnd: '2027-03-31', published: true
    });
    expect('id' in call.report).toBe(false);
    expect(await screen.findByText('Status report of Nov 15, 2026 published. The register shows the new status.')).toBeTruthy();
    expect(changed).toHaveBeenCalledWith(expect.objectContaining({ id: 1, latestOverall: 'Green', latestReportDate: '2026-11-15' }));
    expect(screen.queryByRole('heading', { name: 'New status report' })).toBeNull();
    await waitFor(() => expect(reports.historyCalls).toBe(2));
  });

  it('keeps what was typed when saving fails, and says why', async () => {
    const reports = new FakeStatusReports([previous]);
    reports.publishSteps.push(new Error('Retry count exceeded (3) for this request. 429: Too Many Requests;'));
    mountProject(reports);
    fireEvent.click(await screen.findByRole('button', { name: 'New status report' }));
    await screen.findByRole('heading', { name: 'New status report' });
    type('Summary', 'Typed with care');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Publish' })); });
    expect(await screen.findByText('The report was not saved; everything you typed is still here. SharePoint is busy and asked us to slow down. Wait a minute, then try again.')).toBeTruthy();
    expect(input('Summary').value).toBe('Typed with care');
  });

  it('shows the service\'s field errors', async () => {
    const reports = new FakeStatusReports([previous]);
    reports.publishSteps.push(new ValidationError({ summary: 'The summary is too long.', project: 'The project is closed.' }));
    mountProject(reports);
    fireEvent.click(await screen.findByRole('button', { name: 'New status report' }));
    await screen.findByRole('heading', { name: 'New status report' });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Publish' })); });
    expect(screen.getByText('The summary is too long.')).toBeTruthy();
    expect(await screen.findByText('The project is closed.')).toBeTruthy();
  });

  it('saves a draft, then a conflict offers reload: theirs replaces the form', async () => {
    const draft = report(8, { published: false, reportDate: '2026-11-10', summary: 'My draft', etag: '"8,1"' });
    const reports = new FakeStatusReports([draft, previous]);
    const theirs = { ...draft, etag: '"8,2"', summary: 'Their rewrite', overall: 'Red' as const };
    reports.draftSteps.push(new ConflictError<StatusReport>(draft, theirs));
    mountProject(reports);
    fireEvent.click(await screen.findByRole('button', { name: 'Continue the draft' }));
    await screen.findByRole('heading', { name: 'Draft status report' });
    type('Summary', 'My better draft');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Save draft' })); });
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Changed by someone else')).toBeTruthy();
    expect(within(dialog).getByText('My better draft')).toBeTruthy();
    expect(within(dialog).getByText('Their rewrite')).toBeTruthy();
    expect(reports.drafts[0].report).toMatchObject({ id: 8, etag: '"8,1"', summary: 'My better draft', published: false });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reload theirs' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(input('Summary').value).toBe('Their rewrite');
    expect((screen.getByRole('radio', { name: 'Overall: Red' }) as HTMLInputElement).checked).toBe(true);
    // The next save sends their ETag.
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Save draft' })); });
    expect(reports.drafts[1].report).toMatchObject({ id: 8, etag: '"8,2"' });
    expect(await screen.findByText('Draft of Nov 10, 2026 saved. It is not visible in the portfolio until you publish it.')).toBeTruthy();
  });

  it('a conflict on publish can overwrite: the same report again, with overwrite', async () => {
    const reports = new FakeStatusReports([previous]);
    const newer = { ...p1, etag: '"p1,5"', latestOverall: 'Red' as const, latestReportDate: '2026-11-14' };
    reports.publishSteps.push(new ConflictError<Project>(p1, newer));
    mountProject(reports);
    fireEvent.click(await screen.findByRole('button', { name: 'New status report' }));
    await screen.findByRole('heading', { name: 'New status report' });
    type('Summary', 'Mine wins');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Publish' })); });
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/latest status was changed by someone else/)).toBeTruthy();
    await act(async () => { fireEvent.click(within(dialog).getByRole('button', { name: 'Overwrite with mine' })); });
    expect(reports.publishes).toHaveLength(2);
    expect(reports.publishes[1].options).toEqual({ overwrite: true });
    expect(reports.publishes[1].report).toMatchObject({ summary: 'Mine wins' });
    expect(await screen.findByText(/published\. The register shows the new status\./)).toBeTruthy();
  });

  it('a project conflict on publish can reload the project and keep the report', async () => {
    const reports = new FakeStatusReports([previous]);
    const newer = { ...p1, etag: '"p1,5"', latestOverall: 'Red' as const };
    reports.publishSteps.push(new ConflictError<Project>(p1, newer));
    mountProject(reports);
    fireEvent.click(await screen.findByRole('button', { name: 'New status report' }));
    await screen.findByRole('heading', { name: 'New status report' });
    type('Summary', 'Keep me');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Publish' })); });
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Reload theirs' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(await screen.findByText('The project is reloaded; your report is unchanged. Publish again when ready.')).toBeTruthy();
    expect(input('Summary').value).toBe('Keep me');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Publish' })); });
    expect(reports.publishes[1].project.etag).toBe('"p1,5"');
    expect(reports.publishes[1].options).toEqual({ overwrite: false });
  });

  it('visitors see the history but no edit commands', async () => {
    mountProject(new FakeStatusReports([previous]), new FakeRights(VISITOR));
    expect(await screen.findByRole('grid')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New status report' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Continue the draft' })).toBeNull();
  });

  it('a project leader sees New only on a project she works on, whatever her list-wide rights (issue 13)', async () => {
    const rights = new FakeRights(undefined, [2]);
    const { unmount } = mountProject(new FakeStatusReports([previous]), rights);
    expect(await screen.findByRole('grid')).toBeTruthy();
    expect(rights.asked).toContain(1);
    expect(screen.queryByRole('button', { name: 'New status report' })).toBeNull();
    unmount();
    mountProject(new FakeStatusReports([previous]), new FakeRights(undefined, [1]));
    expect(await screen.findByRole('button', { name: 'New status report' })).toBeTruthy();
  });

  it('treats failing rights as read only', async () => {
    mountProject(new FakeStatusReports([previous]), { rightsForProject: async () => { throw new Error('403'); } } as unknown as FakeRights);
    expect(await screen.findByRole('grid')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New status report' })).toBeNull();
  });

  it('shows SharePoint\'s error with a retry that works', async () => {
    const reports = new FakeStatusReports([previous]);
    reports.historyFailures.push(new Error('Error making HttpClient request in queryable [404] Not Found ::> {"odata.error":{"message":{"value":"List does not exist."}}}'));
    mountProject(reports);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('What you asked for no longer exists: it may have been deleted or moved. Reload the page.')).toBeTruthy();
    expect(screen.queryByText(/List does not exist/)).toBeNull();
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Try again' })); });
    expect(await screen.findByRole('grid')).toBeTruthy();
    expect(reports.historyCalls).toBe(2);
  });

  it('draws the trend as colour and glyph per report, with a table for screen readers', async () => {
    const history = [
      report(1, { reportDate: '2026-09-01' }),
      report(2, { reportDate: '2026-09-15', overall: 'Amber', cost: 'Red' }),
      report(3, { reportDate: '2026-10-01', overall: 'Red' }),
      report(4, { reportDate: '2026-10-15', published: false })
    ];
    mountProject(new FakeStatusReports(history));
    await screen.findByRole('grid');
    const svg = screen.getByTestId('status-trend');
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    const dots = svg.querySelectorAll('g[data-status]');
    expect(dots).toHaveLength(15);
    expect(Array.from(dots).slice(0, 3).map((d) => d.getAttribute('data-status'))).toEqual(['Green', 'Amber', 'Red']);
    expect(Array.from(dots).slice(0, 3).map((d) => d.querySelector('text')?.textContent)).toEqual(['✓', '!', '✕']);
    expect(dots[0].querySelector('title')?.textContent).toBe('Overall, Sep 1, 2026: Green');
    const table = screen.getByRole('table', { name: 'Status per dimension in the last 3 published reports' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1]).getByRole('rowheader').textContent).toBe('Oct 1, 2026');
    expect(within(rows[1]).getAllByRole('cell').map((x) => x.textContent)).toEqual(['Red', 'Green', 'Green', 'Green', 'Green']);
    // The history lists drafts too, newest first.
    expect(within(screen.getByRole('grid')).getByText('Draft')).toBeTruthy();
  });
});

describe('the status reports web part', () => {
  const projects = [project(2, { code: 'PMO-002', title: 'Vervanging HR-systeem' }), p1];

  it('lets people choose a project and warns before dropping edits', async () => {
    const reports = new FakeStatusReports([previous, report(9, { project: { id: 2, title: 'Vervanging HR-systeem' }, summary: 'HR summary' })]);
    render(<StatusReports projectService={new FakeProjects(projects)} services={{ statusReports: reports, editing: new FakeRights() }} strings={s} common={c} locale="en-US" today={today} />);
    expect(await screen.findByText('Choose a project to see and write its status reports.')).toBeTruthy();
    fireEvent.click(screen.getByRole('combobox', { name: /^Project/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'PMO-001 · Ny kundportal' }));
    fireEvent.click(await screen.findByRole('button', { name: 'New status report' }));
    await screen.findByRole('heading', { name: 'New status report' });
    type('Summary', 'Unsaved words');
    fireEvent.click(screen.getByRole('combobox', { name: /^Project/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'PMO-002 · Vervanging HR-systeem' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Discard your changes?')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(input('Summary').value).toBe('Unsaved words');
    fireEvent.click(screen.getByRole('combobox', { name: /^Project/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'PMO-002 · Vervanging HR-systeem' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard changes' }));
    expect(await screen.findByText('HR summary')).toBeTruthy();
  });

  it('on a large list offers the projects the user leads and finds any other by the start of its code', async () => {
    // 600 projects (more than are offered whole), two of them led by the user (id 1).
    const many = Array.from({ length: 600 }, (_, i) => project(100 + i, { code: `BIG-${100 + i}`, title: `Big ${100 + i}`, leader: i % 300 === 5 ? { id: 1, title: 'Me', email: 'me@contoso.com' } : { id: 2, title: 'Other', email: 'other@contoso.com' } }));
    const service = new FakeProjects(many);
    const reports = new FakeStatusReports([report(9, { project: { id: 512, title: 'Big 512' }, summary: 'Found by code' })]);
    render(<StatusReports projectService={service} services={{ statusReports: reports, editing: new FakeRights() }} strings={s} common={c} locale="en-US" today={today} />);
    expect(await screen.findByText('The list shows the projects you lead. Find any other project by the start of its code.')).toBeTruthy();
    fireEvent.click(screen.getByRole('combobox', { name: /^Project/ }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['BIG-105 · Big 105', 'BIG-405 · Big 405']);
    fireEvent.click(screen.getByRole('option', { name: 'BIG-105 · Big 105' }));
    expect(await screen.findByRole('button', { name: 'New status report' })).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find a project by its code' }), { target: { value: 'big-51' } });
    await waitFor(() => expect(service.searches).toEqual(['big-51']), { timeout: 3000 });
    fireEvent.click(screen.getByRole('combobox', { name: /^Project/ }));
    // The found projects, and the chosen one still named.
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['BIG-105 · Big 105', 'BIG-510 · Big 510', 'BIG-511 · Big 511', 'BIG-512 · Big 512', 'BIG-513 · Big 513', 'BIG-514 · Big 514', 'BIG-515 · Big 515', 'BIG-516 · Big 516', 'BIG-517 · Big 517', 'BIG-518 · Big 518', 'BIG-519 · Big 519']);
    fireEvent.click(screen.getByRole('option', { name: 'BIG-512 · Big 512' }));
    expect(await screen.findByText('Found by code')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find a project by its code' }), { target: { value: 'nothing' } });
    expect(await screen.findByText('No project code starts with “nothing”.', undefined, { timeout: 3000 })).toBeTruthy();
    // The chosen project stays named in the dropdown while the search finds nothing.
    expect(screen.getByRole('combobox', { name: /^Project/ }).textContent).toContain('BIG-512 · Big 512');
  });

  it('shows a configured project without a choice, and a clear error when it is missing', async () => {
    const { unmount } = render(<StatusReports projectService={new FakeProjects(projects)} services={{ statusReports: new FakeStatusReports([previous]) }} strings={s} common={c} locale="en-US" projectId={1} />);
    expect(await screen.findByText('Vendor is late')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: /^Project/ })).toBeNull();
    unmount();
    render(<StatusReports projectService={new FakeProjects(projects)} services={{ statusReports: new FakeStatusReports([]) }} strings={s} common={c} locale="en-US" projectId={99} />);
    expect(await screen.findByText("Project 99 could not be loaded. Check the web part's project setting.")).toBeTruthy();
  });

  it('speaks Swedish, Danish and Dutch', async () => {
    for (const [locale, title, button] of [['sv-se', 'Statusrapporter', 'Ny statusrapport'], ['da-dk', 'Statusrapporter', 'Ny statusrapport'], ['nl-nl', 'Statusrapporten', 'Nieuw statusrapport']]) {
      const { unmount } = render(<StatusReports projectService={new FakeProjects(projects)} services={{ statusReports: new FakeStatusReports([previous]), editing: new FakeRights() }} strings={reportStrings(locale)} common={commonStrings(locale)} locale={locale} projectId={1} />);
      expect(await screen.findByRole('heading', { name: title })).toBeTruthy();
      expect(await screen.findByRole('button', { name: button })).toBeTruthy();
      unmount();
    }
  });
});

describe('StatusReportPanel', () => {
  it('opens for a project and asks before closing with edits', async () => {
    const onDismiss = jest.fn();
    render(<StatusReportPanel project={p1} services={{ statusReports: new FakeStatusReports([previous]), editing: new FakeRights() }} strings={s} common={c} locale="en-US" onDismiss={onDismiss} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New status report' }));
    await screen.findByRole('heading', { name: 'New status report' });
    type('Summary', 'Half done');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(await screen.findByText('Discard your changes?')).toBeTruthy();
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
