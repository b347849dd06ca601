import {
  EMPTY_FORM, conflictKind, formOf, isDirty, newestFirst, reportFromForm, splitServiceErrors, startReport, trendOf, validateReport
} from '../../../src/webparts/statusReports/components/reportModel';
import { isIsoDate, format } from '../../../src/components/text';
import { parseLocaleNumber } from '../../../src/components/localeNumber';
import { parseProjectId, validateProjectId } from '../../../src/webparts/shared/settings';
import { project, report } from './fakes';

const M = { Required: 'req', ChooseStatus: 'rag', InvalidDate: 'date', PercentRange: 'pct', NotNegative: 'neg', NotANumber: 'nan' };
const today = new Date(2026, 10, 15);

describe('starting a report', () => {
  it('pre-fills a new report from the previous published one, dated today', () => {
    const prev = report(7, { overall: 'Amber', cost: 'Red', summary: 'Late vendor', nextSteps: 'Escalate', percentComplete: 40, forecastCost: 1250000, forecastEnd: '2027-03-31' });
    const { base, form } = startReport(prev, project(1), 'en-US', today);
    expect(base).toBeUndefined();
    expect(form).toEqual({
      reportDate: '2026-11-15', overall: 'Amber', schedule: 'Green', cost: 'Red', scope: 'Green', risk: 'Green',
      overallComment: '', scheduleComment: '', costComment: '', scopeComment: '', riskComment: '',
      summary: 'Late vendor', nextSteps: 'Escalate', percentComplete: '40', forecastCost: '1,250,000', forecastEnd: '2027-03-31'
    });
  });

  it('continues an unpublished draft as it is (same item, same ETag)', () => {
    const draft = report(8, { published: false, reportDate: '2026-11-01' });
    const { base, form } = startReport(draft, project(1), 'en-US', today);
    expect(base).toBe(draft);
    expect(form.reportDate).toBe('2026-11-01');
  });

  it('starts a first report from the project\'s forecasts, with no RAG chosen', () => {
    const { base, form } = startReport(undefined, project(1, { forecastCost: 900, forecastEnd: '2027-01-31' }), 'en-US', today);
    expect(base).toBeUndefined();
    expect(form).toEqual({ ...EMPTY_FORM, reportDate: '2026-11-15', forecastCost: '900', forecastEnd: '2027-01-31' });
  });
});

describe('validating a report', () => {
  it('asks for every RAG, the summary and the date', () => {
    expect(validateReport(EMPTY_FORM, M, 'en-US')).toEqual({ reportDate: 'req', overall: 'rag', schedule: 'rag', cost: 'rag', scope: 'rag', risk: 'rag', summary: 'req' });
  });

  it('checks percent, money and dates', () => {
    const ok = formOf(report(1), 'en-US');
    expect(validateReport(ok, M, 'en-US')).toEqual({});
    expect(validateReport({ ...ok, percentComplete: '101' }, M, 'en-US').percentComplete).toBe('pct');
    expect(validateReport({ ...ok, percentComplete: '12.5' }, M, 'en-US').percentComplete).toBe('pct');
    expect(validateReport({ ...ok, forecastCost: '-1' }, M, 'en-US').forecastCost).toBe('neg');
    expect(validateReport({ ...ok, forecastCost: '12abc' }, M, 'en-US').forecastCost).toBe('nan');
    expect(validateReport({ ...ok, forecastEnd: '2026-02-30' }, M, 'en-US').forecastEnd).toBe('date');
    expect(validateReport({ ...ok, summary: '   ' }, M, 'en-US').summary).toBe('req');
    expect(validateReport({ ...ok, overall: 'Purple' as never }, M, 'en-US').overall).toBe('rag');
  });

  it('reads numbers as people type them in their language', () => {
    expect(parseLocaleNumber('1 250 000', 'sv-SE')).toBe(1250000);
    expect(parseLocaleNumber('1\u00a0250\u00a0000', 'sv-SE')).toBe(1250000);
    expect(parseLocaleNumber('1.250.000', 'nl-NL')).toBe(1250000);
    expect(parseLocaleNumber('1.250.000', 'da-DK')).toBe(1250000);
    expect(parseLocaleNumber('1,250,000', 'en-US')).toBe(1250000);
    expect(parseLocaleNumber('12,5', 'sv-SE')).toBe(12.5);
    expect(parseLocaleNumber('', 'en-US')).toBeUndefined();
    expect(Number.isNaN(parseLocaleNumber('=1+1', 'en-US'))).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });
});

