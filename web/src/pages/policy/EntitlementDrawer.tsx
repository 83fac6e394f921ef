/**
 * One entitlement and why: beneficiary, clause, item, amount, version, then the trace clause by
 * clause — each condition with the facts it looked at, each parameter with its date and source,
 * and the arithmetic. A withdrawn or recovery item shows its reasons first.
 */
import { Alert, Card, Descriptions, Drawer, Empty, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import * as api from '../../api/endpoints.ts';
import type { EntitlementDetail, ParamUnit, TraceCondition, TraceParameter } from '../../api/types.ts';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatDate, formatMoney } from '../../util/format.ts';
import {
  ReferenceText,
  StatusTag,
  clauseName,
  conditionName,
  factName,
  factValue,
  formatParamValue,
  itemName,
  useParameterIndex,
  usePolicyVersions,
} from './policyShared.tsx';

function Condition({ c }: { c: TraceCondition }) {
  const { pick } = useI18n();
  const ref = useReferenceData();
  return (
    <div className="trace-item" data-testid="trace-condition">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space>
          {c.value ? (
            <CheckCircleFilled style={{ color: '#389e0d' }} data-testid="condition-true" aria-label="✓" />
          ) : (
            <CloseCircleFilled style={{ color: '#cf1322' }} data-testid="condition-false" aria-label="✗" />
          )}
          <Typography.Text strong>{conditionName(c.name, pick)}</Typography.Text>
          <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
            {c.name}
          </Typography.Text>
        </Space>
        {Object.keys(c.facts).length > 0 && (
          <Space size={[4, 4]} wrap style={{ paddingInlineStart: 22 }}>
            {Object.entries(c.facts).map(([k, v]) => (
              <Tag key={k} className="num" data-testid="condition-fact">
                {factName(k, pick)}
                {pick({ zh: '：', en: ': ' })}
                {factValue(k, v, ref, pick)}
              </Tag>
            ))}
          </Space>
        )}
      </Space>
    </div>
  );
}

function TraceParam({ p, description, unit }: { p: TraceParameter; description: string; unit: ParamUnit | undefined }) {
  const { t, lang, pick } = useI18n();
  const ref = useReferenceData();
  return (
    <div className="trace-item" data-testid="trace-parameter">
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{description}</Typography.Text>
          <Typography.Text className="num" data-testid="trace-parameter-value">
            = {formatParamValue(unit, p.value, { t, lang, ref, pick })}
          </Typography.Text>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <Typography.Text code style={{ fontSize: 11 }}>
            {p.id}
          </Typography.Text>{' '}
          · {t('policy.from')} {formatDate(p.from)}
        </Typography.Text>
        <div style={{ fontSize: 12 }}>
          <ReferenceText reference={p.reference} />
        </div>
        {p.interpretation && (
          <div style={{ fontSize: 12 }}>
            <Tag color="purple">{t('policy.interpretation')}</Tag>
            <Typography.Text type="secondary">{p.interpretation}</Typography.Text>
          </div>
        )}
      </Space>
    </div>
  );
}

export function Explanation({ detail }: { detail: EntitlementDetail }) {
  const { t, lang, pick } = useI18n();
  const ref = useReferenceData();
  const { versions } = usePolicyVersions();
  const params = useParameterIndex(versions);
  const version = versions?.find((v) => v.id === detail.policyVersion);
  const trace = detail.trace;
  const beneficiary =
    detail.beneficiaryType === 'enterprise' ? (
      <Link to={`/enterprises/${detail.beneficiaryId}`} data-testid="beneficiary-link">
        {detail.beneficiaryName}
      </Link>
    ) : (
      <Link to={`/carriers/${detail.beneficiaryId}`} data-testid="beneficiary-link">
        {detail.beneficiaryName}
      </Link>
    );
  return (
    <div data-testid="entitlement-explanation">
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('entl.beneficiary')}>
          <Space>
            {beneficiary}
            <Tag>{t(`entl.beneficiary.${detail.beneficiaryType}`)}</Tag>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('entl.clause')}>{clauseName(detail.clause, t, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('entl.item')}>
          {itemName(detail.item, ref, pick)}{' '}
          <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
            {detail.item}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('entl.amount')}>
          <Typography.Text strong className="num" style={{ fontSize: 16 }} data-testid="explanation-amount">
            {formatMoney(detail.amount)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('entl.status')}>
          <Space>
            <StatusTag status={detail.status} />
            {detail.paidAt && (
              <Typography.Text type="secondary">{t('entl.paidAt', { date: formatDate(detail.paidAt) })}</Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('entl.fiscalYear')}>{detail.fiscalYear}</Descriptions.Item>
        <Descriptions.Item label={t('entl.triggerDate')}>{formatDate(detail.trigger.date)}</Descriptions.Item>
        <Descriptions.Item label={t('entl.policyVersion')}>
          <Space wrap>
            <span>{version?.titleZh ?? detail.policyVersion}</span>
            {version && (
              <Tag color={version.status === 'draft' ? 'orange' : 'green'}>
                {t(version.status === 'draft' ? 'policy.draft' : 'policy.final')}
              </Tag>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>

      {detail.statusReason && detail.statusReason.length > 0 && (
        <Alert
          style={{ marginTop: 16 }}
          type={detail.status === 'recovery_due' ? 'error' : 'warning'}
          showIcon
          data-testid="status-reasons"
          title={t('expl.statusReason')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {detail.statusReason.map((r) => (
                <li key={r.code}>
                  {pick(r)}{' '}
                  <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
                    {r.code}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          }
        />
      )}

      {!trace ? (
        <Empty style={{ marginTop: 24 }} description={t('expl.noTrace')} />
      ) : (
        <>
          <Card size="small" title={t('expl.computation')} style={{ marginTop: 16 }}>
            <Typography.Text code className="num" style={{ fontSize: 14 }} data-testid="trace-computation">
              {trace.computation}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('expl.formula')}: {trace.formula.id} · {trace.formula.version}
              </Typography.Text>
            </div>
          </Card>
          <Card size="small" title={t('expl.conditions')} style={{ marginTop: 16 }} data-testid="trace-conditions">
            {trace.conditions.map((c) => (
              <Condition key={c.name} c={c} />
            ))}
          </Card>
          <Card size="small" title={t('expl.parameters')} style={{ marginTop: 16 }} data-testid="trace-parameters">
            {trace.parameters.map((p) => {
              const def = params.get(p.id);
              const description = def ? (lang === 'zh' ? def.descriptionZh : def.descriptionEn) : p.id;
              return <TraceParam key={p.id} p={p} description={description} unit={def?.unit} />;
            })}
          </Card>
        </>
      )}
    </div>
  );
}

export function EntitlementDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [detail, setDetail] = useState<EntitlementDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setDetail(null);
    setError(null);
    if (id === null) return;
    let live = true;
    api.getEntitlement(id).then(
      (d) => live && setDetail(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [id]);

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={720}
      title={t('expl.title')}
      data-testid="entitlement-drawer"
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(error, pick)} />
      ) : detail ? (
        <Explanation detail={detail} />
      ) : (
        <PageSpinner />
      )}
    </Drawer>
  );
}
