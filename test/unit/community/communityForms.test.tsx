/**
 * The community forms on the shared edit-form core (issue 11): an event and a sparring session
 * typed in the page's language and the site's time zone (a Dane's 14.30, a Dutch 14:30) reach the
 * service in UTC and come back as typed; a time that cannot be read is an error under its field and
 * nothing is saved; unsaved changes are guarded; someone else's change is the user's choice.
 */
import * as path from 'path';
import * as React from 'react';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import { EventPanel } from '../../../src/webparts/community/events/components/EventPanel';
import { SchedulePanel } from '../../../src/webparts/community/experts/components/SparringPanels';
import { LessonPanel } from '../../../src/webparts/community/lessons/components/LessonPanel';
import type { ICommunityEventService } from '../../../src/services/CommunityEventService';
import type { ISparringRequestService, SparringRequestView } from '../../../src/services/SparringRequestService';
import type { ILessonService } from '../../../src/services/LessonService';
import type { CommunityEvent, LessonLearned } from '../../../src/model/community';
import type { NewItem } from '../../../src/model/common';
import { ConflictError } from '../../../src/services/errors';
import { format } from '../../../src/components/text';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });
jest.setTimeout(60000);

const ROOT = path.resolve(__dirname, '../../..');
const strings = (locale: string): ICommunityWebPartStrings => loadAmdFile(path.join(ROOT, 'src/webparts/community/loc', `${locale.toLowerCase()}.js`)) as ICommunityWebPartStrings;
const common = (locale: string): IPmoHubCommonStrings => loadAmdFile(path.join(ROOT, 'src/common/loc', `${locale.toLowerCase()}.js`)) as IPmoHubCommonStrings;
const COPENHAGEN = { iana: 'Europe/Copenhagen', description: '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris' };
const AMSTERDAM = { iana: 'Europe/Amsterdam', description: '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna' };

class FakeEvents {
  public saved: Array<{ event: CommunityEvent | NewItem<CommunityEvent>; overwrite?: boolean }> = [];
  public answers: Array<Error | undefined> = [];
  public save(event: CommunityEvent | NewItem<CommunityEvent>, options: { overwrite?: boolean } = {}): Promise<CommunityEvent> {
    this.saved.push({ event, overwrite: options.overwrite });
    const next = this.answers.shift();
    if (next) return Promise.reject(next);
    return Promise.resolve({ id: 7, etag: '"2"', ...event } as CommunityEvent);
  }
}
const events = (f: FakeEvents): ICommunityEventService => f as unknown as ICommunityEventService;

const input = (label: string): HTMLInputElement => screen.getByLabelText(label, { selector: 'input,textarea' }) as HTMLInputElement;
const type = (label: string, value: string): void => { fireEvent.change(input(label), { target: { value } }); };

