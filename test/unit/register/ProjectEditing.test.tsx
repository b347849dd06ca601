import * as React from 'react';
import * as path from 'path';
import { render, screen, fireEvent, waitFor, within, act, configure } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import ProjectRegister from '../../../src/webparts/projectRegister/components/ProjectRegister';
import type { IProjectService } from '../../../src/services/ProjectService';
import type { EditRights, IPeopleService, IProjectEditingService } from '../../../src/services/editing';
import { ConflictError, ValidationError } from '../../../src/services/errors';
import type { Project, StrategicObjective } from '../../../src/model/portfolio';
import type { NewItem, PersonRef } from '../../../src/model/common';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });
// A full Fluent form in jsdom is slow to render; the waits below are for events, not time.
jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 5000 });

const root = path.resolve(__dirname, '../../..');
const strings = (l: string): IProjectRegisterWebPartStrings => loadAmdFile(path.join(root, `src/webparts/projectRegister/loc/${l}.js`)) as IProjectRegisterWebPartStrings;
const common = (l: string): IPmoHubCommonStrings => loadAmdFile(path.join(root, `src/common/loc/${l}.js`)) as IPmoHubCommonStrings;

const sanne: PersonRef = { id: 9, title: 'Sanne de Vries', email: 'sanne.devries@contoso.com' };
const kundportal: Project = { id: 1, etag: '"1"', code: 'PMO-001', title: 'Ny kundportal', phase: 'Execution', unit: 'Digital', leader: sanne, strategicObjectives: [], criteriaScores: {}, budget: 500000 };
const hr: Project = { id: 2, etag: '"1"', code: 'PMO-002', title: 'Vervanging HR-systeem', phase: 'Planning', strategicObjectives: [], criteriaScores: {} };

class FakeProjects implements IProjectService {
  public constructor(public projects: Project[]) {}
  public async loadProjects(): Promise<Project[]> { return this.projects; }
  public async getProject(id: number): Promise<Project> { return this.projects.find((p) => p.id === id) as Project; }
  public async currentUser(): Promise<PersonRef> { return sanne; }
}

type SaveBehaviour = (p: Project | NewItem<Project>, o?: { overwrite?: boolean }) => Project;
const ALL: EditRights = { projects: { add: true, edit: true }, statusReports: { add: true, edit: true }, risks: { add: true, edit: true, delete: true } };
const NONE: EditRights = { projects: { add: false, edit: false }, statusReports: { add: false, edit: false }, risks: { add: false, edit: false, delete: false } };

class FakeEditing implements IProjectEditingService {
  public saves: Array<{ project: Project | NewItem<Project>; options?: { overwrite?: boolean } }> = [];
  public behaviours: SaveBehaviour[] = [];
  public codeChecks: string[] = [];
  public constructor(public granted: EditRights = ALL, public taken: string[] = ['PMO-001', 'PMO-002']) {}
  public async rights(): Promise<EditRights> { return this.granted; }
  public async rightsForProject(): Promise<EditRights> { return this.granted; }
  public async saveProject(project: Project | NewItem<Project>, options?: { overwrite?: boolean }): Promise<Project> {
    this.saves.push({ project, options });
    const b = this.behaviours.shift();
    if (b) return b(project, options);
    return { ...(project as Project), id: (project as Project).id ?? 100, etag: '"2"' };
  }
  public async isCodeTaken(code: string, exceptId?: number): Promise<boolean> {
    this.codeChecks.push(code);
    return this.taken.some((t, i) => t.toLowerCase() === code.toLowerCase() && i + 1 !== exceptId);
  }
  public async strategicObjectives(): Promise<StrategicObjective[]> { return [{ id: 1, title: 'Growth', period: '2026' }]; }
}

class FakePeople implements IPeopleService {
  public ensured: string[] = [];
  public async search(): Promise<Array<{ email: string; displayName: string; jobTitle?: string }>> {
    return [{ email: 'anna.berg@contoso.com', displayName: 'Anna Berg', jobTitle: 'Project leader' }];
  }
  public async ensure(email: string): Promise<PersonRef> { this.ensured.push(email); return { id: 42, title: 'Anna Berg', email }; }
  public photoUrl(email: string): string { return `/photos/${email}`; }
}

