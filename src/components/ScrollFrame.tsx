import * as React from 'react';
import { mergeStyles } from '@fluentui/react';

/** The frame's style alone, for a wrapper that is sometimes a frame and sometimes visually hidden. */
export const scrollFrameClass: string = mergeStyles({ maxWidth: '100%', overflowX: 'auto' });

/**
 * A grid or table wider than its column scrolls sideways inside this frame, never the page: Teams
 * mobile gives a tab 390 px, and a page that scrolls sideways there hides its own navigation.
 * Focusable and named, so keyboard users can scroll it (axe: scrollable-region-focusable).
 */
export function ScrollFrame(props: { label: string; children: React.ReactNode }): JSX.Element {
  return <div className={scrollFrameClass} role="group" aria-label={props.label} tabIndex={0}>{props.children}</div>;
}
