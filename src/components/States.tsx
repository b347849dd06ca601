import * as React from 'react';
import { MessageBar, MessageBarType, DefaultButton, Spinner, SpinnerSize, Stack, Text, Icon, useTheme, mergeStyles } from '@fluentui/react';

export function LoadingState(props: { label: string }): JSX.Element {
  return (
    <Stack horizontalAlign="center" tokens={{ padding: 24 }} role="status" aria-live="polite">
      <Spinner size={SpinnerSize.large} label={props.label} />
    </Stack>
  );
}

export interface IErrorStateProps {
  title: string;
  message: string;
  retryLabel: string;
  onRetry: () => void;
}

/** An error the user can act on: what happened, and a retry. */
export function ErrorState(props: IErrorStateProps): JSX.Element {
  return (
    <MessageBar
      messageBarType={MessageBarType.error}
      isMultiline={true}
      role="alert"
      actions={<DefaultButton onClick={props.onRetry}>{props.retryLabel}</DefaultButton>}
    >
      <strong>{props.title}</strong>
      <div>{props.message}</div>
    </MessageBar>
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
