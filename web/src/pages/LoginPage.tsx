/** Sign-in. Wrong password and lockout come back as bilingual API errors and are shown as-is. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useAuth } from '../auth/AuthContext.tsx';
import { useI18n } from '../i18n/index.tsx';
import { errorText } from '../util/errors.ts';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t, lang, setLang, pick } = useI18n();
  const { signIn } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: Credentials) {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username, values.password);
    } catch (e) {
      setError(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <Button
        className="login-lang"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      >
        {t('lang.switch')}
      </Button>
      <Card className="login-card">
        <Typography.Title level={3} className="login-heading">
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="login-sub">
          {t('auth.title')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} data-testid="login-error" style={{ marginBottom: 16 }} />}
        <Form<Credentials> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('auth.required', { field: t('auth.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.required', { field: t('auth.password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
