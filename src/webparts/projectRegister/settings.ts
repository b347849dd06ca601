// The register's properties and defaults, without SPFx imports: the property pane, the web part's
// composition and the local hub all read them.
import type { ProjectPhase } from '../../model/portfolio';
import type { IPmoHubWebPartProps } from '../shared/settings';

export interface IProjectRegisterWebPartProps extends IPmoHubWebPartProps {
  defaultPhase: ProjectPhase | '';
  pageSize: number;
  staleDays: number;
}

export const DEFAULTS: IProjectRegisterWebPartProps = { siteUrl: '', defaultPhase: '', pageSize: 50, staleDays: 30 };
