import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { getList, internalName, type ListSchema } from '../schema';
import { readAll } from './listItems';
import { toPayload } from './mapping';
import { httpStatus } from './odata';

export interface HubSetting {
  id: number;
  key: string;
  value: string;
}

/** The PMO Hub Settings list: one item per setting, read whole (a handful of items). */
export class SpHubSettingsService {
  public constructor(private readonly sp: SPFI, private readonly webPath: string) {}

  private get list(): ReturnType<SPFI['web']['getList']> {
    const schema = getList('hubSettings') as ListSchema;
    return this.sp.web.getList(`${this.webPath.replace(/\/+$/, '')}/${schema.url}`);
  }

  /** Every setting by key; none when the list does not exist yet (a site not yet provisioned for schema 5). */
  public async readAll(): Promise<Map<string, HubSetting>> {
    const key = internalName('hubSettings', 'title');
    const value = internalName('hubSettings', 'value');
    let rows: Array<Record<string, unknown>>;
    try {
      rows = await readAll(this.list.items.select('Id', key, value));
    } catch (e) {
      if (httpStatus(e) === 404) return new Map();
      throw e;
    }
    return new Map(rows.map((r) => [String(r[key]), { id: r.Id as number, key: String(r[key]), value: String(r[value] ?? '') }]));
  }

  /** Writes one setting; `existing` is what readAll gave for it, if anything. */
  public async write(key: string, value: string, existing?: HubSetting): Promise<void> {
    const payload = toPayload('hubSettings', { title: key, value });
    if (existing) await this.list.items.getById(existing.id).update(payload);
    else await this.list.items.add(payload);
  }
}
