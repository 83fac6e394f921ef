/** Keeps one broken page from blanking the whole app; navigating elsewhere clears it. */
import { Alert } from 'antd';
import { Component, type ReactNode } from 'react';

interface Props {
  /** Changes with the location, so moving to another page retries. */
  resetKey: string;
  message: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(prev: Props) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) {
      return <Alert type="error" showIcon title={this.props.message} description={this.state.error.message} />;
    }
    return this.props.children;
  }
}
