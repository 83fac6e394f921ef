/** Officers (city, finance; a district officer for their unit): statistics, demands, loans and the list. */
import { Button, Space, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { fetchDemands, type Demand } from './api.ts';
import { KeyList, Loans } from './InstitutionView.tsx';
import { DemandDrawer, StatsPanel, demandColumns } from './shared.tsx';

function AllDemands() {
  const { t } = useI18n();
  const [data, setData] = useState<Demand[] | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  useEffect(() => {
    void fetchDemands({ pageSize: 200 }).then((r) => setData(r.items));
  }, []);
  return (
    <>
      <Table<Demand>
        rowKey="id"
        size="middle"
        loading={!data}
        dataSource={data ?? []}
        scroll={{ x: 1200 }}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        data-testid="officer-demands"
        columns={demandColumns(t, {
          showEnterprise: true,
          institution: false,
          actions: (d) => (
            <Button size="small" onClick={() => setViewing(d.id)}>
              {t('fin.action.view')}
            </Button>
          ),
        })}
      />
      <DemandDrawer id={viewing} onClose={() => setViewing(null)} institution={false} />
    </>
  );
}

export function OfficerView() {
  const { t } = useI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('fin.intro.officer')}</Typography.Paragraph>
      <Tabs
        data-testid="financing-tabs"
        items={[
          { key: 'stats', label: t('fin.tab.stats'), children: <StatsPanel /> },
          { key: 'demands', label: t('fin.tab.allDemands'), children: <AllDemands /> },
          { key: 'loans', label: t('fin.tab.loans'), children: <Loans /> },
          { key: 'list', label: t('fin.tab.keyList'), children: <KeyList /> },
        ]}
      />
    </Space>
  );
}
