import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { OPEN_RISK_STATUSES, internalName } from '../schema';
import type { Risk } from '../model/portfolio';
import { fromItem } from './mapping';
import { httpStatus, odataString } from './odata';
import { readAll, selection, spList, type RawItem } from './listItems';

/** What the portfolio risk heat map reads; components see only this. */
export interface IPortfolioRiskService {
  /** The open (Open, Mitigating) risks of every project, with project, owner, score and due date. */
  openRisks(): Promise<Risk[]>;
}

/** SharePoint's answer to a query no index narrows to 5,000 rows (SPQueryThrottledException). */
export function isThrottled(e: unknown): boolean {
  const status = httpStatus(e);
  const text = e instanceof Error ? e.message : String(e);
  return (status === 500 || status === 400 || status === undefined) && /SPQueryThrottledException|list view threshold/i.test(text);
}

export class SpPortfolioRiskService implements IPortfolioRiskService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  /**
   * Filtered on the indexed status column, ordered by ID, in pages of 5,000: one request while
   * at most 5,000 risks are open (the usual case: closed risks pile up, open ones do not). When
   * more are open, SharePoint refuses that filter (threshold); then every risk is read by ID in
   * pages of 5,000 (the one query that works at any size) and the open ones are kept.
   */
  public async openRisks(): Promise<Risk[]> {
    const { select, expand } = selection('risks');
    const list = spList(this.sp, this.siteUrl, 'risks');
    const status = internalName('risks', 'status');
    const open = OPEN_RISK_STATUSES.map((s) => `${status} eq ${odataString(s)}`).join(' or ');
    let rows: RawItem[];
    try {
      rows = await readAll(list.items.select(...select).expand(...expand).filter(open).orderBy('ID', true));
    } catch (e) {
      if (!isThrottled(e)) throw e;
      rows = await readAll(list.items.select(...select).expand(...expand).orderBy('ID', true));
    }
    // The projects' folders (projectFolders.ts) are rows too, without a project: not risks.
    return rows.map((raw) => fromItem<Risk>('risks', raw)).filter((r) => !!r.project && OPEN_RISK_STATUSES.indexOf(r.status) >= 0);
  }
}