describe('amounts survive a draft saved and reopened (issue 11: ×10 in da/nl)', () => {
  const typed: Record<string, string> = { 'en-US': '1,250,000.50', 'sv-SE': '1\u00a0250\u00a0000,50', 'da-DK': '1.250.000,50', 'nl-NL': '1.250.000,50' };
  it.each(Object.keys(typed))('%s: typed → saved → reopened → published is the same amount, shown as typed', (locale) => {
    const p = project(3);
    const form = { ...formOf(report(1), locale), forecastCost: typed[locale], percentComplete: '40' };
    expect(validateReport(form, M, locale)).toEqual({});
    const draft = { ...report(9, { published: false }), ...reportFromForm(form, undefined, p, locale) };
    expect(draft.forecastCost).toBe(1250000.5);
    const reopened = startReport(draft, p, locale, today).form;
    expect(reopened.forecastCost).toBe(typed[locale]);
    expect(reportFromForm(reopened, draft, p, locale).forecastCost).toBe(1250000.5);
  });

  it.each(Object.keys(typed))('%s: the project\'s forecast pre-filled into a new report reads back as the same amount', (locale) => {
    const p = project(3, { forecastCost: 1250000.5, latestPercentComplete: 35 });
    const { form } = startReport(undefined, p, locale, today);
    expect(form.forecastCost).toBe(typed[locale]);
    expect(parseLocaleNumber(form.forecastCost, locale)).toBe(1250000.5);
    expect(parseLocaleNumber(form.percentComplete, locale)).toBe(35);
  });

  it('nl and da refuse "1.5" (a group separator in the wrong place) instead of reading 15', () => {
    const ok = formOf(report(1), 'nl-NL');
    expect(validateReport({ ...ok, forecastCost: '1.5' }, M, 'nl-NL').forecastCost).toBe('nan');
    expect(validateReport({ ...ok, forecastCost: '1.5' }, M, 'da-DK').forecastCost).toBe('nan');
    expect(validateReport({ ...ok, forecastCost: '1,5' }, M, 'nl-NL')).toEqual({});
  });
});

describe('saving', () => {
  it('builds the report from the form; a draft keeps its id and ETag', () => {
    const p = project(3, { title: 'Ny kundportal' });
    const form = { ...formOf(report(1), 'en-US'), summary: '  <b>text</b> & \'quotes\'  ', nextSteps: '', percentComplete: '55', forecastCost: '1 000', forecastEnd: '' };
    const fresh = reportFromForm(form, undefined, p, 'sv-SE');
    expect(fresh).toEqual({
      project: { id: 3, title: 'Ny kundportal' }, reportDate: '2026-10-01', overall: 'Green', schedule: 'Green', cost: 'Green', scope: 'Green', risk: 'Green',
      summary: '<b>text</b> & \'quotes\'', nextSteps: undefined, percentComplete: 55, forecastCost: 1000, forecastEnd: undefined, published: false
    });
    expect('id' in fresh).toBe(false);
    const draft = report(9, { published: false, etag: '"9,4"' });
    expect(reportFromForm(form, draft, p, 'sv-SE')).toMatchObject({ id: 9, etag: '"9,4"', percentComplete: 55 });
  });

  it('knows when the form holds edits', () => {
    const f = formOf(report(1), 'en-US');
    expect(isDirty(f, f)).toBe(false);
    expect(isDirty({ ...f, summary: 'x' }, f)).toBe(true);
  });

  it('maps the service\'s field errors onto the form', () => {
    expect(splitServiceErrors({ summary: 'Too long', project: 'Unknown project' })).toEqual({ form: { summary: 'Too long' }, other: ['Unknown project'] });
  });

  it('tells a conflicting report from a conflicting project', () => {
    expect(conflictKind(report(1))).toBe('report');
    expect(conflictKind(project(1))).toBe('project');
  });
});

describe('trend', () => {
  it('one row per dimension, published reports only, oldest first, at most `max`', () => {
    const history = [
      report(4, { reportDate: '2026-11-01', published: false, overall: 'Red' }),
      report(3, { reportDate: '2026-10-15', overall: 'Amber', risk: 'Red' }),
      report(1, { reportDate: '2026-09-15' }),
      report(2, { reportDate: '2026-10-01', overall: 'Red' })
    ];
    const t = trendOf(history, 12);
    expect(t.reports.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(t.rows.map((r) => r.dimension)).toEqual(['overall', 'schedule', 'cost', 'scope', 'risk']);
    expect(t.rows[0].points.map((p) => p.status)).toEqual(['Green', 'Red', 'Amber']);
    expect(t.rows[4].points.map((p) => p.status)).toEqual(['Green', 'Green', 'Red']);
    expect(trendOf(history, 2).reports.map((r) => r.id)).toEqual([2, 3]);
    expect(trendOf([], 12).reports).toEqual([]);
  });

  it('sorts history newest first', () => {
    expect(newestFirst([report(1, { reportDate: '2026-01-01' }), report(2, { reportDate: '2026-02-01' })]).map((r) => r.id)).toEqual([2, 1]);
  });
});

describe('helpers', () => {
  it('formats and reads project ids', () => {
    expect(format('{0} of {1}', 1, 'x')).toBe('1 of x');
    expect(parseProjectId('12')).toBe(12);
    expect(parseProjectId(7)).toBe(7);
    expect(parseProjectId('')).toBeUndefined();
    expect(parseProjectId('0')).toBeUndefined();
    expect(parseProjectId('1.5')).toBeUndefined();
    expect(validateProjectId('abc', 'bad')).toBe('bad');
    expect(validateProjectId('', 'bad')).toBe('');
  });
});
