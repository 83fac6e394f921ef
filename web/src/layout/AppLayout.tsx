/** The signed-in frame: header (name, user, language, sign-out) and the role's navigation. */
import { Button, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAuth, useUser } from '../auth/AuthContext.tsx';
import { useI18n, type Translate } from '../i18n/index.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { PageSpinner } from '../components/PageSpinner.tsx';
import { isGroup, navFor, type NavEntry, type NavLeaf } from './nav.ts';
import { NotificationBell } from './NotificationBell.tsx';

type MenuItem = NonNullable<MenuProps['items']>[number];

function testId(path: string): string {
  return `nav-${path === '/' ? 'home' : path.slice(1).replaceAll('/', '-')}`;
}

function leafItem(leaf: NavLeaf, t: Translate): MenuItem {
  return {
    key: leaf.path,
    label: (
      <Link to={leaf.path} data-testid={testId(leaf.path)}>
        {t(leaf.label)}
      </Link>
    ),
  };
}

function menuItems(entries: NavEntry[], t: Translate): MenuItem[] {
  return entries.map((entry) =>
    isGroup(entry)
      ? { key: entry.key, label: t(entry.label), children: entry.children.map((c) => leafItem(c, t)) }
      : leafItem(entry, t),
  );
}

/** The longest menu path that prefixes the current location, so /enterprises/12 lights "企业". */
function selectedKey(entries: NavEntry[], pathname: string): string {
  const paths = entries.flatMap((e) => (isGroup(e) ? e.children.map((c) => c.path) : [e.path]));
  const exact = paths.find((p) => p === pathname);
  if (exact) return exact;
  const prefixes = paths.filter((p) => p !== '/' && pathname.startsWith(`${p}/`));
  return prefixes.sort((a, b) => b.length - a.length)[0] ?? pathname;
}

function HeaderBar() {
  const { t, lang, setLang } = useI18n();
  const { signOut } = useAuth();
  const user = useUser();
  return (
    <Layout.Header className="app-header">
      <Typography.Text className="app-title" data-testid="app-title">
        {t('app.name')}
      </Typography.Text>
      <Space size="middle">
        <NotificationBell />
        <span data-testid="current-user" className="app-user">
          <UserOutlined /> {user.displayName}
          {/* The organisation when the account names one (a bank, the general office, a judge's employer):
              several bodies share a role, and the role's name would call them all 市工信局. */}
          <span className="app-role" title={t(`role.${user.role}`)}>
            {' '}
            · {user.organisation ?? t(`role.${user.role}`)}
          </span>
        </span>
        <Button
          type="text"
          className="app-header-button"
          icon={<GlobalOutlined />}
          data-testid="lang-switch"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('lang.switch')}
        </Button>
        <Button
          type="text"
          className="app-header-button"
          icon={<LogoutOutlined />}
          data-testid="sign-out"
          onClick={() => void signOut()}
        >
          {t('auth.signOut')}
        </Button>
      </Space>
    </Layout.Header>
  );
}

export function AppLayout({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  const user = useUser();
  const location = useLocation();
  const entries = navFor(user);
  return (
    <Layout className="app-root">
      <HeaderBar />
      <Layout>
        <Layout.Sider width={232} theme="light" className="app-sider" breakpoint="lg" collapsedWidth={0}>
          <Menu
            mode="inline"
            data-testid="main-menu"
            selectedKeys={[selectedKey(entries, location.pathname)]}
            defaultOpenKeys={['registry', 'policy']}
            items={menuItems(entries, t)}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <ErrorBoundary resetKey={location.pathname} message={t('error.page')}>
            <Suspense fallback={<PageSpinner />}>{children ?? <Outlet />}</Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
