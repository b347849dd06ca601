import type { IProjectPickerService } from '../../../services/ProjectService';
import type { IRiskServices } from './RiskRegister';

export interface IRisksProps {
  projectService: IProjectPickerService;
  services: IRiskServices;
  strings: IRisksWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** The project this web part always shows (property pane); 0/undefined = the user chooses. */
  projectId?: number;
}
