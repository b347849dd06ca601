import type { Theme } from '@fluentui/react';
import type { Rag } from '../model/common';

/**
 * The one set of RAG colours of PMO Hub: the register, the report form, the status trend, the
 * portfolio charts, tiles and roadmap all draw Amber in the same amber. Fixed colours, not the
 * site theme's: Fluent's severeWarningIcon is orange-red (Amber read as Red) and its warningIcon
 * grey (Amber read as "no status"). Contrast is checked by test/unit/components/ragColours.test.ts:
 * every fill ≥ 3:1 against the page (WCAG 1.4.11, graphics) and text drawn on a fill ≥ 4.5:1.
 */
const LIGHT: Readonly<Record<Rag, string>> = { Green: '#107c10', Amber: '#c87800', Red: '#a4262c' };
/** On dark themes (Teams dark, inverted site themes) the same hues, lighter, so they stand out from the page. */
const DARK: Readonly<Record<Rag, string>> = { Green: '#6bb700', Amber: '#f2a93b', Red: '#f1707b' };

/** Text or a glyph drawn on a RAG fill: white on amber would be 3.4:1, so amber carries black. */
const TEXT_ON_LIGHT: Readonly<Record<Rag, string>> = { Green: '#ffffff', Amber: '#000000', Red: '#ffffff' };
const TEXT_ON_DARK: Readonly<Record<Rag, string>> = { Green: '#000000', Amber: '#000000', Red: '#000000' };

/** Status is colour AND icon AND text: these icons go with the colours everywhere. */
export const RAG_ICONS: Readonly<Record<Rag | 'None', string>> = { Green: 'SkypeCircleCheck', Amber: 'WarningSolid', Red: 'StatusErrorFull', None: 'CircleRing' };

export function ragColours(theme: Theme): Record<Rag | 'None', string> {
  return { ...(theme.isInverted ? DARK : LIGHT), None: theme.palette.neutralTertiary };
}

export function ragTextOn(theme: Theme): Record<Rag, string> {
  return { ...(theme.isInverted ? TEXT_ON_DARK : TEXT_ON_LIGHT) };
}
