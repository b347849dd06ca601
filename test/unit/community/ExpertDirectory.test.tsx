import * as path from 'path';
import * as React from 'react';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import ExpertDirectory from '../../../src/webparts/community/experts/components/ExpertDirectory';
import type { ExpertProfiles, IExpertService } from '../../../src/services/ExpertService';
import type { ISparringRequestService, SparringDraft, SparringRequestView } from '../../../src/services/SparringRequestService';
import { ValidationError } from '../../../src/services/errors';
import type { SiteTimeZone } from '../../../src/services/siteTimeZone';
import { validateSparringDraft } from '../../../src/services/SparringRequestService';
import type { PmoExpert } from '../../../src/model';
import { loadAmdFile } from '../loc/amd';
import { commonStrings } from '../statusReports/fakes';

initializeIcons(undefined, { disableWarnings: true });
jest.setTimeout(60000);

const s = loadAmdFile(path.resolve(__dirname, '../../../src/webparts/community/loc/en-us.js')) as ICommunityWebPartStrings;
const c = commonStrings();

const EXPERTS: PmoExpert[] = [
  { id: 1, title: 'Lars Nielsen', person: { id: 11, title: 'Lars Nielsen', email: 'lars@contoso.com' }, competencies: ['SteeringGroups'], certifications: ['PRINCE2'], external: false, availability: 'Limited', bio: '<img src=x onerror="window.__pwned=1"> <b>Chairs</b> steering groups' },
  { id: 2, title: 'Pieter Jansen', person: { id: 12, title: 'Pieter Jansen', email: 'pieter@contoso.com' }, competencies: ['Agile'], certifications: ['PMI'], external: false, availability: 'Available' }
];

class FakeExperts implements IExpertService {
  public constructor(private readonly profilesAnswer: ExpertProfiles) {}
  public list(): Promise<PmoExpert[]> { return Promise.resolve(EXPERTS); }
  public profiles(): Promise<ExpertProfiles> { return Promise.resolve(this.profilesAnswer); }
}

class FakeSparring implements ISparringRequestService {
  public created: SparringDraft[] = [];
  public mine(): Promise<SparringRequestView[]> { return Promise.resolve([]); }
  public assignedToMe(): Promise<SparringRequestView[]> { return Promise.resolve([]); }
  public open(): Promise<SparringRequestView[]> { return Promise.resolve([]); }
  public canManage(): Promise<boolean> { return Promise.resolve(false); }
  public timeZone(): Promise<SiteTimeZone> { return Promise.resolve({ iana: 'Europe/Copenhagen', description: '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris' }); }
  public create(draft: SparringDraft): Promise<SparringRequestView> {
    const errors = validateSparringDraft(draft);
    if (Object.keys(errors).length) return Promise.reject(new ValidationError(errors));
    this.created.push(draft);
    return Promise.resolve({ id: 1, ...draft, requester: { id: 1, title: 'Me', email: 'me@contoso.com' }, status: 'New' });
  }
  public assign(): Promise<SparringRequestView> { throw new Error('not here'); }
  public schedule(): Promise<SparringRequestView> { throw new Error('not here'); }
  public complete(): Promise<SparringRequestView> { throw new Error('not here'); }
}

describe('ExpertDirectory', () => {
  it('a Graph failure leaves the directory usable without photos; a bio with HTML is text', async () => {
    const { container } = render(<ExpertDirectory experts={new FakeExperts({ byEmail: {}, failed: true })} sparring={new FakeSparring()} strings={s} common={c} locale="en-US" />);
    expect(await screen.findByText('2 of 2 experts')).toBeTruthy();
    expect(await screen.findByText(s.GraphUnavailable)).toBeTruthy();
    expect(screen.getByText('<img src=x onerror="window.__pwned=1"> <b>Chairs</b> steering groups')).toBeTruthy();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows Graph photos and titles, filters, and refuses a request without topic under its field', async () => {
    const sparring = new FakeSparring();
    const { container } = render(<ExpertDirectory experts={new FakeExperts({ byEmail: { 'lars@contoso.com': { jobTitle: 'Programme Manager', photoUrl: 'data:image/png;base64,iVBORw0KGgo=' } }, failed: false })} sparring={sparring} strings={s} common={c} locale="en-US" />);
    expect(await screen.findByText('2 of 2 experts')).toBeTruthy();
    await waitFor(() => expect(container.querySelector('img[src^="data:image/png"]')).not.toBeNull());
    fireEvent.change(screen.getByRole('searchbox', { name: s.SearchExperts }), { target: { value: 'programme' } });
    expect(await screen.findByText('1 of 2 experts')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ask for sparring: Lars Nielsen' }));
    fireEvent.click(await screen.findByRole('button', { name: s.SendRequest }));
    expect(await screen.findByText(s.ErrorRequired)).toBeTruthy();
    expect(sparring.created).toEqual([]);
    fireEvent.change(screen.getByRole('textbox', { name: /Topic/ }), { target: { value: 'Cutting scope' } });
    fireEvent.click(screen.getByRole('button', { name: s.SendRequest }));
    expect(await screen.findByText(/Your request "Cutting scope" was sent/)).toBeTruthy();
    expect(sparring.created).toEqual([expect.objectContaining({ title: 'Cutting scope', competency: 'SteeringGroups' })]);
  });

  it('asking Lars from his card stores Lars as the requested expert and the message as typed (issue 11)', async () => {
    const sparring = new FakeSparring();
    render(<ExpertDirectory experts={new FakeExperts({ byEmail: {}, failed: false })} sparring={sparring} strings={s} common={c} locale="nl-NL" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ask for sparring: Lars Nielsen' }));
    fireEvent.change(await screen.findByRole('textbox', { name: /Topic/ }), { target: { value: 'Stuurgroep "reset"' } });
    fireEvent.change(screen.getByRole('textbox', { name: s.FieldMessage }), { target: { value: 'Graag <b>snel</b> 🙏' } });
    fireEvent.change(screen.getByRole('textbox', { name: s.FieldPreferredDate }), { target: { value: '15-01-2027' } });
    fireEvent.click(screen.getByRole('button', { name: s.SendRequest }));
    expect(await screen.findByText(/was sent/)).toBeTruthy();
    expect(sparring.created).toEqual([{
      title: 'Stuurgroep "reset"', competency: 'SteeringGroups', description: 'Graag <b>snel</b> 🙏', preferredDate: '2027-01-15',
      requestedExpert: { id: 11, title: 'Lars Nielsen', email: 'lars@contoso.com' }
    }]);
  });

  it('the PMO\'s table shows the requested expert and the message', async () => {
    const sparring = new FakeSparring();
    sparring.canManage = (): Promise<boolean> => Promise.resolve(true);
    sparring.open = (): Promise<SparringRequestView[]> => Promise.resolve([{
      id: 5, title: 'Benefits', description: 'Kan vi tale om "gevinster"?', requester: { id: 3, title: 'Mette', email: 'm@contoso.com' }, status: 'New',
      requestedExpert: { id: 11, title: 'Lars Nielsen', email: 'lars@contoso.com' }
    }]);
    render(<ExpertDirectory experts={new FakeExperts({ byEmail: {}, failed: false })} sparring={sparring} strings={s} common={c} locale="en-US" />);
    fireEvent.click(await screen.findByRole('tab', { name: /Open requests|open/i }));
    expect(await screen.findByText('Kan vi tale om "gevinster"?')).toBeTruthy();
    expect(screen.getByText('Requested expert: Lars Nielsen')).toBeTruthy();
  });
});
