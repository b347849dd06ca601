import * as React from 'react';
import { ErrorState } from './States';

export interface IErrorBoundaryProps {
  title: string;
  retryLabel: string;
  /** Says the failure in the user's language; without it the boundary shows only its title. */
  common?: IPmoHubCommonStrings;
  children?: React.ReactNode;
}

interface IErrorBoundaryState {
  error?: Error;
}

/** Keeps one failing web part from blanking the page; Retry re-mounts its children. */
export class ErrorBoundary extends React.Component<IErrorBoundaryProps, IErrorBoundaryState> {
  public state: IErrorBoundaryState = {};

  public static getDerivedStateFromError(error: Error): IErrorBoundaryState {
    return { error };
  }

  public render(): React.ReactNode {
    if (this.state.error) {
      const retry = (): void => this.setState({ error: undefined });
      // A render error's own text is a programmer's message: the user gets what to do instead.
      return this.props.common
        ? <ErrorState title={this.props.title} error={this.state.error} common={this.props.common} retryLabel={this.props.retryLabel} onRetry={retry} />
        : <ErrorState title={this.props.title} message="" retryLabel={this.props.retryLabel} onRetry={retry} />;
    }
    return this.props.children;
  }
}
