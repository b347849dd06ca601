import * as React from 'react';
import * as path from 'path';
import { render, screen, fireEvent, waitFor, within, act } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import ProjectRegister from '../../../src/webparts/projectRegister/components/ProjectRegister';
import type { IProjectService } from '../../../src/services/ProjectService';
import type { Project } from '../../../src/model/portfolio';
import type { PersonRef } from '../../../src/model/common';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });

const root = path.resolve(__dirname, '../../..');
const strings = (locale: string): IProjectRegisterWebPartStrings =>
  loadAmdFile(path.join(root, `src/webparts/projectRegister/loc/${locale}.js`)) as IProjectRegisterWebPartStrings;
const common = (locale: string): IPmoHubCommonStrings => loadAmdFile(path.join(root, `src/common/loc/${locale}.js`)) as IPmoHubCommonStrings;

const sanne: PersonRef = { id: 9, title: 'Sanne de Vries', email: 'sanne.devries@contoso.com' };
function project(id: number, over: Partial<Project> = {}): Project {
  return { id, code: `PMO-${String(id).padStart(3, '0')}`, title: `Project ${id}`, phase: 'Execution', strategicObjectives: [], criteriaScores: {}, ...over };
}

class FakeProjectService implements IProjectService {
  public calls = 0;
  public constructor(public projects: Project[], public fail: Error[] = []) {}
  public async loadProjects(onProgress?: (n: number) => void): Promise<Project[]> {
    this.calls++;
    const e = this.fail.shift();
    if (e) throw e;
    onProgress?.(this.projects.length);
    return this.projects;
  }
  public async getProject(id: number): Promise<Project> {
    return this.projects.find((p) => p.id === id) as Project;
  }
  public async currentUser(): Promise<PersonRef> {
    return sanne;
  }
}

function mount(service: IProjectService, locale = 'en-us', pageSize = 50): ReturnType<typeof render> {
  return render(
    <ProjectRegister service={service} strings={strings(locale)} common={common(locale)} locale={locale} pageSize={pageSize} staleDays={30}
      today={new Date('2026-11-15T00:00:00Z')} />
  );
}

const demo: Project[] = [
  project(1, { title: 'Ny kundportal', unit: 'Digital Services', leader: sanne, latestOverall: 'Green', latestReportDate: '2026-11-10', description: '<img src=x onerror=alert(1)> plain text' }),
  project(2, { title: 'Vervanging HR-systeem', unit: 'HR', phase: 'Planning', latestOverall: 'Red', latestReportDate: '2026-08-01' }),
  project(3, { title: "O'Brien's <b>bold</b> idea", unit: 'HR', phase: 'Idea' })
];

