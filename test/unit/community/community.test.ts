// The community's pure parts: the sparring state machine, .ics files, Graph event payloads,
// Graph batches, filters and validation.
import { canTransition, SPARRING_TRANSITIONS, validateSparringDraft, waitedDays } from '../../../src/services/SparringRequestService';
import { icsFileName, previousOfType, splitByTime, toGraphEvent, toIcs, validateEvent } from '../../../src/services/CommunityEventService';
import { filterExperts, GRAPH_BATCH_LIMIT, profileBatches } from '../../../src/services/ExpertService';
import { LESSON_CATEGORIES_BY_TEMPLATE, lessonFilter, matchesText, normaliseTags, validateLesson } from '../../../src/services/LessonService';
import { LESSON_CATEGORIES, SPARRING_STATUSES, TEMPLATE_CATEGORIES } from '../../../src/schema';
import type { CommunityEvent, LessonLearned, PmoExpert } from '../../../src/model';

const event = (over: Partial<CommunityEvent> = {}): CommunityEvent => ({
  id: 7, title: 'Q4; challenges, "risks" & <b>more</b>', eventType: 'QuarterlyChallenge', startDate: '2026-11-27T09:00:00Z',
  endDate: '2026-11-27T12:00:00Z', audience: ['ProjectLeaders'], location: 'Malmö, room 2', description: 'Agenda:\nwelcome; round', ...over
});

describe('sparring state machine', () => {
  it('moves one step at a time: New → Assigned → Scheduled → Done', () => {
    const allowed = SPARRING_STATUSES.flatMap((from) => SPARRING_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['New→Assigned', 'Assigned→Scheduled', 'Scheduled→Done']);
    expect(SPARRING_TRANSITIONS.Done).toEqual([]);
  });

  it('counts whole days waited, never negative', () => {
    const now = new Date('2026-11-20T10:00:00Z');
    expect(waitedDays('2026-11-20T09:00:00Z', now)).toBe(0);
    expect(waitedDays('2026-11-13T10:00:00Z', now)).toBe(7);
    expect(waitedDays('2026-11-21T10:00:00Z', now)).toBe(0);
    expect(waitedDays(undefined, now)).toBeUndefined();
    expect(waitedDays('yesterday', now)).toBeUndefined();
  });

  it('a request needs a topic; the rest is checked against the schema', () => {
    expect(validateSparringDraft({ title: '' })).toEqual({ title: 'required' });
    expect(validateSparringDraft({ title: '   ' })).toEqual({ title: 'required' });
    expect(validateSparringDraft({ title: 'x'.repeat(256) })).toEqual({ title: 'tooLong' });
    expect(validateSparringDraft({ title: 'Ok', preferredDate: '2026-13-01', competency: 'Nope' as never })).toEqual({ preferredDate: 'invalidDate', competency: 'invalidChoice' });
    expect(validateSparringDraft({ title: '<b>Ok</b>', preferredDate: '2026-12-01', competency: 'SteeringGroups' })).toEqual({});
  });
});

