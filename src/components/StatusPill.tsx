import * as React from 'react';
import { Icon, Text, useTheme, mergeStyleSets } from '@fluentui/react';
import type { Rag } from '../model/common';
import { srOnly } from './srOnly';

export interface IStatusPillProps {
  status?: Rag;
  /** Localised labels for Green, Amber, Red and "no status". */
  labels: { Green: string; Amber: string; Red: string; None: string };
  /** Read before the status by screen readers, e.g. "Overall". */
  dimension?: string;
}

const ICONS: Record<Rag | 'None', string> = { Green: 'SkypeCircleCheck', Amber: 'WarningSolid', Red: 'StatusErrorFull', None: 'CircleRing' };

/** Status as colour AND icon AND text, so it reads without colour vision and in high contrast. */
export function StatusPill(props: IStatusPillProps): JSX.Element {
  const theme = useTheme();
  const key = props.status ?? 'None';
  const colour = {
    Green: theme.semanticColors.successIcon,
    Amber: theme.semanticColors.severeWarningIcon,
    Red: theme.semanticColors.errorIcon,
    None: theme.semanticColors.disabledBodyText
  }[key];
  const classes = mergeStyleSets({
    pill: { display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' },
    icon: { color: colour, fontSize: 14 }
  });
  const label = props.labels[key];
  return (
    <span className={classes.pill} title={props.dimension ? `${props.dimension}: ${label}` : label}>
      <Icon iconName={ICONS[key]} className={classes.icon} aria-hidden={true} />
      <Text variant="small">{props.dimension ? <span className={srOnly}>{props.dimension}: </span> : undefined}{label}</Text>
    </span>
  );
}
