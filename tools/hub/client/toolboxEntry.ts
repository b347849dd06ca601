/**
 * The PMO Hub web parts' manifests, read when the hub is built, so the hub's toolbox shows what
 * SharePoint's toolbox shows (each manifest's first preconfigured entry: title, description,
 * icon, default properties, per language) and no copy of them can drift.
 */
export interface ToolboxEntry {
  id: string;
  alias: string;
  iconName: string;
  /** By language tag as the manifest spells it (`en-US`), plus `default`. */
  title: Record<string, string>;
  description: Record<string, string>;
  properties: Record<string, unknown>;
}

/** A manifest's text in a language: the exact tag, then the default SharePoint falls back to. */
export function localised(texts: Record<string, string>, tag: string): string {
  const key = Object.keys(texts).find((k) => k.toLowerCase() === tag.toLowerCase());
  return key ? texts[key] : texts.default;
}
