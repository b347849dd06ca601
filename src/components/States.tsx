import * as React from 'react';
import { MessageBar, MessageBarType, DefaultButton, Spinner, SpinnerSize, Stack, Text, Icon, useTheme, mergeStyles } from '@fluentui/react';
import { describeError } from './errors';

export function LoadingState(props: { label: string }): JSX.Element {
  return (
    <Stack horizontalAlign="center" tokens={{ padding: 24 }} role="status" aria-live="polite">
      <Spinner size={SpinnerSize.large} label={props.label} />
    </Stack>
  );
}

export type IErrorStateProps = {
  title: string;
  retryLabel: string;
  onRetry: () => void;
  /**
   * The web part's own title, shown above the error as the web part's heading: a failed web part
   * still says what it is, so the page keeps its outline and the user knows what to retry.
   */
  heading?: string;
} & (
  /** A sentence already written for the user. */
  | { message: string }
  /** The failure itself: said in the user's language by what happened, never by its raw text. */
  | { error: unknown; common: IPmoHubCommonStrings }
);

/** An error the user can act on: what happened, what to do, and a retry. */
export function ErrorState(props: IErrorStateProps): JSX.Element {
  const message = 'message' in props ? props.message : describeError(props.error, props.common);
  const bar = (
    <MessageBar
      messageBarType={MessageBarType.error}
      isMultiline={true}
      role="alert"
      actions={<DefaultButton onClick={props.onRetry}>{props.retryLabel}</DefaultButton>}
    >
      <strong>{props.title}</strong>
      <div>{message}</div>
    </MessageBar>
  );
  if (!props.heading) return bar;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Text variant="xLarge" as="h2">{props.heading}</Text>
      {bar}
    </Stack>
  );
}

export function EmptyState(props: { icon?: string; message: string; action?: JSX.Element }): JSX.Element {
  const theme = useTheme();
  // A class, not a style attribute: strict Content-Security-Policies block inline styles.
  const icon = mergeStyles({ fontSize: 32, color: theme.semanticColors.bodySubtext });
  return (
    <Stack horizontalAlign="center" tokens={{ childrenGap: 8, padding: 32 }} role="status">
      <Icon iconName={props.icon ?? 'Search'} className={icon} aria-hidden={true} />
      <Text>{props.message}</Text>
      {props.action}
    </Stack>
  );
}
