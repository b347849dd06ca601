import * as React from 'react';
import { Text, useTheme } from '@fluentui/react';
import { format } from './text';
import { dateFormat } from './format';

/**
 * Says that what is on screen was read on an earlier visit and is being brought up to date, so
 * remembered data is never taken for fresh. Nothing once the fresh read is in.
 */
export function ReadAtNote({ asOf, locale, common }: { asOf: Date | undefined; locale: string; common: IPmoHubCommonStrings }): JSX.Element {
  const theme = useTheme();
  if (!asOf) return <></>;
  const when = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(asOf);
  return (
    <Text as="p" role="status" variant="small" styles={{ root: { color: theme.semanticColors.bodySubtext, margin: '0 0 8px' } }}>
      {format(common.ShownAsReadAt, when)}
    </Text>
  );
}
