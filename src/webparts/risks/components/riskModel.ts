import type { Project, Risk, RiskStatus } from '../../../model/portfolio';
import type { NewItem, PersonRef } from '../../../model/common';
import { RISK_STATUSES } from '../../../schema';
import { isIsoDate } from '../../../components/text';

/** Risks still to be managed: what the heat map shows (Accepted and Closed are decisions already taken). */
export const OPEN_STATUSES: readonly RiskStatus[] = ['Open', 'Mitigating'];
export const SCALE = [1, 2, 3, 4, 5] as const;

export function isOpen(r: Pick<Risk, 'status'>): boolean {
  return OPEN_STATUSES.indexOf(r.status) >= 0;
}

export type Band = 'low' | 'medium' | 'high' | 'critical';

/** The usual 5×5 bands: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical. */
export function scoreBand(score: number): Band {
  if (score >= 20) return 'critical';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

export interface HeatCell {
  probability: number;
  impact: number;
  score: number;
  band: Band;
  count: number;
}

/**
 * The 5×5 grid of OPEN risks: rows from probability 5 (top) to 1, columns impact 1 to 5.
 * Out-of-range values (bad data) are left out rather than clamped into a wrong cell.
 */
export function heatMap(risks: readonly Risk[]): HeatCell[][] {
  const counts = new Map<string, number>();
  for (const r of risks) {
    if (!isOpen(r)) continue;
    if (SCALE.indexOf(r.probability as 1) < 0 || SCALE.indexOf(r.impact as 1) < 0) continue;
    const key = `${r.probability}:${r.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...SCALE].reverse().map((probability) => SCALE.map((impact) => ({
    probability, impact, score: probability * impact, band: scoreBand(probability * impact),
    count: counts.get(`${probability}:${impact}`) ?? 0
  })));
}

export interface CellFilter {
  probability: number;
  impact: number;
}

/** The list under a chosen cell: the open risks in it; no cell = every risk. */
export function filterRisks(risks: readonly Risk[], cell: CellFilter | undefined): Risk[] {
  if (!cell) return [...risks];
  return risks.filter((r) => isOpen(r) && r.probability === cell.probability && r.impact === cell.impact);
}

/** Clicking the chosen cell again clears the filter. */
export function toggleCell(current: CellFilter | undefined, cell: CellFilter): CellFilter | undefined {
  return current && current.probability === cell.probability && current.impact === cell.impact ? undefined : cell;
}

/** The person the form holds: e-mail is the key; `id` once SharePoint knows them. */
export interface FormPerson {
  email: string;
  title: string;
  id?: number;
}

export interface RiskForm {
  title: string;
  description: string;
  probability: number | 0;
  impact: number | 0;
  owner?: FormPerson;
  mitigation: string;
  status: RiskStatus | '';
  due: string;
}

export type RiskFormKey = keyof RiskForm;
export type RiskErrors = Partial<Record<RiskFormKey, string>>;

export const EMPTY_RISK: RiskForm = { title: '', description: '', probability: 0, impact: 0, owner: undefined, mitigation: '', status: 'Open', due: '' };

export function formOfRisk(r: Risk): RiskForm {
  return {
    title: r.title ?? '', description: r.description ?? '', probability: r.probability ?? 0, impact: r.impact ?? 0,
    owner: r.owner ? { email: r.owner.email, title: r.owner.title, id: r.owner.id } : undefined,
    mitigation: r.mitigation ?? '', status: r.status ?? '', due: r.due?.slice(0, 10) ?? ''
  };
}

export interface RiskValidationMessages {
  Required: string;
  TooLong: string;
  ChooseLevel: string;
  InvalidDate: string;
}

/** SharePoint's single line of text holds 255 characters. */
export const TITLE_MAX = 255;

export function validateRiskForm(form: RiskForm, m: RiskValidationMessages): RiskErrors {
  const errors: RiskErrors = {};
  if (!form.title.trim()) errors.title = m.Required;
  else if (form.title.trim().length > TITLE_MAX) errors.title = m.TooLong;
  if (SCALE.indexOf(form.probability as 1) < 0) errors.probability = m.ChooseLevel;
  if (SCALE.indexOf(form.impact as 1) < 0) errors.impact = m.ChooseLevel;
  if ((RISK_STATUSES as readonly string[]).indexOf(form.status) < 0) errors.status = m.Required;
  if (form.due.trim() && !isIsoDate(form.due)) errors.due = m.InvalidDate;
  return errors;
}

/** The risk to save; the score is shown as a preview only: the service computes the stored one. */
export function riskFromForm(form: RiskForm, base: Risk | undefined, project: Pick<Project, 'id' | 'title'>, owner: PersonRef | undefined): Risk | NewItem<Risk> {
  const values: NewItem<Risk> = {
    title: form.title.trim(),
    project: { id: project.id, title: project.title },
    description: form.description.trim() || undefined,
    probability: form.probability,
    impact: form.impact,
    score: form.probability * form.impact,
    owner,
    mitigation: form.mitigation.trim() || undefined,
    status: form.status as RiskStatus,
    due: form.due || undefined
  };
  return base ? { ...base, ...values } : values;
}

function personKey(p: FormPerson | undefined): string {
  return p ? p.email.toLowerCase() || String(p.id) : '';
}

export function isRiskDirty(form: RiskForm, initial: RiskForm): boolean {
  return (Object.keys(EMPTY_RISK) as RiskFormKey[]).some((k) => (k === 'owner' ? personKey(form.owner) !== personKey(initial.owner) : form[k] !== initial[k]));
}

export function splitRiskErrors(fields: Record<string, string>): { form: RiskErrors; other: string[] } {
  const form: RiskErrors = {};
  const other: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (k in EMPTY_RISK) form[k as RiskFormKey] = v;
    else if (k === 'score') form.probability = v;
    else other.push(v);
  }
  return { form, other };
}

export function statusLabel(s: IRisksWebPartStrings, status: RiskStatus): string {
  return ({ Open: s.StatusOpen, Mitigating: s.StatusMitigating, Accepted: s.StatusAccepted, Closed: s.StatusClosed } as Record<RiskStatus, string>)[status] ?? status;
}
