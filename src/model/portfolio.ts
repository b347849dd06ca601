import type {
  PROJECT_METHODS,
  PROJECT_PHASES,
  RISK_STATUSES
} from '../schema';
import type { Hyperlink, IsoDate, ListItemBase, LookupRef, PersonRef, Rag } from './common';

export type ProjectPhase = (typeof PROJECT_PHASES)[number];
export type ProjectMethod = (typeof PROJECT_METHODS)[number];
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** Prioritisation criterion ID (as a string: JSON keys) → score on that criterion's scale. */
export type CriteriaScores = Record<string, number>;

export interface Project extends ListItemBase {
  code: string;
  title: string;
  description?: string;
  leader?: PersonRef;
  sponsor?: PersonRef;
  unit?: string;
  programme?: string;
  phase: ProjectPhase;
  method?: ProjectMethod;
  startDate?: IsoDate;
  endDate?: IsoDate;
  budget?: number;
  actualCost?: number;
  forecastCost?: number;
  forecastEnd?: IsoDate;
  /** Empty when the project aligns to no objective. */
  strategicObjectives: LookupRef[];
  /**
   * The PMO's assessment, from Project Priorities (schema 9), not from the project item: filled in
   * by `withPriorities` where a view shows it; absent where nothing read it.
   */
  priorityScore?: number;
  criteriaScores?: CriteriaScores;
  /** The Project Priorities item the two come from (its ETag goes with a save); absent when unscored. */
  priority?: { id: number; etag?: string };
  siteUrl?: Hyperlink;
  // Copied from the latest published status report by publishing: a cache the project's leader can
  // write by hand (withLatestReports replaces it with the reports' own values once they are read).
  latestOverall?: Rag;
  latestSchedule?: Rag;
  latestCost?: Rag;
  latestScope?: Rag;
  latestRisk?: Rag;
  latestPercentComplete?: number;
  latestReportDate?: IsoDate;
}

/** One item of Project Priorities: the PMO's scores of one project and their weighted total. */
export interface ProjectPriority extends ListItemBase {
  title?: string;
  project: LookupRef;
  criteriaScores: CriteriaScores;
  priorityScore?: number;
}

/**
 * The projects with the PMO's scores of each (from `priorities`, by project ID) in place of
 * anything the project items said: a project without a priority item is unscored.
 */
export function withPriorities(projects: readonly Project[], priorities: readonly ProjectPriority[]): Project[] {
  const byProject = new Map(priorities.map((p) => [p.project.id, p]));
  return projects.map((p) => {
    const found = byProject.get(p.id);
    return {
      ...p,
      criteriaScores: found ? found.criteriaScores : {},
      priorityScore: found ? found.priorityScore : undefined,
      priority: found ? { id: found.id, etag: found.etag } : undefined
    };
  });
}

export interface StatusReport extends ListItemBase {
  title?: string;
  project: LookupRef;
  reportDate: IsoDate;
  overall: Rag;
  schedule: Rag;
  cost: Rag;
  scope: Rag;
  risk: Rag;
  overallComment?: string;
  scheduleComment?: string;
  costComment?: string;
  scopeComment?: string;
  riskComment?: string;
  summary: string;
  nextSteps?: string;
  percentComplete?: number;
  forecastCost?: number;
  forecastEnd?: IsoDate;
  published: boolean;
  /** Who wrote the report (SharePoint's Created By); absent before it is saved. */
  author?: PersonRef;
  /**
   * In its project's folder (schema 8), where the project's leader may write; absent or false for an
   * item from before the folders, at the list's root, which only the PMO may change.
   */
  inProjectFolder?: boolean;
}

export interface Risk extends ListItemBase {
  title: string;
  project: LookupRef;
  description?: string;
  /** 1–5 */
  probability: number;
  /** 1–5 */
  impact: number;
  /** probability × impact, 1–25 */
  score: number;
  owner?: PersonRef;
  mitigation?: string;
  status: RiskStatus;
  due?: IsoDate;
  /**
   * In its project's folder (schema 8), where the project's leader may write; absent or false for an
   * item from before the folders, at the list's root, which only the PMO may change.
   */
  inProjectFolder?: boolean;
}

export interface StrategicObjective extends ListItemBase {
  title: string;
  description?: string;
  owner?: PersonRef;
  /** e.g. `2025`, `2025-H1` */
  period: string;
}

export interface KeyResult extends ListItemBase {
  title: string;
  objective: LookupRef;
  metric?: string;
  baseline?: number;
  target: number;
  current?: number;
  unit?: string;
  due?: IsoDate;
  /** The latest check-in's confidence, percent (0–100). */
  confidence?: number;
}

/** A dated check-in of a key result; who made it is SharePoint's Author. */
export interface KeyResultCheckIn extends ListItemBase {
  title?: string;
  keyResult: LookupRef;
  checkInDate: IsoDate;
  value: number;
  confidence?: number;
  comment?: string;
  author?: PersonRef;
}

export interface PrioritisationCriterion extends ListItemBase {
  title: string;
  /** Relative weight, 0–100. */
  weight: number;
  /** Highest score on the scale; scores run 0…scale. */
  scale: number;
  description?: string;
  active: boolean;
}

/** The saved filter of a portfolio view, stored as JSON; `version` lets the shape evolve. */
export interface PortfolioFilter {
  version: 1;
  phases?: ProjectPhase[];
  units?: string[];
  programmes?: string[];
  methods?: ProjectMethod[];
  overall?: Rag[];
  leaderIds?: number[];
  strategicObjectiveIds?: number[];
  /** Free text matched against code and title. */
  text?: string;
  /** Projects running at some time in this period (start ≤ to and end ≥ from); either end may be open. */
  period?: { from?: IsoDate; to?: IsoDate };
  sort?: { field: string; ascending: boolean };
}

export interface PortfolioView extends ListItemBase {
  title: string;
  filterDefinition: PortfolioFilter;
  owner: PersonRef;
  /** PMO-wide when true; personal to the owner otherwise. */
  shared: boolean;
}
