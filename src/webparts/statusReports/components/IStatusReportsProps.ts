import type { IProjectPickerService } from '../../../services/ProjectService';
import type { IStatusReportServices } from './ProjectStatusReports';

export interface IStatusReportsProps {
  projectService: IProjectPickerService;
  services: IStatusReportServices;
  strings: IStatusReportsWebPartStrings;
  common: IPmoHubCommonStrings;
  /** BCP 47, e.g. sv-SE. */
  locale: string;
  /** The project this web part always shows (property pane); 0 = the user chooses. */
  projectId?: number;
  /** For tests: "today" for a new report's date. */
  today?: Date;
}
