import {
  EMPTY_RISK, filterRisks, formOfRisk, heatMap, isOpen, isRiskDirty, riskFromForm, scoreBand, splitRiskErrors, toggleCell, validateRiskForm
} from '../../../src/webparts/risks/components/riskModel';
import { risk } from './fakes';

const M = { Required: 'req', TooLong: 'long', ChooseLevel: 'level', InvalidDate: 'date' };

describe('heat map', () => {
  const risks = [
    risk(1, { probability: 4, impact: 5 }),
    risk(2, { probability: 4, impact: 5, status: 'Mitigating' }),
    risk(3, { probability: 4, impact: 5, status: 'Closed' }),
    risk(4, { probability: 1, impact: 1 }),
    risk(5, { probability: 5, impact: 2, status: 'Accepted' }),
    risk(6, { probability: 0, impact: 9 })
  ];

  it('bins open risks by probability (rows, 5 on top) and impact (columns)', () => {
    const grid = heatMap(risks);
    expect(grid).toHaveLength(5);
    expect(grid.map((row) => row[0].probability)).toEqual([5, 4, 3, 2, 1]);
    expect(grid[0].map((c) => c.impact)).toEqual([1, 2, 3, 4, 5]);
    const cell = grid[1][4];
    expect(cell).toEqual({ probability: 4, impact: 5, score: 20, band: 'critical', count: 2 });
    expect(grid[4][0].count).toBe(1);
    expect(grid[0][1].count).toBe(0); // Accepted is not open
    expect(grid.flat().reduce((n, c) => n + c.count, 0)).toBe(3); // closed, accepted and out-of-range left out
  });

  it('bands scores: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical', () => {
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(scoreBand)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });

  it('a cell filters the list to its open risks; the same cell again clears it', () => {
    expect(filterRisks(risks, { probability: 4, impact: 5 }).map((r) => r.id)).toEqual([1, 2]);
    expect(filterRisks(risks, undefined)).toHaveLength(6);
    const c = { probability: 4, impact: 5 };
    expect(toggleCell(undefined, c)).toEqual(c);
    expect(toggleCell(c, { probability: 4, impact: 5 })).toBeUndefined();
    expect(toggleCell(c, { probability: 1, impact: 1 })).toEqual({ probability: 1, impact: 1 });
    expect(isOpen({ status: 'Mitigating' })).toBe(true);
    expect(isOpen({ status: 'Accepted' })).toBe(false);
  });
});

describe('risk form', () => {
  it('requires a title, levels 1–5 and a status; checks the due date', () => {
    expect(validateRiskForm(EMPTY_RISK, M)).toEqual({ title: 'req', probability: 'level', impact: 'level' });
    expect(validateRiskForm({ ...EMPTY_RISK, title: 'x'.repeat(256), probability: 6, impact: 2, status: '', due: '2026-13-01' }, M))
      .toEqual({ title: 'long', probability: 'level', status: 'req', due: 'date' });
    expect(validateRiskForm(formOfRisk(risk(1, { due: '2026-12-01' })), M)).toEqual({});
  });

  it('builds the risk; an edit keeps id and ETag', () => {
    const form = { ...EMPTY_RISK, title: "  O'Brien's =HYPERLINK(\"x\") ", probability: 4, impact: 5, mitigation: ' <b>plan</b> ' };
    expect(riskFromForm(form, undefined, { id: 3, title: 'P3' }, { id: 7, title: 'Ann', email: 'ann@contoso.com' })).toEqual({
      title: "O'Brien's =HYPERLINK(\"x\")", project: { id: 3, title: 'P3' }, description: undefined, probability: 4, impact: 5, score: 20,
      owner: { id: 7, title: 'Ann', email: 'ann@contoso.com' }, mitigation: '<b>plan</b>', status: 'Open', due: undefined
    });
    expect(riskFromForm(form, risk(9, { etag: '"9,3"' }), { id: 3, title: 'P3' }, undefined)).toMatchObject({ id: 9, etag: '"9,3"', score: 20 });
  });

  it('knows edits, and maps service errors onto fields', () => {
    const f = formOfRisk(risk(1, { owner: { id: 2, title: 'Bo', email: 'bo@contoso.com' } }));
    expect(isRiskDirty(f, f)).toBe(false);
    expect(isRiskDirty({ ...f, owner: { email: 'BO@contoso.com', title: 'Bo' } }, f)).toBe(false);
    expect(isRiskDirty({ ...f, impact: 5 }, f)).toBe(true);
    expect(isRiskDirty({ ...f, owner: undefined }, f)).toBe(true);
    expect(splitRiskErrors({ title: 'Bad', score: 'Out of range', project: 'Closed' })).toEqual({ form: { title: 'Bad', probability: 'Out of range' }, other: ['Closed'] });
  });
});
