import * as React from 'react';
import { Icon, Text, useTheme, mergeStyleSets } from '@fluentui/react';
import type { Rag } from '../model/common';
import { srOnly } from './srOnly';
import { RAG_ICONS, ragColours } from './ragColours';

export interface IStatusPillProps {
  status?: Rag;
  /** Localised labels for Green, Amber, Red and "no status". */
  labels: { Green: string; Amber: string; Red: string; None: string };
  /** Read before the status by screen readers, e.g. "Overall". */
  dimension?: string;
}

/** Status as colour AND icon AND text, so it reads without colour vision and in high contrast. */
export function StatusPill(props: IStatusPillProps): JSX.Element {
  const theme = useTheme();
  const key = props.status ?? 'None';
  const colour = key === 'None' ? theme.semanticColors.disabledBodyText : ragColours(theme)[key];
  const classes = mergeStyleSets({
    pill: { display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' },
    icon: { color: colour, fontSize: 14 }
  });
  const label = props.labels[key];
  return (
    <span className={classes.pill} title={props.dimension ? `${props.dimension}: ${label}` : label}>
      <Icon iconName={RAG_ICONS[key]} className={classes.icon} aria-hidden={true} />
      <Text variant="small">{props.dimension ? <span className={srOnly}>{props.dimension}: </span> : undefined}{label}</Text>
    </span>
  );
}
