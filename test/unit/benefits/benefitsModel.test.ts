/**
 * Benefits arithmetic: progress from baseline towards target (also a falling target), totals per
 * unit that never add SEK to hours, realised capped per benefit, overdue measurements, and the
 * trend's order.
 */
import {
  benefitProgress, benefitsByProject, filterBenefits, isPercentUnit, latestMeasurement, measurementOverdue, measurementTrend, realisedShare, totalsByUnit,
  type Benefit, type BenefitMeasurement
} from '../../../src/model/benefits';

const b = (over: Partial<Benefit>): Benefit => ({
  id: 1, title: 'B', project: { id: 7, title: 'P' }, category: 'Financial', unit: 'SEK', target: 100, status: 'OnTrack', ...over
});

describe('benefit progress', () => {
  it('runs from the baseline to the target, capped at 0 and 1; undefined before any measurement', () => {
    expect(benefitProgress(b({ baseline: 0, target: 1250000, actual: 500000 }))).toBeCloseTo(0.4);
    expect(benefitProgress(b({ baseline: 20, target: 90, actual: 72.5 }))).toBeCloseTo(0.75);
    expect(benefitProgress(b({ baseline: 0, target: 100, actual: 140 }))).toBe(1);
    expect(benefitProgress(b({ baseline: 50, target: 100, actual: 10 }))).toBe(0);
    expect(benefitProgress(b({ baseline: 0, target: 100 }))).toBeUndefined();
  });
  it('a falling target (fewer calls) counts the fall', () => {
    expect(benefitProgress(b({ baseline: 12000, target: 7000, actual: 9000 }))).toBeCloseTo(0.6);
  });
});

describe('totals per unit', () => {
  const list = [
    b({ id: 1, unit: 'SEK', baseline: 0, target: 1000, actual: 400 }),
    b({ id: 2, unit: 'sek ', baseline: 0, target: 1000, actual: 1500 }),
    b({ id: 3, unit: 'hours/month', baseline: 0, target: 900, actual: 450 }),
    b({ id: 4, unit: 'SEK', baseline: 0, target: 500, actual: 300, status: 'NotRealised' }),
    b({ id: 5, unit: 'calls/month', baseline: 12000, target: 7000, actual: 9000 })
  ];
  const totals = totalsByUnit(list);
  const of = (unit: string): ReturnType<typeof totalsByUnit>[number] | undefined => totals.find((t) => t.unit.toLowerCase() === unit.toLowerCase());

  it('never adds different units; the same unit however it is typed is one', () => {
    expect(totals.map((t) => t.unit).sort()).toEqual(['SEK', 'calls/month', 'hours/month']);
    expect(of('SEK')).toMatchObject({ benefits: 3, additive: true, planned: 2500, realised: 1900 });
    expect(of('hours/month')).toMatchObject({ benefits: 1, planned: 900, realised: 450, share: 0.5 });
  });
  it('caps what a benefit realises at its plan in the share, so one over-realised benefit does not hide another\'s shortfall; not realised counts nothing', () => {
    expect(of('SEK')?.share).toBeCloseTo((400 + 1000 + 0) / 2500);
  });
  it('a falling target realises the fall', () => {
    expect(of('calls/month')).toMatchObject({ planned: 5000, realised: 3000, share: 0.6 });
  });
  it('per project: totals, share and the benefits still open', () => {
    const byProject = benefitsByProject([...list, b({ id: 6, project: { id: 8, title: 'Q' }, status: 'Realised', actual: 100, baseline: 0 })]);
    expect(byProject.get(7)?.benefits.length).toBe(5);
    expect(byProject.get(7)?.open.map((x) => x.id)).toEqual([1, 2, 3, 5]);
    expect(byProject.get(8)).toMatchObject({ share: 1, open: [] });
    expect(realisedShare([b({ target: 100 })])).toBeUndefined();
  });
});

