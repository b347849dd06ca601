import * as React from 'react';
import { ThemeProvider, createTheme } from '@fluentui/react';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import { ErrorBoundary } from '../../components/ErrorBoundary';

export interface IWebPartShellProps {
  /** The page's (or Teams') theme as SPFx hands it over; none → Fluent's default. */
  theme: IReadonlyTheme | undefined;
  common: IPmoHubCommonStrings;
  children?: React.ReactNode;
}

/**
 * What wraps every PMO Hub web part: the page's theme and an error boundary. It lives in its own
 * lazily loaded chunk (with the Fluent UI it needs) so the suite's entry bundle holds no Fluent UI.
 */
export default function WebPartShell({ theme, common, children }: IWebPartShellProps): React.ReactElement {
  const fluentTheme = React.useMemo(
    () => theme ? createTheme({ palette: theme.palette, semanticColors: theme.semanticColors, isInverted: theme.isInverted }) : undefined,
    [theme]
  );
  return (
    <ThemeProvider theme={fluentTheme}>
      <ErrorBoundary title={common.ErrorTitle} retryLabel={common.Retry} common={common}>{children}</ErrorBoundary>
    </ThemeProvider>
  );
}
