import * as path from 'path';
import * as React from 'react';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import Prioritisation from '../../../src/webparts/portfolio/prioritisation/components/Prioritisation';
import type { IPrioritisationService, PrioritisationData, PrioritisationRights } from '../../../src/services/PrioritisationService';
import type { IPortfolioService } from '../../../src/services/PortfolioService';
import type { CriteriaScores, PrioritisationCriterion, Project, ProjectPriority } from '../../../src/model/portfolio';
import type { NewItem } from '../../../src/model/common';
import { ValidationError } from '../../../src/services/errors';
import { loadAmdFile } from '../loc/amd';
import { commonStrings } from '../statusReports/fakes';

initializeIcons(undefined, { disableWarnings: true });
jest.setTimeout(30000);

const s = loadAmdFile(path.resolve(__dirname, '../../../src/webparts/portfolio/loc-planning/en-us.js')) as IPortfolioPlanningWebPartStrings;
const c = commonStrings();

const project = (id: number, code: string, scores: CriteriaScores): Project =>
  ({ id, code, title: `Project ${code}`, phase: 'Execution', strategicObjectives: [], criteriaScores: scores, etag: '"1"' });

/**
 * The portfolio's projects as the project items would give them if their leaders had written the
 * retired score columns by hand: top marks everywhere. The view must rank by Project Priorities.
 */
class FakePortfolio implements IPortfolioService {
  public constructor(private readonly projects: Project[]) {}
  public loadProjects(): Promise<Project[]> { return Promise.resolve(this.projects.map((p) => ({ ...p, criteriaScores: { 1: 5, 2: 5 }, priorityScore: 100 }))); }
  public invalidate(): void { /* nothing shared in a test */ }
}

class FakePrioritisation implements IPrioritisationService {
  public saved: Array<PrioritisationCriterion | NewItem<PrioritisationCriterion>> = [];
  /** @param scored the PMO's scores, as Project Priorities holds them: one item per scored project. */
  public constructor(private list: PrioritisationCriterion[], private readonly granted: PrioritisationRights, private readonly scored: Project[] = projects) {}
  public load(): Promise<PrioritisationData> {
    return Promise.all([this.criteria(), this.priorities(), this.rights()]).then(([criteria, priorities, rights]) => ({ criteria, priorities, rights }));
  }
  public priorities(): Promise<ProjectPriority[]> {
    return Promise.resolve(this.scored.filter((p) => Object.keys(p.criteriaScores ?? {}).length > 0)
      .map((p) => ({ id: 1000 + p.id, etag: '"1"', project: { id: p.id, title: p.title }, criteriaScores: p.criteriaScores ?? {} })));
  }
  public priorityOf(id: number): Promise<ProjectPriority | undefined> { return this.priorities().then((all) => all.find((p) => p.project.id === id)); }
  public rights(): Promise<PrioritisationRights> { return Promise.resolve(this.granted); }
  public criteria(): Promise<PrioritisationCriterion[]> { return Promise.resolve(this.list); }
  public saveCriterion(x: PrioritisationCriterion | NewItem<PrioritisationCriterion>): Promise<PrioritisationCriterion> {
    if (x.weight > 100) return Promise.reject(new ValidationError({ weight: 'tooLarge' }));
    this.saved.push(x);
    const saved = { ...(x as PrioritisationCriterion), etag: '"2"' };
    this.list = this.list.map((y) => (y.id === saved.id ? saved : y));
    return Promise.resolve(saved);
  }
  public saveScores(p: Project, scores: CriteriaScores): Promise<Project> { return Promise.resolve({ ...p, criteriaScores: scores }); }
}

const criteria: PrioritisationCriterion[] = [
  { id: 1, title: 'Strategic alignment', weight: 60, scale: 5, active: true, etag: '"1"' },
  { id: 2, title: 'Effort', weight: 40, scale: 5, active: true, etag: '"1"' }
];
// A: strong alignment, big effort; B: weak alignment, small effort.
const projects = [project(1, 'A', { 1: 5, 2: 1 }), project(2, 'B', { 1: 1, 2: 5 }), project(3, 'C', {})];

function mount(rights: PrioritisationRights): FakePrioritisation {
  const service = new FakePrioritisation(criteria, rights);
  render(<Prioritisation portfolio={new FakePortfolio(projects)} service={service} filter={{ version: 1 }} strings={s} common={c} locale="en-US" easeCriteria="Effort" />);
  return service;
}

const firstRanked = (): string => within(screen.getByRole('table', { name: 'Ranked projects' })).getAllByRole('rowheader')[0].textContent ?? '';

describe('Prioritisation', () => {
  it('ranks by weighted score with each criterion\'s points; unscored last; a visitor gets no commands', async () => {
    mount({ editCriteria: false, scoreProjects: false });
    const table = await screen.findByRole('table', { name: 'Ranked projects' });
    expect(within(table).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['A Project A', 'B Project B', 'C Project C']);
    expect(within(table).getByText('Strategic alignment: 5 of 5 = 60 points; Effort: 1 of 5 = 8 points')).toBeTruthy();
    expect(within(table).getAllByText('Not scored').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Score / })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add criterion' })).toBeNull();
  });

  it('a PMO member changes a weight and the ranking follows; a bad weight is refused at the field', async () => {
    const service = mount({ editCriteria: true, scoreProjects: true });
    await screen.findByRole('table', { name: 'Ranked projects' });
    expect(firstRanked()).toBe('A Project A');
    expect(screen.getAllByRole('button', { name: /^Score / })).toHaveLength(3);

    fireEvent.click(screen.getByRole('button', { name: 'Edit Strategic alignment' }));
    const weight = await screen.findByLabelText('Weight (0–100)', { exact: false, selector: 'input' }) as HTMLInputElement;
    fireEvent.change(weight, { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a number from 0 to 100, with at most one decimal.')).toBeTruthy();
    expect(weight.value).toBe('150');
    // Two decimals are refused at the field, not rounded on the way to SharePoint.
    fireEvent.change(weight, { target: { value: '12.25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(weight.value).toBe('12.25'));
    // Typing clears the field's message and the save's validation shows it again: wait for it, not the first frame.
    expect(await screen.findByText('Enter a number from 0 to 100, with at most one decimal.')).toBeTruthy();
    expect(service.saved).toHaveLength(0);

    fireEvent.change(weight, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(firstRanked()).toBe('B Project B'));
    expect(service.saved).toEqual([expect.objectContaining({ id: 1, weight: 10, etag: '"1"' })]);
  });

  it('shows the first 10 ranked projects of a long portfolio, all on request, and back', async () => {
    const many = Array.from({ length: 23 }, (_, i) => project(100 + i, `P${String(i + 1).padStart(2, '0')}`, { 1: (i % 5) + 1, 2: 3 }));
    render(<Prioritisation portfolio={new FakePortfolio(many)} service={new FakePrioritisation(criteria, { editCriteria: false, scoreProjects: false }, many)}
      filter={{ version: 1 }} strings={s} common={c} locale="en-US" easeCriteria="Effort" />);
    const table = await screen.findByRole('table', { name: 'Ranked projects' });
    expect(within(table).getAllByRole('rowheader')).toHaveLength(10);
    const more = screen.getByRole('button', { name: 'Show all 23' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.getAttribute('aria-controls')).toBe(table.id);
    fireEvent.click(more);
    expect(within(table).getAllByRole('rowheader')).toHaveLength(23);
    const fewer = screen.getByRole('button', { name: 'Show the first 10 only' });
    expect(fewer.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(fewer);
    expect(within(table).getAllByRole('rowheader')).toHaveLength(10);
  });
});
