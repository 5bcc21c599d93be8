import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useT } from '@/lib/i18n';

interface InnerProps {
  resetKey: string;
  title: string;
  hint: string;
  retry: string;
  children: ReactNode;
}

interface InnerState {
  error: Error | null;
  resetKey: string;
}

class Boundary extends Component<InnerProps, InnerState> {
  override state: InnerState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<InnerState> {
    return { error };
  }

  // Navigating elsewhere clears the error, so one broken page does not stick to the next one.
  static getDerivedStateFromProps(props: InnerProps, state: InnerState): Partial<InnerState> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={this.props.title}
        subTitle={this.props.hint}
        extra={
          <Button type="primary" onClick={() => this.setState({ error: null })}>
            {this.props.retry}
          </Button>
        }
      />
    );
  }
}

/** Error boundary around one page: a crash shows a retry card inside the layout, not a blank app. */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  const t = useT();
  return (
    <Boundary
      resetKey={location.pathname}
      title={t('error.pageTitle')}
      hint={t('error.pageHint')}
      retry={t('common.retry')}
    >
      {children}
    </Boundary>
  );
}
