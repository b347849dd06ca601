import * as React from 'react';
import { ActionButton } from '@fluentui/react';
import { format } from './text';

/** Rows a long list shows until the user asks for all of them. */
export const COLLAPSED_ROWS = 10;

/**
 * A long list on a page of several web parts starts with its first rows, so the page can be
 * taken in (a portfolio's 57 open risks made the Portfolio page 7,000 px tall); one button shows
 * the rest and back. `visible` is how many rows to render now.
 */
export function useCollapsedRows(total: number, collapsed: number = COLLAPSED_ROWS): { visible: number; expanded: boolean; toggle: () => void } {
  const [expanded, setExpanded] = React.useState(false);
  return { visible: expanded ? total : Math.min(total, collapsed), expanded, toggle: () => setExpanded((x) => !x) };
}

export function ShowMoreRows({ total, collapsed = COLLAPSED_ROWS, expanded, onToggle, controls, common }: {
  total: number; collapsed?: number; expanded: boolean; onToggle: () => void;
  /** The id of the table the button shows more of. */
  controls: string;
  common: IPmoHubCommonStrings;
}): JSX.Element {
  if (total <= collapsed) return <></>;
  return (
    <ActionButton iconProps={{ iconName: expanded ? 'ChevronUp' : 'ChevronDown' }} aria-expanded={expanded} aria-controls={controls} onClick={onToggle}>
      {expanded ? format(common.ShowFirstRows, collapsed) : format(common.ShowAllRows, total)}
    </ActionButton>
  );
}