function mount(editing: FakeEditing, people: IPeopleService = new FakePeople(), locale = 'en-us'): ReturnType<typeof render> {
  return render(
    <ProjectRegister service={new FakeProjects([kundportal, hr])} editing={editing} people={people} strings={strings(locale)} common={common(locale)}
      locale={locale} pageSize={50} staleDays={30} today={new Date('2026-11-15T00:00:00Z')} codeCheckDelay={0} />
  );
}

async function openNew(): Promise<HTMLElement> {
  await screen.findByText('Ny kundportal');
  fireEvent.click(await screen.findByRole('menuitem', { name: 'New project' }));
  return screen.findByRole('dialog', { name: 'New project' });
}

async function openEdit(title = 'Ny kundportal'): Promise<HTMLElement> {
  await screen.findByText(title);
  fireEvent.click(screen.getByRole('button', { name: `Open details of ${title}` }));
  const details = await screen.findByRole('dialog');
  fireEvent.click(await within(details).findByRole('button', { name: 'Edit' }));
  return screen.findByRole('dialog', { name: `Edit ${title}` });
}

const type = (panel: HTMLElement, label: string, value: string): void => {
  const input = within(panel).getByLabelText(label, { exact: false, selector: 'input, textarea' });
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};
const save = async (panel: HTMLElement): Promise<void> => {
  await act(async () => { fireEvent.click(within(panel).getByRole('button', { name: 'Save', hidden: true })); });
};

