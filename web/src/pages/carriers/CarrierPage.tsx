/** `/carriers/:id`: one carrier and the enterprises residing in it. */
import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import * as api from '../../api/endpoints.ts';
import type { CarrierDetail, CarrierResident } from '../../api/types.ts';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatDate } from '../../util/format.ts';
import { InForceTag } from './CarrierListPage.tsx';

function ResidentsTable({ residents }: { residents: readonly CarrierResident[] }) {
  const { t } = useI18n();
  return (
    <Table<CarrierResident>
      rowKey="residencyId"
      size="small"
      dataSource={[...residents]}
      data-testid="carrier-residents"
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
      columns={[
        {
          key: 'enterprise',
          title: t('res.enterprise'),
          dataIndex: 'enterpriseName',
          render: (name: string, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{name}</Link>,
        },
        { key: 'from', title: t('res.fromDate'), dataIndex: 'fromDate', render: formatDate },
        {
          key: 'to',
          title: t('res.toDate'),
          dataIndex: 'toDate',
          render: (d: string | null) => (d ? formatDate(d) : <Tag color="green">{t('res.current')}</Tag>),
        },
      ]}
    />
  );
}

export default function CarrierPage() {
  const params = useParams();
  const id = Number(params.id);
  const { t, pick } = useI18n();
  const ref = useReferenceData();
  const [detail, setDetail] = useState<CarrierDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setDetail(null);
    setError(null);
    api.getCarrier(id).then(setDetail, setError);
  }, [id]);

  if (error) return <Alert type="error" showIcon title={errorText(error, pick)} />;
  if (!detail) return <PageSpinner />;
  const c = detail.carrier;
  // The list row knows inForce; the detail may not, so derive it from the dates as a fallback.
  const today = new Date().toISOString().slice(0, 10);
  const inForce = c.inForce ?? (!c.validUntil || c.validUntil >= today);

  return (
    <div data-testid="carrier-page">
      <Card className="section-card">
        <Typography.Title level={3} data-testid="carrier-name" style={{ marginTop: 0 }}>
          {c.name} <InForceTag inForce={inForce} />
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('car.kind')}>{ref.carrierKind(c.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('car.level')}>{ref.level(c.level)}</Descriptions.Item>
          <Descriptions.Item label={t('car.unit')}>{ref.unitName(c.unitCode, c.unitName)}</Descriptions.Item>
          <Descriptions.Item label={t('car.recognisedOn')}>{formatDate(c.recognisedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('car.validUntil')}>{formatDate(c.validUntil)}</Descriptions.Item>
          {c.operatorUscc && <Descriptions.Item label={t('car.operatorUscc')}>{c.operatorUscc}</Descriptions.Item>}
          {c.leadingIndustry && <Descriptions.Item label={t('car.leadingIndustry')}>{c.leadingIndustry}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={`${t('car.residentList')}（${detail.residents.length}）`}>
        <ResidentsTable residents={detail.residents} />
      </Card>
    </div>
  );
}