describe('percentages', () => {
  // Satisfaction from 70 % to 80 % (at 75 %), late deliveries from 10 % down to 5 % (reached), a third not measured yet.
  const list = [
    b({ id: 1, unit: '%', baseline: 70, target: 80, actual: 75 }),
    b({ id: 2, unit: '%', baseline: 10, target: 5, actual: 5 }),
    b({ id: 3, unit: '% ', baseline: 50, target: 60 }),
    b({ id: 4, unit: 'SEK', baseline: 0, target: 1000, actual: 250 })
  ];
  const percent = totalsByUnit(list).find((t) => t.unit === '%');

  it('are counted, never added: 10 and 5 and 10 percentage points planned are not 25 % of anything', () => {
    expect(percent).toMatchObject({ unit: '%', benefits: 3, additive: false, planned: undefined, realised: undefined });
  });
  it('their share realised is the mean of each benefit\'s progress, each benefit counting once', () => {
    expect(percent?.share).toBeCloseTo((0.5 + 1 + 0) / 3);
    // An over-realised percentage does not lift the others: progress is capped per benefit.
    expect(totalsByUnit([b({ unit: '%', baseline: 0, target: 10, actual: 30 }), b({ unit: '%', baseline: 0, target: 10, actual: 0 })])[0].share).toBeCloseTo(0.5);
    expect(totalsByUnit([b({ unit: '%', baseline: 5, target: 5 })])[0].share).toBeUndefined();
  });
  it('amounts beside them are still added up', () => {
    expect(totalsByUnit(list).find((t) => t.unit === 'SEK')).toMatchObject({ additive: true, planned: 1000, realised: 250, share: 0.25 });
  });
  it('knows a percentage however it is typed, in the four languages', () => {
    for (const u of ['%', ' % ', '% on time', 'percent', 'Per cent', 'pct.', 'procent', 'pp', 'percentage points', 'procentenheter', 'procentpoint', 'procentpunten']) expect(isPercentUnit(u)).toBe(true);
    for (const u of ['SEK', 'EUR', 'hours/month', 'kr', 'calls/month', 'persons', '']) expect(isPercentUnit(u)).toBe(false);
  });
});

describe('overdue measurement', () => {
  it('an open benefit last measured over a quarter ago, or past its target date, is overdue; a realised one never', () => {
    expect(measurementOverdue(b({ lastMeasured: '2026-07-01' }), '2026-11-20')).toBe(true);
    expect(measurementOverdue(b({ lastMeasured: '2026-10-01' }), '2026-11-20')).toBe(false);
    expect(measurementOverdue(b({ baselineDate: '2026-01-10' }), '2026-11-20')).toBe(true);
    expect(measurementOverdue(b({ lastMeasured: '2026-11-01', targetDate: '2026-11-19' }), '2026-11-20')).toBe(true);
    expect(measurementOverdue(b({ lastMeasured: '2026-01-01', status: 'Realised' }), '2026-11-20')).toBe(false);
    expect(measurementOverdue(b({}), '2026-11-20')).toBe(false);
  });
});

describe('measurements', () => {
  const m = (id: number, measuredOn: string, value: number): BenefitMeasurement => ({ id, measuredOn, value, benefit: { id: 1, title: 'B' }, project: { id: 7, title: 'P' } });
  it('trend oldest first; two on one day in the order written; the latest is the newest', () => {
    const list = [m(3, '2026-06-01', 30), m(1, '2026-03-01', 10), m(5, '2026-06-01', 35), m(2, '2026-09-01', 50)];
    expect(measurementTrend(list).map((x) => x.id)).toEqual([1, 3, 5, 2]);
    expect(latestMeasurement(list)?.id).toBe(2);
    expect(latestMeasurement([])).toBeUndefined();
  });
  it('filters on project, objective and status together', () => {
    const list = [b({ id: 1, objective: { id: 2, title: 'O' } }), b({ id: 2, status: 'AtRisk' }), b({ id: 3, project: { id: 9, title: 'Z' } })];
    expect(filterBenefits(list, { project: 7 }).map((x) => x.id)).toEqual([1, 2]);
    expect(filterBenefits(list, { objective: 2 }).map((x) => x.id)).toEqual([1]);
    expect(filterBenefits(list, { project: 7, status: 'AtRisk' }).map((x) => x.id)).toEqual([2]);
  });
});