describe('events', () => {
  it('refuse an end before the start, under the end field', () => {
    expect(validateEvent(event({ endDate: '2026-11-27T08:59:00Z' }))).toEqual({ endDate: 'endBeforeStart' });
    expect(validateEvent(event({ endDate: undefined }))).toEqual({});
    expect(validateEvent(event({ title: '', startDate: 'soon' }))).toEqual({ title: 'required', startDate: 'invalidDate' });
    expect(validateEvent(event({ onlineLink: { url: ['javascript', 'alert(1)'].join(':') } }))).toEqual({ onlineLink: 'invalidUrl' });
  });

  it('.ics: RFC 5545 lines, escaped text, UTC times, a stable UID', () => {
    const ics = toIcs(event(), 'contoso.sharepoint.com');
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('UID:pmohub-event-7@contoso.sharepoint.com');
    expect(lines).toContain('DTSTART:20261127T090000Z');
    expect(lines).toContain('DTEND:20261127T120000Z');
    expect(lines).toContain('SUMMARY:Q4\\; challenges\\, "risks" & <b>more</b>');
    expect(lines).toContain('DESCRIPTION:Agenda:\\nwelcome\\; round');
    expect(lines).toContain('LOCATION:Malmö\\, room 2');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    // No line longer than 75 octets (folded).
    expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    // The ics package folds at 75 characters, not octets (RFC 5545's SHOULD): non-ASCII lines
    // may be longer in bytes, which calendar clients read; no character is split.
    const long = toIcs(event({ description: 'å'.repeat(200) }), 'x');
    expect(long.split('\r\n').every((l) => l.length <= 75)).toBe(true);
    expect(long.replace(/\r\n[ \t]/g, '')).toContain(`DESCRIPTION:${'å'.repeat(200)}`);
    // Without an end, an hour.
    expect(toIcs(event({ endDate: undefined }), 'x')).toMatch(/\r\nDTEND:20261127T100000Z\r\n/);
  });

  it('.ics of an event written by REST with an end before its start, or a link //host/x, is still valid (issue 11)', () => {
    const dt = (ics: string, name: string): string => (ics.split('\r\n').find((l) => l.startsWith(`${name}:`)) ?? '').slice(name.length + 1);
    for (const endDate of ['2026-11-27T08:00:00Z', '2026-11-27T09:00:00Z', 'not a date']) {
      const ics = toIcs(event({ endDate }), 'x');
      expect(dt(ics, 'DTSTART')).toBe('20261127T090000Z');
      expect(dt(ics, 'DTEND')).toBe('20261127T100000Z');
    }
    for (const url of ['//host/x', 'host/x', ['javascript', 'alert(1)'].join(':')]) {
      const ics = toIcs(event({ onlineLink: { url } }), 'x');
      expect(ics).not.toMatch(/\r\nURL/);
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    }
    expect(dt(toIcs(event({ onlineLink: { url: 'https://teams.example/meet?a=1&b=2' } }), 'x'), 'URL')).toBe('https://teams.example/meet?a=1&b=2');
    expect(() => toIcs(event({ startDate: 'soon' }), 'x')).toThrow(/no valid start/);
  });

  it('.ics file names lose characters file systems refuse', () => {
    expect(icsFileName(event({ title: 'A/B: "C" <D>?' }))).toBe('A B C D 2026-11-27.ics');
    expect(icsFileName(event({ title: '///' }))).toBe('event 2026-11-27.ics');
  });

  it('Graph event: UTC times without offset, text body, location', () => {
    expect(toGraphEvent(event({ onlineLink: { url: 'https://teams.example/x' } }))).toEqual({
      subject: event().title, body: { contentType: 'text', content: 'Agenda:\nwelcome; round\n\nhttps://teams.example/x' },
      start: { dateTime: '2026-11-27T09:00:00.000', timeZone: 'UTC' }, end: { dateTime: '2026-11-27T12:00:00.000', timeZone: 'UTC' },
      location: { displayName: 'Malmö, room 2' }, showAs: 'busy'
    });
  });

  it('split into upcoming (soonest first) and past (latest first); the previous meeting of a type', () => {
    const a = event({ id: 1, startDate: '2026-06-01T09:00:00Z', endDate: '2026-06-01T10:00:00Z' });
    const b = event({ id: 2, startDate: '2026-09-01T09:00:00Z', endDate: '2026-09-01T10:00:00Z' });
    const c = event({ id: 3, startDate: '2026-12-01T09:00:00Z', endDate: '2026-12-01T10:00:00Z' });
    const t = event({ id: 4, eventType: 'Training', startDate: '2026-10-01T09:00:00Z', endDate: '2026-10-01T10:00:00Z' });
    const running = event({ id: 5, eventType: 'Training', startDate: '2026-11-15T08:00:00Z', endDate: '2026-11-15T18:00:00Z' });
    const { upcoming, past } = splitByTime([c, a, t, b, running], new Date('2026-11-15T12:00:00Z'));
    expect(upcoming.map((e) => e.id)).toEqual([5, 3]);
    expect(past.map((e) => e.id)).toEqual([4, 2, 1]);
    expect(previousOfType([a, b, c, t], 'QuarterlyChallenge', c.startDate)?.id).toBe(2);
    expect(previousOfType([a, b, c, t], 'QuarterlyChallenge', a.startDate)).toBeUndefined();
  });
});

