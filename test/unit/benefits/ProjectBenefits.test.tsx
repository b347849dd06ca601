/**
 * A project's benefits in the register's details panel: each with its measured value against its
 * target; from the closing phase on, how many are not yet realised and go to their owners.
 */
import * as path from 'path';
import * as React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import ProjectBenefits from '../../../src/webparts/projectRegister/components/ProjectBenefits';
import type { Benefit } from '../../../src/model/benefits';
import type { Project } from '../../../src/model/portfolio';
import { format } from '../../../src/components/text';
import { formatLocaleNumber } from '../../../src/components/localeNumber';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });
const ROOT = path.resolve(__dirname, '../../..');
const strings = (locale: string): IProjectRegisterWebPartStrings => loadAmdFile(path.join(ROOT, 'src/webparts/projectRegister/loc', `${locale}.js`)) as IProjectRegisterWebPartStrings;
const common = (locale: string): IPmoHubCommonStrings => loadAmdFile(path.join(ROOT, 'src/common/loc', `${locale}.js`)) as IPmoHubCommonStrings;

const benefits: Benefit[] = [
  { id: 1, title: 'Lägre uppvärmningskostnad', project: { id: 4, title: 'Fjärrvärme' }, category: 'Financial', unit: 'kr', baseline: 0, target: 240000, status: 'Planned', owner: { id: 3, title: 'Karin Holm', email: '' } },
  { id: 2, title: 'Lägre CO₂e', project: { id: 4, title: 'Fjärrvärme' }, category: 'Strategic', unit: 't', baseline: 85, target: 10, actual: 21.25, status: 'OnTrack' },
  { id: 3, title: 'Klar', project: { id: 4, title: 'Fjärrvärme' }, category: 'Quality', unit: '%', target: 100, actual: 100, status: 'Realised' }
];
const project = (phase: Project['phase']): Project => ({ id: 4, code: 'PMO-004', title: 'Fjärrvärme', phase, criteriaScores: {}, strategicObjectives: [] } as Project);

it('at closing: the open benefits first, how many go to their owners, each with its value against its target', async () => {
  const s = strings('sv-se');
  const c = common('sv-se');
  render(<ProjectBenefits reader={() => Promise.resolve({ forProject: (id: number) => Promise.resolve(benefits.filter((b) => b.project.id === id)) })}
    project={project('Closing')} strings={s} common={c} locale="sv-SE" />);
  await screen.findByRole('heading', { name: s.BenefitsHeading });
  await waitFor(() => expect(document.body.textContent).toContain(format(s.BenefitsHandover, c.PhaseClosing, 2)));
  const items = screen.getAllByRole('listitem').map((li) => li.textContent);
  expect(items[0]).toContain(format(s.BenefitLine, 'Lägre uppvärmningskostnad', s.BenefitNotMeasured, formatLocaleNumber(240000, 'sv-SE'), 'kr', s.BenefitStatusPlanned));
  expect(items[0]).toContain(format(s.BenefitOwnerLine, 'Karin Holm'));
  expect(items[1]).toContain(format(s.BenefitLine, 'Lägre CO₂e', '21,25', '10', 't', s.BenefitStatusOnTrack));
  expect(items[1]).toContain('85 %');
  expect(items[1]).toContain(format(s.BenefitOwnerLine, s.BenefitNoOwner));
  expect(items[2]).toContain('Klar');
});

it('during execution: no handover; a project without benefits says so', async () => {
  const s = strings('en-us');
  render(<ProjectBenefits reader={() => Promise.resolve({ forProject: () => Promise.resolve([]) })} project={project('Execution')} strings={s} common={common('en-us')} locale="en-US" />);
  await screen.findByText(s.BenefitsNone);
  expect(document.body.textContent).not.toContain('phase');
});