describe('ProjectRegister editing', () => {
  it('a visitor sees no New or Edit commands (export stays)', async () => {
    mount(new FakeEditing(NONE));
    await screen.findByText('Ny kundportal');
    expect(await screen.findByRole('menuitem', { name: 'Export' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'New project' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open details of Ny kundportal' }));
    const details = await screen.findByRole('dialog');
    await act(async () => { await Promise.resolve(); });
    expect(within(details).queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('a leader sees Edit on a project they lead, and no New project (the permission model)', async () => {
    mount(new FakeEditing({ ...NONE, projects: { add: false, edit: false, editLedBy: sanne.id } }));
    await screen.findByText('Ny kundportal');
    expect(await screen.findByRole('menuitem', { name: 'Export' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'New project' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open details of Ny kundportal' }));
    expect(await within(await screen.findByRole('dialog')).findByRole('button', { name: 'Edit' })).toBeTruthy();
  });

  it('a leader sees no Edit on a project someone else leads', async () => {
    mount(new FakeEditing({ ...NONE, projects: { add: false, edit: false, editLedBy: sanne.id + 1 } }));
    await screen.findByText('Ny kundportal');
    fireEvent.click(screen.getByRole('button', { name: 'Open details of Ny kundportal' }));
    const details = await screen.findByRole('dialog');
    await act(async () => { await Promise.resolve(); });
    expect(within(details).queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('creates a project: people resolved to site users, locale-aware amounts, objectives, and the list updated', async () => {
    const editing = new FakeEditing();
    const people = new FakePeople();
    mount(editing, people);
    const panel = await openNew();
    type(panel, 'Project code', 'PMO-100');
    type(panel, 'Project name', 'Datalager');
    type(panel, 'Budget', '1,200,000.50');
    type(panel, 'Project site URL', 'https://contoso.sharepoint.com/sites/datalager');
    const picker = within(panel).getByRole('combobox', { name: 'Project leader' });
    act(() => { (picker as HTMLInputElement).focus(); });
    (picker as HTMLInputElement).value = 'Anna';
    fireEvent.input(picker);
    fireEvent.click(await screen.findByText('Anna Berg', {}, { timeout: 3000 }));
    await save(panel);
    await waitFor(() => expect(editing.saves.length).toBe(1));
    expect(editing.saves[0].project).toMatchObject({
      code: 'PMO-100', title: 'Datalager', budget: 1200000.5, phase: 'Idea', leader: { id: 42, email: 'anna.berg@contoso.com' },
      siteUrl: { url: 'https://contoso.sharepoint.com/sites/datalager' }
    });
    expect('id' in editing.saves[0].project).toBe(false);
    expect(people.ensured).toEqual(['anna.berg@contoso.com']);
    expect(await screen.findByText('3 of 3 projects')).toBeTruthy();
  });

  it('nl: a date typed while the calendar is open, amounts with grouping, and an unreadable end date (issue 11)', async () => {
    const ns = strings('nl-nl');
    const nc = common('nl-nl');
    const editing = new FakeEditing();
    render(
      <ProjectRegister service={new FakeProjects([kundportal, hr])} editing={editing} people={new FakePeople()} strings={ns} common={nc}
        locale="nl-NL" pageSize={50} staleDays={30} today={new Date('2026-11-15T00:00:00Z')} codeCheckDelay={0} />
    );
    await screen.findByText('Ny kundportal');
    fireEvent.click(await screen.findByRole('menuitem', { name: ns.NewProject }));
    const panel = await screen.findByRole('dialog', { name: ns.NewProject });
    type(panel, ns.FieldCode, 'NL-001');
    type(panel, ns.FieldTitle, 'Waterschap "Oost" <b>🚰</b>');
    type(panel, ns.Budget, '1.250.000,50');
    type(panel, ns.Start, '01-01-2027');
    // The calendar of the end date is open while the date is typed.
    fireEvent.click(within(panel).getByRole('button', { name: `${nc.DateOpenCalendar}: ${ns.End}` }));
    expect(await screen.findByRole('dialog', { name: ns.End })).toBeTruthy();
    type(panel, ns.End, '31-02-2027');
    await act(async () => { fireEvent.click(within(panel).getByRole('button', { name: ns.Save, hidden: true })); });
    expect(editing.saves.length).toBe(0);
    expect((await within(panel).findAllByText(nc.DateInvalid.replace('{0}', '15-01-2027'))).length).toBeGreaterThan(0);
    type(panel, ns.End, '15-01-2027');
    await act(async () => { fireEvent.click(within(panel).getByRole('button', { name: ns.Save, hidden: true })); });
    await waitFor(() => expect(editing.saves.length).toBe(1));
    expect(editing.saves[0].project).toMatchObject({
      code: 'NL-001', title: 'Waterschap "Oost" <b>🚰</b>', budget: 1250000.5, startDate: '2027-01-01', endDate: '2027-01-15'
    });
  });

  it('refuses an invalid form with field-level messages and sends nothing', async () => {
    const editing = new FakeEditing();
    mount(editing);
    const panel = await openNew();
    type(panel, 'Budget', '-5');
    type(panel, 'Actual cost', 'lots');
    type(panel, 'Project site URL', ['javascript', 'alert(1)'].join(':'));
    await save(panel);
    expect(within(panel).getAllByText('Required.').length).toBe(2);
    expect(within(panel).getByText('Must not be negative.')).toBeTruthy();
    expect(within(panel).getByText('Enter a number, for example 1,200,000.5.')).toBeTruthy();
    expect(within(panel).getByText('Enter a full address starting with http:// or https://.')).toBeTruthy();
    expect(within(panel).getByText('Correct the marked fields before saving.')).toBeTruthy();
    expect(editing.saves.length).toBe(0);
  });

  it('says at once when the code is taken, and will not save it', async () => {
    const editing = new FakeEditing();
    mount(editing);
    const panel = await openNew();
    fireEvent.change(within(panel).getByLabelText('Project code', { exact: false, selector: 'input' }), { target: { value: 'pmo-002' } });
    expect(await within(panel).findByText('Another project already uses the code pmo-002.')).toBeTruthy();
    type(panel, 'Project name', 'Dubbel');
    await save(panel);
    expect(editing.saves.length).toBe(0);
  });

  it('shows the service\'s field messages (ValidationError)', async () => {
    const editing = new FakeEditing();
    editing.behaviours.push(() => { throw new ValidationError({ title: 'The server refused this name.' }); });
    mount(editing);
    const panel = await openEdit();
    type(panel, 'Project name', 'Nytt namn');
    await save(panel);
    expect(await within(panel).findByText('The server refused this name.')).toBeTruthy();
  });

  it('a failed save keeps everything typed and shows the error; the retry sends it', async () => {
    const editing = new FakeEditing();
    editing.behaviours.push(() => { throw new TypeError('Failed to fetch'); });
    mount(editing);
    const panel = await openEdit();
    type(panel, 'Project name', 'Ny kundportal 2.0');
    type(panel, 'Description', 'Kept <b>text</b>');
    await save(panel);
    expect(await within(panel).findByText('The project could not be saved. The connection to SharePoint was lost. Check your network connection, then try again. Nothing you typed is lost.')).toBeTruthy();
    expect((within(panel).getByLabelText('Project name', { exact: false, selector: 'input' }) as HTMLInputElement).value).toBe('Ny kundportal 2.0');
    expect((within(panel).getByLabelText('Description', { selector: 'textarea' }) as HTMLTextAreaElement).value).toBe('Kept <b>text</b>');
    await save(panel);
    await waitFor(() => expect(editing.saves.length).toBe(2));
    expect(editing.saves[1].project).toMatchObject({ id: 1, etag: '"1"', title: 'Ny kundportal 2.0', description: 'Kept <b>text</b>' });
    expect(await screen.findByRole('button', { name: 'Open details of Ny kundportal 2.0', hidden: true })).toBeTruthy();
  });

  const theirs: Project = { ...kundportal, etag: '"5"', title: 'Kundportalen', unit: 'Digital Services' };

  it('on a conflict shows mine against theirs; Reload takes theirs and keeps the panel open', async () => {
    const editing = new FakeEditing();
    editing.behaviours.push((p) => { throw new ConflictError<Project>(p as Project, theirs); });
    mount(editing);
    const panel = await openEdit();
    type(panel, 'Project name', 'Min portal');
    await save(panel);
    expect(await screen.findByText('Someone else changed this project')).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getByText('Min portal')).toBeTruthy();
    expect(within(table).getByText('Kundportalen')).toBeTruthy();
    expect(within(table).getByText('Digital Services')).toBeTruthy();
    expect(within(table).queryByText('PMO-001')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reload the saved version' }));
    await waitFor(() => expect((within(panel).getByLabelText('Project name', { exact: false, selector: 'input' }) as HTMLInputElement).value).toBe('Kundportalen'));
    expect(within(panel).getByText('The saved version is loaded. Review it and save again if you want to change it.')).toBeTruthy();
    expect(editing.saves.length).toBe(1);
    // The dialog's focus trap lets go once it has closed.
    await waitFor(() => expect(screen.queryByText('Someone else changed this project')).toBeNull());
    await save(panel);
    await waitFor(() => expect(editing.saves.length).toBe(2));
    expect(editing.saves[1].project).toMatchObject({ etag: '"5"', title: 'Kundportalen' });
    expect(editing.saves[1].options?.overwrite).toBeFalsy();
  });

  it('on a conflict Overwrite saves mine with overwrite: true', async () => {
    const editing = new FakeEditing();
    editing.behaviours.push((p) => { throw new ConflictError<Project>(p as Project, theirs); });
    mount(editing);
    const panel = await openEdit();
    type(panel, 'Project name', 'Min portal');
    await save(panel);
    await screen.findByText('Someone else changed this project');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Overwrite with mine' })); });
    await waitFor(() => expect(editing.saves.length).toBe(2));
    expect(editing.saves[1].options).toEqual({ overwrite: true });
    expect(editing.saves[1].project).toMatchObject({ id: 1, title: 'Min portal' });
    expect(await screen.findByRole('button', { name: 'Open details of Min portal', hidden: true })).toBeTruthy();
  });

  it('warns before closing with unsaved changes, and while the page could be left', async () => {
    const editing = new FakeEditing();
    mount(editing);
    const panel = await openEdit();
    type(panel, 'Project name', 'Ändrat');
    const leave = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leave);
    expect(leave.defaultPrevented).toBe(true);
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Discard your changes?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByText('Discard your changes?')).toBeNull());
    expect((within(panel).getByLabelText('Project name', { exact: false, selector: 'input' }) as HTMLInputElement).value).toBe('Ändrat');
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Ny kundportal' })).toBeNull());
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
    expect(editing.saves.length).toBe(0);
  });

  it('closes without asking when nothing changed, and speaks Swedish', async () => {
    mount(new FakeEditing(), new FakePeople(), 'sv-se');
    await screen.findByText('Ny kundportal');
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Nytt projekt' }));
    const panel = await screen.findByRole('dialog', { name: 'Nytt projekt' });
    expect(within(panel).getAllByText('Till exempel 1 200 000,5').length).toBe(3);
    fireEvent.click(within(panel).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nytt projekt' })).toBeNull());
  });
});
