import type { IStatusReportService, IRiskService } from '../../../services/editing';
import type { IProjectService } from '../../../services/ProjectService';
import type { ProjectPhase } from '../../../model/portfolio';
import type { IPrioritisationService } from '../../../services/PrioritisationService';
import type { IPeopleService, IProjectEditingService } from '../../../services/editing';
import type { DrillDown } from '../../portfolio/shared/drillDown';

/** The rest of the control loop, reachable from a project's details: its status reports and risks. */
export interface IControlLoop {
  /** Built on first use: the reporting and risk services are a chunk of their own, not part of every page with a register. */
  services: () => Promise<{ statusReports: IStatusReportService; risks: IRiskService }>;
  editing?: IProjectEditingService;
  people?: IPeopleService;
  statusStrings: IStatusReportsWebPartStrings;
  riskStrings: IRisksWebPartStrings;
}

export interface IProjectRegisterProps {
  /** Status reports and risks from the details panel; without it the panel offers neither. */
  controlLoop?: IControlLoop;
  service: IProjectService;
  /** Create and edit; without it (or without the rights) the register is read-only. */
  editing?: IProjectEditingService;
  /** Person pickers of the form (Microsoft Graph search, site users). */
  people?: IPeopleService;
  /**
   * The PMO's priority scores (Project Priorities), read only where shown: the open project's when
   * its details open, everyone's for an export. Without it neither shows a score.
   */
  priorities?: Pick<IPrioritisationService, 'priorities' | 'priorityOf'>;
  strings: IProjectRegisterWebPartStrings;
  common: IPmoHubCommonStrings;
  /** BCP 47, e.g. sv-SE: dates, numbers and sorting follow it. */
  locale: string;
  pageSize: number;
  /** A reporting project with no published report for longer is flagged. */
  staleDays: number;
  /** Phase filter applied when the register opens ('' = all). */
  defaultPhase?: ProjectPhase | '';
  /** A filter from the portfolio overview (the page URL's `pf` parameter), applied on load. */
  drillDown?: DrillDown;
  /** The user cleared the portfolio's filter: the host drops it from the page URL. */
  onClearDrillDown?: () => void;
  /** A project's benefits in its details; built on first use. Absent: no benefits section. */
  benefits?: () => Promise<import('./ProjectBenefits').IProjectBenefitsReader>;
  /** For tests: the day against which staleness is judged. */
  today?: Date;
  /** For tests: milliseconds before a typed project code is checked for uniqueness. */
  codeCheckDelay?: number;
}
