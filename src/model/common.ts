// Shapes shared by every domain type. Services map SharePoint items (internal names)
// to these camelCase types and back; components only ever see these.
import type { RAG_VALUES } from '../schema';

/** A date without time of day, `YYYY-MM-DD`: immune to the site's time zone. */
export type IsoDate = string;

/** A moment in time, ISO 8601 in UTC (`2025-01-15T08:00:00Z`). */
export type IsoDateTime = string;

/** A person from a person column, as SharePoint expands it. */
export interface PersonRef {
  /** Site user ID (User Information List), not an Entra object ID. */
  id: number;
  title: string;
  /** Empty when SharePoint knows no address. */
  email: string;
}

/** The target of a lookup column: its item ID and the shown field (Title). */
export interface LookupRef {
  id: number;
  title: string;
}

export interface Hyperlink {
  url: string;
  description?: string;
}

export type Rag = (typeof RAG_VALUES)[number];

/** What every stored item carries: its ID and the ETag an update must send (If-Match). */
export interface ListItemBase {
  id: number;
  etag?: string;
}

/** An item before it is saved: no ID or ETag yet. */
export type NewItem<T extends ListItemBase> = Omit<T, keyof ListItemBase>;
