import * as React from 'react';
import { ErrorState } from './States';

export interface IErrorBoundaryProps {
  title: string;
  retryLabel: string;
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
      return <ErrorState title={this.props.title} message={this.state.error.message} retryLabel={this.props.retryLabel} onRetry={() => this.setState({ error: undefined })} />;
    }
    return this.props.children;
  }
}
