import * as React from 'react';
import * as path from 'path';
import { render, screen, fireEvent } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import ProjectRegister from '../../../src/webparts/projectRegister/components/ProjectRegister';
import type { IProjectService } from '../../../src/services/ProjectService';
import type { Project } from '../../../src/model/portfolio';
import type { PersonRef } from '../../../src/model/common';
import { drillDownOf, drillDownUrl } from '../../../src/webparts/portfolio/shared/drillDown';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });

const root = path.resolve(__dirname, '../../..');
const strings = loadAmdFile(path.join(root, 'src/webparts/projectRegister/loc/en-us.js')) as IProjectRegisterWebPartStrings;
const common = loadAmdFile(path.join(root, 'src/common/loc/en-us.js')) as IPmoHubCommonStrings;
const me: PersonRef = { id: 9, title: 'Sanne de Vries', email: 'sanne.devries@contoso.com' };

function project(id: number, over: Partial<Project>): Project {
  return { id, code: `PMO-${id}`, title: `Project ${id}`, phase: 'Execution', strategicObjectives: [], criteriaScores: {}, ...over };
}

const projects: Project[] = [
  project(1, { unit: 'IT', latestOverall: 'Red', latestReportDate: '2026-11-10' }),
  project(2, { unit: 'IT', latestOverall: 'Red', latestReportDate: '2026-08-01' }),
  project(3, { unit: 'HR', latestOverall: 'Red', latestReportDate: '2026-08-01' }),
  project(4, { unit: 'IT', latestOverall: 'Green', latestReportDate: '2026-11-10' })
];

const service: IProjectService = {
  loadProjects: async () => projects,
  getProject: async (id: number) => projects.find((p) => p.id === id) as Project,
  currentUser: async () => me
};

/** The register as a KPI tile's link opens it: the query string of that link. */
function openFrom(link: string, onClear: () => void): void {
  render(
    <ProjectRegister service={service} strings={strings} common={common} locale="en-US" pageSize={50} staleDays={30}
      today={new Date('2026-11-15T00:00:00Z')} drillDown={drillDownOf(link.slice(link.indexOf('?')))} onClearDrillDown={onClear} />
  );
}

describe('ProjectRegister opened from a portfolio KPI tile', () => {
  it('applies the portfolio filter, says so, and clears it on request', async () => {
    const cleared = jest.fn();
    openFrom(drillDownUrl('/sites/pmo/SitePages/Projects.aspx', { version: 1, units: ['IT'], overall: ['Red'] }), cleared);
    expect(await screen.findByText('2 of 4 projects')).toBeTruthy();
    // Fluent's MessageBar renders its text a moment later (so screen readers announce it).
    expect(await screen.findByText('A filter from the portfolio overview is applied.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear portfolio filter' }));
    expect(screen.getByText('4 of 4 projects')).toBeTruthy();
    expect(screen.queryByText('A filter from the portfolio overview is applied.')).toBeNull();
    expect(cleared).toHaveBeenCalledTimes(1);
  });

  it('shows only the stale projects from the stale-reports tile, and says what it left out', async () => {
    openFrom(drillDownUrl('/p.aspx', { version: 1, units: ['IT'], period: { from: '2026-01-01' } }, 'stale'), () => undefined);
    expect(await screen.findByText('1 of 4 projects')).toBeTruthy();
    expect(await screen.findByText('Only projects without a published report for more than 30 days.')).toBeTruthy();
    expect(screen.getByText(/has no register filter and is not applied here/)).toBeTruthy();
  });

  it('opens unfiltered without a drill-down', async () => {
    openFrom('/p.aspx?other=1', () => undefined);
    expect(await screen.findByText('4 of 4 projects')).toBeTruthy();
    expect(screen.queryByText('A filter from the portfolio overview is applied.')).toBeNull();
  });
});
