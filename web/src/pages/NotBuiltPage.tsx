/** Honest placeholder for a capability that has no page yet: no sample data, just the fact. */
import { Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

export default function NotBuiltPage({ label }: { label: MessageKey }) {
  const { t } = useI18n();
  return (
    <Result
      data-testid="not-built"
      icon={<ToolOutlined />}
      title={t('notBuilt.title', { name: t(label) })}
      subTitle={t('notBuilt.body')}
    />
  );
}
