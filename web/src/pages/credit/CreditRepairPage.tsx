/**
 * `/credit-repair` (Measure 9, 两书同达): a penalty agency registers decisions, downloads the
 * notice and records the delivery; an enterprise sees its records and applies for repair;
 * officers see the records in their scope and the compliance statistics.
 */
import { Alert, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useUser } from '../../auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { creditApi } from './api.ts';
import { DecisionDrawer } from './DecisionDrawer.tsx';
import { DecisionTable } from './DecisionTable.tsx';
import { RegisterForm } from './RegisterForm.tsx';
import { StatsPanel } from './StatsPanel.tsx';
import './credit.css';

export default function CreditRepairPage() {
  const user = useUser();
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [agencyName, setAgencyName] = useState<string | null | undefined>(undefined);
  const refresh = () => setRefreshKey((k) => k + 1);
  const isAgency = user.role === 'penalty_agency';
  const isEnterprise = user.role === 'enterprise_user';

  useEffect(() => {
    if (isAgency)
      creditApi.agency().then(
        (a) => setAgencyName(a.name),
        () => setAgencyName(null),
      );
  }, [isAgency]);

  const list = <DecisionTable refreshKey={refreshKey} onOpen={setOpen} showAgency={!isAgency} />;
  const items = isAgency
    ? [
        {
          key: 'register',
          label: t('credit.tab.register'),
          children: <RegisterForm onRegistered={(d) => (refresh(), setOpen(d.decision.id))} />,
        },
        { key: 'decisions', label: t('credit.tab.decisions'), children: list },
        { key: 'stats', label: t('credit.tab.stats'), children: <StatsPanel refreshKey={refreshKey} /> },
      ]
    : isEnterprise
      ? [{ key: 'mine', label: t('credit.tab.mine'), children: list }]
      : [
          { key: 'stats', label: t('credit.tab.stats'), children: <StatsPanel refreshKey={refreshKey} /> },
          { key: 'decisions', label: t('credit.tab.decisions'), children: list },
        ];

  return (
    <div data-testid="credit-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('credit.title')}
        {agencyName ? (
          <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }}>
            {agencyName}
          </Typography.Text>
        ) : null}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('credit.subtitle')}</Typography.Paragraph>
      {isAgency && agencyName === null ? (
        <Alert type="warning" showIcon title={t('credit.noAgency')} />
      ) : (
        <Tabs items={items} destroyOnHidden={false} />
      )}
      <DecisionDrawer id={open} onClose={() => setOpen(null)} onChanged={refresh} />
    </div>
  );
}
