import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/navigation';
import '@pnp/sp/security';

/** A link of the site's navigation as a host draws it. */
export interface NavLink {
  id: number;
  title: string;
  url: string;
  isExternal: boolean;
}

/** The site's Quick Launch (`web/navigation/QuickLaunch`), read and added to as SharePoint decides. */
export class SpSiteNavigationService {
  public constructor(private readonly sp: SPFI) {}

  public async quickLaunch(): Promise<NavLink[]> {
    const nodes = await this.sp.web.navigation.quicklaunch.select('Id', 'Title', 'Url', 'IsExternal', 'IsVisible')<Array<{ Id: number; Title: string; Url: string; IsExternal: boolean; IsVisible: boolean }>>();
    return nodes.filter((n) => n.IsVisible !== false).map((n) => ({ id: n.Id, title: n.Title, url: n.Url, isExternal: n.IsExternal === true }));
  }

  /** Adds a link at the end; SharePoint refuses those who may not change the navigation. */
  public async addLink(title: string, url: string): Promise<void> {
    await this.sp.web.navigation.quicklaunch.add(title, url, true);
  }
}
