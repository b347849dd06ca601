import type { IProjectService } from '../../../services/ProjectService';
import type { ProjectPhase } from '../../../model/portfolio';

export interface IProjectRegisterProps {
  service: IProjectService;
  strings: IProjectRegisterWebPartStrings;
  common: IPmoHubCommonStrings;
  /** BCP 47, e.g. sv-SE: dates, numbers and sorting follow it. */
  locale: string;
  pageSize: number;
  /** A reporting project with no published report for longer is flagged. */
  staleDays: number;
  /** Phase filter applied when the register opens ('' = all). */
  defaultPhase?: ProjectPhase | '';
  /** For tests: the day against which staleness is judged. */
  today?: Date;
}