describe('ProjectRegister', () => {
  it('shows loading, then every project with status as icon and text', async () => {
    mount(new FakeProjectService(demo));
    expect(screen.getByRole('status')).toBeTruthy();
    expect(await screen.findByText('Ny kundportal')).toBeTruthy();
    expect(screen.getByText('3 of 3 projects')).toBeTruthy();
    const grid = screen.getByRole('grid');
    expect(within(grid).getAllByText('Green').length).toBe(1);
    expect(within(grid).getAllByText('Red').length).toBe(1);
    expect(within(grid).getByText('No status')).toBeTruthy();
  });

  it('renders user text as text, never as HTML', async () => {
    const { container } = mount(new FakeProjectService(demo));
    expect(await screen.findByText("O'Brien's <b>bold</b> idea")).toBeTruthy();
    expect(container.querySelector('b')).toBeNull();
  });

  it('searches and says so when nothing matches, with a way back', async () => {
    mount(new FakeProjectService(demo));
    await screen.findByText('Ny kundportal');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'kundportal' } });
    expect(screen.getByText('1 of 3 projects')).toBeTruthy();
    expect(screen.queryByText('Vervanging HR-systeem')).toBeNull();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'no such thing' } });
    expect(screen.getByText('No project matches these filters.')).toBeTruthy();
    fireEvent.click(screen.getAllByText('Clear filters')[0]);
    expect(await screen.findByText('Vervanging HR-systeem')).toBeTruthy();
  });

  it('flags an overdue report and opens the details panel with the latest status', async () => {
    mount(new FakeProjectService(demo));
    await screen.findByText('Ny kundportal');
    expect(screen.getAllByText('(Report overdue)').length).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Open details of Vervanging HR-systeem' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('PMO-002 · Vervanging HR-systeem')).toBeTruthy();
    expect(within(dialog).getByText('Latest status')).toBeTruthy();
    expect(within(dialog).getByText('No published status report for more than 30 days')).toBeTruthy();
  });

  it('shows the PMO\'s priority score from Project Priorities in the details, not a value on the project item', async () => {
    // A value on the project item (a retired column a leader could write) must not show.
    const forged = [project(1, { title: 'Ny kundportal', priorityScore: 99 })];
    const asked: number[] = [];
    const priorities = {
      priorities: async () => [],
      priorityOf: async (id: number) => { asked.push(id); return { id: 40, project: { id, title: 'Ny kundportal' }, criteriaScores: { 1: 3 }, priorityScore: 61.5 }; }
    };
    render(<ProjectRegister service={new FakeProjectService(forged)} priorities={priorities} strings={strings('en-us')} common={common('en-us')} locale="en-us"
      pageSize={50} staleDays={30} today={new Date('2026-11-15T00:00:00Z')} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open details of Ny kundportal' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('61.5');
    expect(within(dialog).queryByText('99')).toBeNull();
    expect(asked).toEqual([1]);
  });

  it('"My projects" keeps what the signed-in user leads', async () => {
    mount(new FakeProjectService(demo));
    await screen.findByText('Ny kundportal');
    await waitFor(() => expect((screen.getByRole('switch') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('switch'));
    expect(screen.getByText('1 of 3 projects')).toBeTruthy();
  });

  it('pages through many projects', async () => {
    const many = Array.from({ length: 120 }, (_, i) => project(i + 1));
    mount(new FakeProjectService(many), 'en-us', 50);
    await screen.findByText('Project 1');
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Project 51')).toBeTruthy();
    expect(screen.queryByText('Project 1')).toBeNull();
  });

  it('says what a failed load means and what to do, never SharePoint\'s raw text, with a retry that works', async () => {
    const service = new FakeProjectService(demo, [new Error('Error making HttpClient request in queryable [404] Not Found ::> {"odata.error":{"code":"-1","message":{"lang":"en-US","value":"List does not exist."}}}')]);
    mount(service);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('What you asked for no longer exists: it may have been deleted or moved. Reload the page.')).toBeTruthy();
    expect(screen.queryByText(/List does not exist|HttpClient|404/)).toBeNull();
    // The web part keeps its title above the error.
    expect(screen.getByRole('heading', { name: 'Project register' })).toBeTruthy();
    await act(async () => { fireEvent.click(screen.getByText('Try again')); });
    expect(await screen.findByText('Ny kundportal')).toBeTruthy();
    expect(service.calls).toBe(2);
  });

  it('says when the register is empty', async () => {
    mount(new FakeProjectService([]));
    expect(await screen.findByText('There are no projects in the register yet.')).toBeTruthy();
  });

  it('speaks Swedish, Danish and Dutch', async () => {
    for (const [locale, title, phase] of [['sv-se', 'Projektregister', 'Genomförande'], ['da-dk', 'Projektregister', 'Gennemførelse'], ['nl-nl', 'Projectregister', 'Uitvoering']]) {
      const { unmount } = mount(new FakeProjectService(demo), locale);
      expect(await screen.findByText('Ny kundportal')).toBeTruthy();
      expect(screen.getByRole('heading', { name: title })).toBeTruthy();
      expect(within(screen.getByRole('grid')).getAllByText(phase).length).toBe(1);
      unmount();
    }
  });
});