describe('experts', () => {
  const expert = (id: number, over: Partial<PmoExpert>): PmoExpert => ({
    id, title: `E${id}`, person: { id, title: `Person ${id}`, email: `p${id}@contoso.com` }, competencies: [], certifications: [], external: false, ...over
  });
  const experts = [
    expert(1, { competencies: ['SteeringGroups'], certifications: ['PRINCE2'], bio: 'Chaired 40 steering groups' }),
    expert(2, { competencies: ['SteeringGroups'], certifications: ['PMI'], availability: 'Unavailable' }),
    expert(3, { competencies: ['Agile'], certifications: ['PRINCE2'], title: 'Åsa Öberg', person: { id: 3, title: 'Åsa Öberg', email: 'p3@contoso.com' } })
  ];

  it('filter by competency, certification, availability and text (accents ignored, job titles from Graph)', () => {
    expect(filterExperts(experts, { competency: 'SteeringGroups', certification: 'PRINCE2' }).map((e) => e.id)).toEqual([1]);
    expect(filterExperts(experts, { competency: 'SteeringGroups', availableOnly: true }).map((e) => e.id)).toEqual([1]);
    expect(filterExperts(experts, { text: 'asa oberg' }).map((e) => e.id)).toEqual([3]);
    expect(filterExperts(experts, { text: 'steering chaired' }).map((e) => e.id)).toEqual([1]);
    expect(filterExperts(experts, { text: 'coach' }, { 'p2@contoso.com': { jobTitle: 'Agile Coach' } }).map((e) => e.id)).toEqual([2]);
    expect(filterExperts(experts, {}).length).toBe(3);
  });

  it('Graph batches: one photo request a person, at most 20 a batch, each person once; no job titles from Graph', () => {
    const emails = Array.from({ length: 23 }, (_, i) => `p${i}@contoso.com`).concat(['P0@contoso.com', ' ', '']);
    const batches = profileBatches(emails);
    expect(batches.map((b) => b.length)).toEqual([20, 3]);
    expect(batches.every((b) => b.length <= GRAPH_BATCH_LIMIT)).toBe(true);
    expect(batches[0][0]).toEqual({ id: 'p0', method: 'GET', url: '/users/p0%40contoso.com/photo/$value' });
    expect(batches.flat().some((r) => /jobTitle|department/.test(r.url))).toBe(false);
    expect(profileBatches([])).toEqual([]);
  });
});

describe('lessons', () => {
  const lesson = (over: Partial<LessonLearned>): LessonLearned => ({ id: 1, title: 'T', whatHappened: 'W', tags: [], ...over });

  it('tags: trimmed, split on ; and ,, unique regardless of case', () => {
    expect(normaliseTags(['risk; supplier', ' Risk ', 'go-live,', ''])).toEqual(['risk', 'supplier', 'go-live']);
  });

  it('validation: lesson and what happened are required; tags fit the column', () => {
    expect(validateLesson({ title: '', whatHappened: '', tags: [] })).toEqual({ title: 'required', whatHappened: 'required' });
    expect(validateLesson({ title: 'x', whatHappened: 'y', tags: ['a'.repeat(256)] })).toEqual({ tags: 'tooLong' });
    expect(validateLesson({ title: '<b>x</b>', whatHappened: '<script>y</script>', tags: ['a'] })).toEqual({});
  });

  it('filters only on indexed columns, quoting text', () => {
    expect(lessonFilter({ category: 'Risk', phase: 'Execution', projectId: 5, text: "won't" })).toBe("PMOCategory eq 'Risk' and PMOPhase eq 'Execution' and PMOProjectId eq 5");
    expect(lessonFilter({})).toBe('');
  });

  it('text search: every word, accents ignored, in title, text, recommendation, project and tags', () => {
    const l = lesson({ title: 'Leverantör sen', whatHappened: 'Upphandling', recommendation: 'Tidigt', project: { id: 1, title: 'Solar' }, tags: ['go-live'] });
    expect(matchesText(l, 'leverantor solar')).toBe(true);
    expect(matchesText(l, 'go-live tidigt')).toBe(true);
    expect(matchesText(l, 'budget')).toBe(false);
    expect(matchesText(l, '  ')).toBe(true);
  });

  it('every template category offers lessons of existing categories', () => {
    for (const c of TEMPLATE_CATEGORIES) {
      expect(LESSON_CATEGORIES_BY_TEMPLATE[c].length).toBeGreaterThan(0);
      for (const l of LESSON_CATEGORIES_BY_TEMPLATE[c]) expect(LESSON_CATEGORIES).toContain(l);
    }
  });
});
