// A second visit to the portfolio or the register shows what the browser read last time at once, says when it was read, and
// replaces it with the fresh read (only SharePoint's changes since) when that is in.
import * as React from 'react';
import * as path from 'path';
import { render, screen, act } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import KpiTiles from '../../../src/webparts/portfolio/kpiTiles/components/KpiTiles';
import ProjectRegister from '../../../src/webparts/projectRegister/components/ProjectRegister';
import type { IProjectService } from '../../../src/services/ProjectService';
import type { IPortfolioService } from '../../../src/services/PortfolioService';
import type { Project } from '../../../src/model/portfolio';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });

const root = path.resolve(__dirname, '../../..');
const common = loadAmdFile(path.join(root, 'src/common/loc/da-dk.js')) as IPmoHubCommonStrings;
const strings = loadAmdFile(path.join(root, 'src/webparts/portfolio/loc/da-dk.js')) as IPortfolioWebPartStrings;

function project(id: number): Project {
  return {
    id, etag: '"1"', code: `P-${id}`, title: `Projekt ${id}`, phase: 'Execution', strategicObjectives: [], criteriaScores: {},
    latestOverall: 'Green', latestReportDate: '2026-11-10'
  } as Project;
}

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((_resolve) => { resolve = _resolve; });
  return { promise, resolve };
}

function tiles(service: IPortfolioService): void {
  render(<KpiTiles service={service} filter={{ version: 1 }} strings={strings} common={common} locale="da-DK" staleDays={30} registerUrl="/sites/pmo/SitePages/Projects.aspx" today={new Date(Date.UTC(2026, 10, 15))} />);
}

function activeCount(): string {
  const label = screen.getByText(strings.KpiActive);
  return label.closest('a')!.textContent!;
}

describe('portfolio web parts on a second visit', () => {
  it('show the remembered projects with when they were read, then the fresh ones without the note', async () => {
    const fresh = deferred<Project[]>();
    const service: IPortfolioService = {
      loadProjects: () => fresh.promise,
      invalidate: () => undefined,
      rememberedProjects: async () => ({ projects: [project(1), project(2)], readAt: new Date(Date.UTC(2026, 10, 14, 13, 5)) })
    };
    tiles(service);
    const note = await screen.findByText(/Vises som læst/);
    expect(note.getAttribute('role')).toBe('status');
    // Danish date and time of the earlier read, in the sentence that says it is being checked.
    expect(note.textContent).toMatch(/^Vises som læst .*14\. nov\. 2026.*tjekker SharePoint for ændringer/);
    expect(activeCount()).toContain('2');

    await act(async () => { fresh.resolve([project(1), project(2), project(3)]); await fresh.promise; });
    expect(screen.queryByText(/Vises som læst/)).toBeNull();
    expect(activeCount()).toContain('3');
  });

  it('without a remembered read, wait for SharePoint as before and show no note', async () => {
    const service: IPortfolioService = { loadProjects: async () => [project(1)], invalidate: () => undefined, rememberedProjects: async () => undefined };
    tiles(service);
    await screen.findByText(strings.KpiActive);
    expect(activeCount()).toContain('1');
    expect(screen.queryByText(/Vises som læst/)).toBeNull();
  });
});

describe('the project register on a second visit', () => {
  const nl = loadAmdFile(path.join(root, 'src/common/loc/nl-nl.js')) as IPmoHubCommonStrings;
  const registerStrings = loadAmdFile(path.join(root, 'src/webparts/projectRegister/loc/nl-nl.js')) as IProjectRegisterWebPartStrings;

  it('lists the remembered projects with when they were read, then the fresh list', async () => {
    const fresh = deferred<Project[]>();
    const service: IProjectService = {
      loadProjects: () => fresh.promise,
      rememberedProjects: async () => ({ projects: [{ ...project(1), title: 'Oude naam' }], readAt: new Date(Date.UTC(2026, 10, 14, 9, 30)) }),
      getProject: async (id) => project(id),
      currentUser: async () => ({ id: 9, title: 'Sanne de Vries', email: 'sanne@contoso.com' })
    };
    render(<ProjectRegister service={service} strings={registerStrings} common={nl} locale="nl-NL" pageSize={50} staleDays={30} today={new Date('2026-11-15T00:00:00Z')} />);
    expect(await screen.findByText('Oude naam')).toBeTruthy();
    expect(screen.getByText(/^Getoond zoals gelezen op 14 nov\.? 2026/).getAttribute('role')).toBe('status');

    await act(async () => { fresh.resolve([{ ...project(1), title: 'Nieuwe naam' }, project(2)]); await fresh.promise; });
    expect(await screen.findByText('Nieuwe naam')).toBeTruthy();
    expect(screen.queryByText('Oude naam')).toBeNull();
    expect(screen.queryByText(/Getoond zoals gelezen/)).toBeNull();
  });
});
