/** `/enterprises/:id`: one enterprise with its title history, figures, IP, honours and residency. */
import { Alert, App, Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import * as api from '../../api/endpoints.ts';
import type { EnterpriseDetail, Title } from '../../api/types.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { TitleTags } from '../../components/TitleTags.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { canEditEnterprises, canManageTitles } from '../../layout/nav.ts';
import { errorText } from '../../util/errors.ts';
import { formatDate } from '../../util/format.ts';
import { CreditSection } from './CreditSection.tsx';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer.tsx';
import { HonoursTable, IpTable, ResidencyTable, TitleTable, YearlyTable } from './EnterpriseSections.tsx';
import { AddTitleModal, RevokeTitleModal } from './TitleDialogs.tsx';
import { TitleTimeline } from './TitleTimeline.tsx';

// echarts is only needed here, and only once the figures arrive.
/** Who sees the penalty records on the page (the server scopes them again). */
const CREDIT_READERS: readonly string[] = ['city_officer', 'district_officer', 'enterprise_user'];

const YearlyChart = lazy(() => import('./YearlyChart.tsx'));

function useEnterprise(id: number) {
  const [detail, setDetail] = useState<EnterpriseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    setError(null);
    return api.getEnterprise(id).then(setDetail, setError);
  }, [id]);
  useEffect(() => {
    setDetail(null);
    void reload();
  }, [reload]);
  return { detail, error, reload };
}

function Header({ detail, actions }: { detail: EnterpriseDetail; actions: ReactNode }) {
  const { t } = useI18n();
  const ref = useReferenceData();
  const e = detail.enterprise;
  const inForce = detail.titles.filter((title) => title.status === 'in_force').map((title) => title.kind);
  return (
    <Card className="section-card">
      <div className="page-header">
        <Space orientation="vertical" size={4}>
          <Typography.Title level={3} data-testid="enterprise-name">
            {e.name}
          </Typography.Title>
          <TitleTags kinds={[...new Set(inForce)]} />
        </Space>
        {actions}
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('ent.uscc')}>
          <span className="num" data-testid="enterprise-uscc">{e.uscc}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('ent.unit')}>{ref.unitName(e.unitCode, e.unitName)}</Descriptions.Item>
        <Descriptions.Item label={t('ent.industry')}>
          {e.industryCode} {ref.industry(e.industryCode)}
        </Descriptions.Item>
        <Descriptions.Item label={t('ent.sizeClass')}>{ref.sizeClass(e.sizeClass)}</Descriptions.Item>
        <Descriptions.Item label={t('ent.establishedOn')}>{formatDate(e.establishedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('ent.strategicEmerging')}>
          {e.strategicEmerging ? <Tag color="geekblue">{t('common.yes')}</Tag> : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('ent.address')}>{e.address || '—'}</Descriptions.Item>
        {detail.formerNames.length > 0 && (
          <Descriptions.Item label={t('ent.formerNames')}>
            {detail.formerNames.map((f) => `${f.name}${f.usedUntil ? `（${f.usedUntil}）` : ''}`).join('；')}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card title={title} size="small" className="section-card" data-testid={testId}>
      {children}
    </Card>
  );
}

export default function EnterprisePage() {
  const params = useParams();
  const id = Number(params.id);
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const { detail, error, reload } = useEnterprise(id);
  const [editing, setEditing] = useState(false);
  const [addingTitle, setAddingTitle] = useState(false);
  const [revoking, setRevoking] = useState<Title | null>(null);

  if (error) {
    const notFound = error instanceof ApiError && error.id === 'not_found';
    return <Alert type={notFound ? 'warning' : 'error'} showIcon title={errorText(error, pick)} data-testid="enterprise-error" />;
  }
  if (!detail) return <PageSpinner />;

  const mayEdit = canEditEnterprises(user);
  const mayManageTitles = canManageTitles(user);
  const e = detail.enterprise;

  const actions = (
    <Space>
      {mayManageTitles && (
        <Button icon={<PlusOutlined />} onClick={() => setAddingTitle(true)} data-testid="add-title">
          {t('ent.addTitle')}
        </Button>
      )}
      {mayEdit && (
        <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-enterprise">
          {t('common.edit')}
        </Button>
      )}
    </Space>
  );

  return (
    <div data-testid="enterprise-page">
      <Header detail={detail} actions={actions} />
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <Section title={t('ent.titleHistory')} testId="title-history">
            <TitleTimeline titles={detail.titles} />
          </Section>
          <Section title={t('ent.contacts')}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('ent.contactName')}>{e.contactName || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ent.contactPhone')}>
                <span className="num">{e.contactPhone || '—'}</span>
              </Descriptions.Item>
            </Descriptions>
          </Section>
        </Col>
        <Col xs={24} xl={16}>
          <Section title={t('ent.yearlyChart')}>
            {detail.yearly.length ? (
              <Suspense fallback={<PageSpinner />}>
                <YearlyChart yearly={detail.yearly} />
              </Suspense>
            ) : (
              <Empty description={t('ent.noData')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Section>
          <Section title={t('ent.titleTable')}>
            <TitleTable titles={detail.titles} onRevoke={mayManageTitles ? setRevoking : null} />
          </Section>
          <Section title={`${t('ent.yearly')}（${t('ent.moneyUnit')}）`}>
            <YearlyTable yearly={detail.yearly} />
          </Section>
          <Section title={t('ent.ip')}>
            <IpTable ip={detail.ip} />
          </Section>
          <Section title={t('ent.honours')}>
            <HonoursTable honours={detail.honours} />
          </Section>
          <Section title={t('ent.residencies')}>
            <ResidencyTable residencies={detail.residencies} />
          </Section>
          {CREDIT_READERS.includes(user.role) && (
            <Section title={t('credit.sectionTitle')} testId="enterprise-credit">
              <CreditSection enterpriseId={e.id} />
            </Section>
          )}
        </Col>
      </Row>
      <EnterpriseFormDrawer
        open={editing}
        mode={{ kind: 'edit', enterprise: e }}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('common.saved'));
          void reload();
        }}
        onStale={() => {
          // Someone else saved first: show their version; the user re-applies the change.
          setEditing(false);
          void reload().then(() => message.info(t('ent.staleReloaded')));
        }}
      />
      <AddTitleModal
        enterpriseId={e.id}
        open={addingTitle}
        onClose={() => setAddingTitle(false)}
        onDone={() => {
          setAddingTitle(false);
          void reload();
        }}
      />
      <RevokeTitleModal
        title={revoking}
        onClose={() => setRevoking(null)}
        onDone={() => {
          setRevoking(null);
          void reload();
        }}
      />
    </div>
  );
}
