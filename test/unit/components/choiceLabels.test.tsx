// Stored choice values are stable English keys; on a Swedish, Danish or Dutch page every one of
// them is shown in that language (issue 11: risk statuses stayed "Open"/"Mitigating").
import * as path from 'path';
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import PortfolioRiskHeatMap from '../../../src/webparts/portfolio/riskHeatMap/components/PortfolioRiskHeatMap';
import { RiskRegister } from '../../../src/webparts/risks/components/RiskRegister';
import ExpertDirectory from '../../../src/webparts/community/experts/components/ExpertDirectory';
import { StatusPill } from '../../../src/components/StatusPill';
import { ragLabels } from '../../../src/components/labels';
import type { IPortfolioService } from '../../../src/services/PortfolioService';
import type { IExpertService } from '../../../src/services/ExpertService';
import type { ISparringRequestService } from '../../../src/services/SparringRequestService';
import type { PmoExpert } from '../../../src/model';
import type { Project } from '../../../src/model/portfolio';
import { loadAmdFile } from '../loc/amd';
import { FakeRisks, risk, riskStrings } from '../risks/fakes';
import { FakeRights, commonStrings } from '../statusReports/fakes';

initializeIcons(undefined, { disableWarnings: true });
jest.setTimeout(60000);

const LOCALES = ['sv-se', 'da-dk', 'nl-nl'] as const;
const strings = <T,>(folder: string, locale: string): T => loadAmdFile(path.resolve(__dirname, `../../../src/webparts/${folder}/${locale}.js`)) as T;

/** Every text node on its own: textContent would glue "Lars Nielsen" and "Available" into one word. */
function textOf(root: HTMLElement): string {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.textContent ?? '');
  return parts.join(' ');
}

/** English choice keys that must not show on a page in another language (where the translation differs). */
function expectNoRaw(text: string, raw: Record<string, string>): void {
  for (const [key, translated] of Object.entries(raw)) {
    // Keys are letters only, and the words of the page are compared whole.
    if (translated.toLowerCase() !== key.toLowerCase()) expect(text.split(/[^\p{L}]+/u)).not.toContain(key);
  }
}

const PROJECT: Project = { id: 1, code: 'P-1', title: 'Ny kundportal', phase: 'Execution', strategicObjectives: [], criteriaScores: {}, etag: '"1"' };
const portfolio: IPortfolioService = { loadProjects: () => Promise.resolve([PROJECT]), invalidate: () => undefined };

describe.each(LOCALES)('choices on a %s page', (locale) => {
  const c = commonStrings(locale);

  it('the portfolio heat map lists risk statuses in the page\'s language', async () => {
    const s = strings<IPortfolioPlanningWebPartStrings>('portfolio/loc-planning', locale);
    const risks = [risk(1, { title: 'Vendor fails', status: 'Open' }), risk(2, { title: 'Architect leaves', status: 'Mitigating' })];
    const { container } = render(<PortfolioRiskHeatMap portfolio={portfolio} risks={{ openRisks: () => Promise.resolve(risks) }} filter={{ version: 1 }} strings={s} common={c} locale={locale} />);
    const row = (await screen.findByText('Architect leaves')).closest('tr') as HTMLElement;
    expect(within(row).getByText(c.RiskStatusMitigating)).toBeTruthy();
    expect(within((screen.getByText('Vendor fails').closest('tr') as HTMLElement)).getByText(c.RiskStatusOpen)).toBeTruthy();
    expectNoRaw(textOf(container), { Mitigating: c.RiskStatusMitigating, Execution: c.PhaseExecution });
  });

  it('the risk register shows every risk status in the page\'s language', async () => {
    const s = riskStrings(locale);
    const all = [risk(1, { status: 'Open' }), risk(2, { status: 'Mitigating' }), risk(3, { status: 'Accepted' }), risk(4, { status: 'Closed' })];
    const { container } = render(<RiskRegister project={{ id: 1, title: 'Ny kundportal' }} services={{ risks: new FakeRisks(all), editing: new FakeRights() }} strings={s} common={c} locale={locale} />);
    await screen.findByText('Risk 1');
    const grid = screen.getByRole('grid');
    for (const label of [s.StatusOpen, s.StatusMitigating, s.StatusAccepted, s.StatusClosed]) expect(within(grid).getAllByText(label).length).toBeGreaterThan(0);
    // One term per concept: the risk web part and the portfolio say the same.
    expect([s.StatusOpen, s.StatusMitigating, s.StatusAccepted, s.StatusClosed]).toEqual([c.RiskStatusOpen, c.RiskStatusMitigating, c.RiskStatusAccepted, c.RiskStatusClosed]);
    expectNoRaw(textOf(container), { Mitigating: s.StatusMitigating, Accepted: s.StatusAccepted, Closed: s.StatusClosed });
  });

  it('Amber is shown with its icon and its word', () => {
    const labels = ragLabels(c);
    const { container } = render(<StatusPill status="Amber" labels={labels} dimension="Overall" />);
    expect(screen.getByText(labels.Amber)).toBeTruthy();
    expect(container.querySelector('[data-icon-name="WarningSolid"]')).not.toBeNull();
    expect(labels.Amber).not.toBe('Amber');
  });

  it('expert cards show availability and competencies in the page\'s language', async () => {
    const s = strings<ICommunityWebPartStrings>('community/loc', locale);
    const experts: PmoExpert[] = [
      { id: 1, title: 'Lars Nielsen', person: { id: 11, title: 'Lars Nielsen', email: 'lars@contoso.com' }, competencies: ['SteeringGroups', 'RiskManagement'], certifications: ['PRINCE2'], external: false, availability: 'Available' },
      { id: 2, title: 'Pieter Jansen', person: { id: 12, title: 'Pieter Jansen', email: 'pieter@contoso.com' }, competencies: ['BenefitsRealisation'], certifications: [], external: true, availability: 'Limited' }
    ];
    const service: IExpertService = { list: () => Promise.resolve(experts), profiles: () => Promise.resolve({ byEmail: {}, failed: false }) };
    const sparring = { mine: () => Promise.resolve([]), assignedToMe: () => Promise.resolve([]), open: () => Promise.resolve([]), canManage: () => Promise.resolve(false), timeZone: () => Promise.resolve({ iana: 'UTC', description: '(UTC) Coordinated Universal Time' }) } as unknown as ISparringRequestService;
    const { container } = render(<ExpertDirectory experts={service} sparring={sparring} strings={s} common={c} locale={locale} />);
    await screen.findByText('Lars Nielsen');
    const text = textOf(container);
    for (const label of [s.AvailabilityAvailable, s.AvailabilityLimited, s.CompetencySteeringGroups, s.CompetencyRiskManagement, s.CompetencyBenefitsRealisation]) expect(text).toContain(label);
    expectNoRaw(text, { SteeringGroups: s.CompetencySteeringGroups, RiskManagement: s.CompetencyRiskManagement, BenefitsRealisation: s.CompetencyBenefitsRealisation, Available: s.AvailabilityAvailable, Limited: s.AvailabilityLimited });
  });
});
