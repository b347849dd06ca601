import * as React from 'react';
import * as path from 'path';
import { render, screen, fireEvent, within } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import ProjectRegister from '../../../src/webparts/projectRegister/components/ProjectRegister';
import type { IProjectService } from '../../../src/services/ProjectService';
import type { IProjectEditingService } from '../../../src/services/editing';
import type { Project } from '../../../src/model/portfolio';
import type { PersonRef } from '../../../src/model/common';
import { loadAmdFile } from '../loc/amd';
import { FakeRights, FakeStatusReports, VISITOR, reportStrings, report } from '../statusReports/fakes';
import { FakeRisks, riskStrings, risk } from '../risks/fakes';

initializeIcons(undefined, { disableWarnings: true });
jest.setTimeout(30_000);

const root = path.resolve(__dirname, '../../..');
const strings = loadAmdFile(path.join(root, 'src/webparts/projectRegister/loc/en-us.js')) as IProjectRegisterWebPartStrings;
const common = loadAmdFile(path.join(root, 'src/common/loc/en-us.js')) as IPmoHubCommonStrings;

const portal: Project = { id: 7, code: 'PMO-007', title: 'Ny kundportal', phase: 'Execution', strategicObjectives: [], criteriaScores: {} };
const projects: IProjectService = {
  loadProjects: async () => [portal],
  getProject: async () => portal,
  currentUser: async (): Promise<PersonRef> => ({ id: 9, title: 'Sanne de Vries', email: 'sanne.devries@contoso.com' })
};

function mount(): void {
  const rights = new FakeRights(VISITOR) as unknown as IProjectEditingService;
  render(
    <ProjectRegister service={projects} strings={strings} common={common} locale="en-us" pageSize={50} staleDays={30}
      controlLoop={{
        services: async () => ({
          statusReports: new FakeStatusReports([report(1, { project: { id: 7, title: portal.title }, summary: 'Vendor late', published: true })]),
          risks: new FakeRisks([risk(1, { project: { id: 7, title: portal.title }, title: 'Key supplier delivers late', probability: 4, impact: 5 })])
        }),
        editing: rights, statusStrings: reportStrings(), riskStrings: riskStrings()
      }} />
  );
}

describe('the register\'s details panel leads to the rest of the control loop', () => {
  it('opens the project\'s status reports', async () => {
    mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Open details of Ny kundportal' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Status reports' }));
    // The reporting services load on this first click (a chunk of their own), then the reports show.
    const summary = await screen.findByText('Vendor late', { exact: false });
    expect(summary.closest('[role="dialog"]')?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(within(screen.getByRole('dialog', { name: /PMO-007/ })).getByText('Vendor late', { exact: false })).toBe(summary);
  });

  it('opens the project\'s risk register with its heat map, read-only for a visitor', async () => {
    mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Open details of Ny kundportal' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Risks' }));
    await screen.findByText('Key supplier delivers late');
    const panel = screen.getByRole('dialog', { name: /PMO-007/ });
    expect(within(panel).getByText('Key supplier delivers late')).toBeTruthy();
    expect(within(panel).getByText('Heat map of open risks')).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: /add risk/i })).toBeNull();
  });
});