describe('event form', () => {
  it('a Danish PMO member types 14.30 in Copenhagen: stored 13:30 UTC, shown again as 14.30', async () => {
    const s = strings('da-DK');
    const c = common('da-DK');
    const service = new FakeEvents();
    const onSaved = jest.fn();
    const { unmount } = render(<EventPanel event={{ title: '', eventType: 'QuarterlyChallenge', startDate: '', audience: [] }} strings={s} common={c} service={events(service)} locale="da-DK" timeZone={COPENHAGEN} onClose={jest.fn()} onSaved={onSaved} />);
    type(s.FieldTitle, 'Kvartalsmøde "Q1" 🚀');
    type(s.FieldStart, '15.03.2027');
    type(format(c.TimeOf, s.FieldStart), '14.30');
    type(s.FieldEnd, '15.03.2027');
    type(format(c.TimeOf, s.FieldEnd), '16.30');
    expect(screen.getByText(format(c.TimeZoneNote, COPENHAGEN.description))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: s.Save }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(service.saved[0].event).toMatchObject({ title: 'Kvartalsmøde "Q1" 🚀', startDate: '2027-03-15T13:30:00.000Z', endDate: '2027-03-15T15:30:00.000Z' });
    unmount();

    render(<EventPanel event={{ id: 7, etag: '"2"', ...service.saved[0].event } as CommunityEvent} strings={s} common={c} service={events(service)} locale="da-DK" timeZone={COPENHAGEN} onClose={jest.fn()} onSaved={jest.fn()} />);
    expect([input(s.FieldStart).value, input(format(c.TimeOf, s.FieldStart)).value, input(format(c.TimeOf, s.FieldEnd)).value]).toEqual(['15.03.2027', '14.30', '16.30']);
  });

  it('a Dutch PMO member types 14:30 on a summer day in Amsterdam: 12:30 UTC', async () => {
    const s = strings('nl-NL');
    const c = common('nl-NL');
    const service = new FakeEvents();
    const onSaved = jest.fn();
    render(<EventPanel event={{ title: '', eventType: 'Training', startDate: '', audience: [] }} strings={s} common={c} service={events(service)} locale="nl-NL" timeZone={AMSTERDAM} onClose={jest.fn()} onSaved={onSaved} />);
    type(s.FieldTitle, 'Cursus');
    type(s.FieldStart, '01-07-2027');
    type(format(c.TimeOf, s.FieldStart), '14:30');
    fireEvent.click(screen.getByRole('button', { name: s.Save }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(service.saved[0].event).toMatchObject({ startDate: '2027-07-01T12:30:00.000Z', endDate: undefined });
  });

  it('a time that cannot be read, or an end before the start, is an error under its field and nothing is saved', async () => {
    const s = strings('da-DK');
    const c = common('da-DK');
    const service = new FakeEvents();
    render(<EventPanel event={{ title: '', eventType: 'Training', startDate: '', audience: [] }} strings={s} common={c} service={events(service)} locale="da-DK" timeZone={COPENHAGEN} onClose={jest.fn()} onSaved={jest.fn()} />);
    type(s.FieldTitle, 'Kursus');
    type(s.FieldStart, '15.03.2027');
    type(format(c.TimeOf, s.FieldStart), '14,30');
    fireEvent.click(screen.getByRole('button', { name: s.Save }));
    expect(await screen.findByText(format(c.TimeInvalid, '14.30'))).toBeTruthy();
    expect(input(format(c.TimeOf, s.FieldStart)).value).toBe('14,30');
    type(format(c.TimeOf, s.FieldStart), '14.30');
    type(s.FieldEnd, '15.03.2027');
    type(format(c.TimeOf, s.FieldEnd), '13.00');
    fireEvent.click(screen.getByRole('button', { name: s.Save }));
    expect(await screen.findByText(s.ErrorEndBeforeStart)).toBeTruthy();
    expect(service.saved).toEqual([]);
  });

  it('closing with unsaved changes asks first; someone else\'s change offers reload or overwrite', async () => {
    const s = strings('en-US');
    const c = common('en-US');
    const service = new FakeEvents();
    const onClose = jest.fn();
    const mine: CommunityEvent = { id: 3, etag: '"1"', title: 'Quarterly', eventType: 'QuarterlyChallenge', startDate: '2027-03-15T13:30:00Z', audience: [] };
    render(<EventPanel event={mine} strings={s} common={c} service={events(service)} locale="en-US" timeZone={COPENHAGEN} onClose={onClose} onSaved={jest.fn()} />);
    expect(input(format(c.TimeOf, s.FieldStart)).value.replace(/\s/g, ' ')).toBe('2:30 PM');
    type(s.FieldTitle, 'Quarterly challenge');
    fireEvent.click(screen.getByRole('button', { name: s.Cancel }));
    expect(await screen.findByText(c.FormDiscardTitle)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: c.FormKeepEditing }));
    await waitFor(() => expect(screen.queryByText(c.FormDiscardTitle)).toBeNull());
    expect(onClose).not.toHaveBeenCalled();
    expect(input(s.FieldTitle).value).toBe('Quarterly challenge');

    service.answers.push(new ConflictError(mine, { ...mine, etag: '"2"', title: 'Quarterly meeting (moved)' }));
    fireEvent.click(await screen.findByRole('button', { name: s.Save }));
    expect(await screen.findByText(c.FormConflictTitle)).toBeTruthy();
    expect(screen.getByText('Quarterly meeting (moved)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: c.FormConflictOverwrite }));
    await waitFor(() => expect(service.saved).toHaveLength(2));
    expect(service.saved[1]).toMatchObject({ overwrite: true, event: { title: 'Quarterly challenge', etag: '"1"' } });
  });
});

describe('scheduling a sparring session', () => {
  it('a Danish PMO member books 14.30 in Copenhagen: the service gets 13:30 UTC', async () => {
    const s = strings('da-DK');
    const c = common('da-DK');
    const request: SparringRequestView = { id: 4, etag: '"1"', title: 'Styregruppe', status: 'Assigned', requester: { id: 1, title: 'Sofie', email: 's@x' } } as SparringRequestView;
    const schedule = jest.fn((r: SparringRequestView, at: string) => Promise.resolve({ ...r, status: 'Scheduled' as const, scheduledAt: at }));
    const onSaved = jest.fn();
    render(<SchedulePanel request={request} sparring={{ schedule } as unknown as ISparringRequestService} strings={s} common={c} locale="da-DK" timeZone={COPENHAGEN} onClose={jest.fn()} onSaved={onSaved} />);
    type(s.FieldScheduledAt, '02.02.2027');
    type(format(c.TimeOf, s.FieldScheduledAt), '14.30');
    fireEvent.click(screen.getByRole('button', { name: s.Schedule }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(schedule).toHaveBeenCalledWith(request, '2027-02-02T13:30:00.000Z', { overwrite: false });
  });
});

describe('lesson form', () => {
  it('refuses a lesson without what happened under its field, then saves the tags as typed', async () => {
    const s = strings('sv-SE');
    const c = common('sv-SE');
    const save = jest.fn((l: NewItem<LessonLearned>) => Promise.resolve({ id: 1, ...l } as LessonLearned));
    const onSaved = jest.fn();
    render(<LessonPanel service={{ save } as unknown as ILessonService} strings={s} common={c} onClose={jest.fn()} onSaved={onSaved} />);
    type(s.FieldLesson, 'Börja med intressenterna');
    fireEvent.click(screen.getByRole('button', { name: s.Save }));
    expect(await screen.findByText(format(c.FormSummary, 1))).toBeTruthy();
    expect(screen.getByText(s.ErrorRequired)).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
    type(s.WhatHappened, 'Styrgruppen "glömde" <b>budgeten</b> 🙈');
    type(s.FieldTags, 'intressenter; budget');
    fireEvent.click(screen.getByRole('button', { name: s.Save }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(save.mock.calls[0][0]).toMatchObject({ title: 'Börja med intressenterna', whatHappened: 'Styrgruppen "glömde" <b>budgeten</b> 🙈', tags: ['intressenter', ' budget'] });
  });
});
