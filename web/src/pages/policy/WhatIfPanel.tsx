/**
 * What-if: the amount and switch parameters as inputs pre-filled with the values in force; Compute
 * sends only the changed ones and shows base vs alternative totals, by year, and who changes.
 */
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  InputNumber,
  Row,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { CalculatorOutlined, UndoOutlined } from '@ant-design/icons';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import * as api from '../../api/endpoints.ts';
import type { BeneficiaryDifference, ClauseId, PolicyParameter, WhatIfResult } from '../../api/types.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatMoney, formatSignedMoney, formatYuan } from '../../util/format.ts';
import { budgetYearOptions, clauseName, currentValue, usePolicyVersions } from './policyShared.tsx';

const BarChart = lazy(() => import('./BarChart.tsx'));

type Editable = number | boolean;

interface EditableParam {
  param: PolicyParameter;
  clauses: ClauseId[];
  current: Editable;
}

const NEGATIVE = '#cf1322';
const POSITIVE = '#389e0d';

export function differenceColour(v: number): string | undefined {
  return v < 0 ? NEGATIVE : v > 0 ? POSITIVE : undefined;
}

const thousands = (v: number | string | undefined): string => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const unthousands = (v: string | undefined): number => Number((v ?? '').replace(/[,\s¥]/g, ''));

/** The amount and switch parameters of the latest version, once each, in clause order. */
function useEditableParams(): EditableParam[] | null {
  const { versions } = usePolicyVersions();
  return useMemo(() => {
    if (!versions) return null;
    const latest = versions[versions.length - 1];
    const out = new Map<string, EditableParam>();
    for (const c of latest?.clauses ?? []) {
      for (const p of c.parameters) {
        if (p.unit !== 'yuan' && p.unit !== 'switch') continue;
        const v = currentValue(p)?.value;
        if (typeof v !== 'number' && typeof v !== 'boolean') continue;
        const seen = out.get(p.id);
        if (seen) seen.clauses.push(c.clause);
        else out.set(p.id, { param: p, clauses: [c.clause], current: v });
      }
    }
    // Amounts first, then the switches.
    return [...out.values()].sort((a, b) => (a.param.unit === b.param.unit ? 0 : a.param.unit === 'yuan' ? -1 : 1));
  }, [versions]);
}

function ParamInput({
  item,
  value,
  error,
  onChange,
}: {
  item: EditableParam;
  value: Editable;
  error: string | undefined;
  onChange: (v: Editable) => void;
}) {
  const { t, lang } = useI18n();
  const p = item.param;
  const changed = value !== item.current;
  const current = typeof item.current === 'boolean' ? t(item.current ? 'policy.on' : 'policy.off') : formatMoney(item.current);
  return (
    <div className="whatif-param" data-testid={`whatif-param-${p.id}`}>
      <div className="whatif-param-label">
        <Space size={4} wrap>
          {item.clauses.map((c) => (
            <Tag key={c} style={{ marginInlineEnd: 0 }}>
              {clauseName(c, t, lang)}
            </Tag>
          ))}
          <span>{lang === 'zh' ? p.descriptionZh : p.descriptionEn}</span>
          {changed && <Tag color="blue">{t('whatIf.changed')}</Tag>}
        </Space>
      </div>
      <Space align="center" wrap>
        {typeof value === 'boolean' ? (
          <Switch
            checked={value}
            checkedChildren={t('policy.on')}
            unCheckedChildren={t('policy.off')}
            onChange={(v) => onChange(v)}
            data-testid={`whatif-input-${p.id}`}
          />
        ) : (
          <InputNumber<number>
            value={value}
            min={0}
            precision={0}
            step={10_000}
            prefix="¥"
            style={{ width: 180 }}
            status={error ? 'error' : ''}
            formatter={thousands}
            parser={unthousands}
            onChange={(v) => onChange(v ?? 0)}
            data-testid={`whatif-input-${p.id}`}
          />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('whatIf.current', { value: current })}
        </Typography.Text>
      </Space>
      {error && (
        <div>
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="whatif-param-error">
            {error}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

function beneficiaryColumns(t: ReturnType<typeof useI18n>['t']): TableProps<BeneficiaryDifference>['columns'] {
  const money = (v: number) => <span className="num">{formatYuan(v)}</span>;
  return [
    {
      key: 'name',
      title: t('entl.beneficiary'),
      render: (_: unknown, b) => {
        const name = b.name ?? `${b.beneficiaryType} ${b.beneficiaryId}`;
        return (
          <Space size={4}>
            <Link to={b.beneficiaryType === 'enterprise' ? `/enterprises/${b.beneficiaryId}` : `/carriers/${b.beneficiaryId}`}>
              {name}
            </Link>
            {b.beneficiaryType === 'carrier' && <Tag>{t('entl.beneficiary.carrier')}</Tag>}
          </Space>
        );
      },
    },
    { key: 'base', title: t('whatIf.base'), dataIndex: 'base', align: 'right', width: 130, render: money },
    { key: 'alt', title: t('whatIf.alt'), dataIndex: 'alt', align: 'right', width: 130, render: money },
    {
      key: 'difference',
      title: t('whatIf.difference'),
      dataIndex: 'difference',
      align: 'right',
      width: 140,
      render: (v: number) => (
        <span className="num" style={{ color: differenceColour(v), fontWeight: 500 }} data-testid="beneficiary-difference">
          {formatSignedMoney(v)}
        </span>
      ),
    },
  ];
}

function Results({ result }: { result: WhatIfResult }) {
  const { t } = useI18n();
  const categories = useMemo(() => result.fiscalYears.map(String), [result]);
  const series = useMemo(() => {
    const of = (b: WhatIfResult['base']) =>
      result.fiscalYears.map((y) => b.totalsByYear.find((x) => x.fiscalYear === y)?.amount ?? 0);
    return [
      { name: t('whatIf.base'), data: of(result.base), color: '#94a3b8' },
      { name: t('whatIf.alt'), data: of(result.alt), color: '#1d4ed8' },
    ];
  }, [result, t]);
  const d = result.totals.difference;
  return (
    <div data-testid="whatif-result">
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t('whatIf.base')} value={formatMoney(result.totals.base)} data-testid="whatif-base" />
        </Col>
        <Col span={8}>
          <Statistic title={t('whatIf.alt')} value={formatMoney(result.totals.alt)} data-testid="whatif-alt" />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('whatIf.difference')}
            value={formatSignedMoney(d)}
            styles={{ content: { color: differenceColour(d) } }}
            data-testid="whatif-difference"
          />
        </Col>
      </Row>
      <Typography.Text strong style={{ display: 'block', marginTop: 16 }}>
        {t('whatIf.byYear')}
      </Typography.Text>
      <Suspense fallback={<PageSpinner />}>
        <BarChart categories={categories} series={series} testId="whatif-chart" height={260} />
      </Suspense>
      <Typography.Text strong style={{ display: 'block', margin: '8px 0' }}>
        {t('whatIf.beneficiaries')}
      </Typography.Text>
      {result.beneficiaryCount > result.beneficiaries.length && (
        <Typography.Paragraph type="secondary">
          {t('whatIf.beneficiariesShown', { n: result.beneficiaryCount, shown: result.beneficiaries.length })}
        </Typography.Paragraph>
      )}
      <Table<BeneficiaryDifference>
        rowKey={(b) => `${b.beneficiaryType}:${b.beneficiaryId}`}
        size="small"
        data-testid="whatif-beneficiaries"
        dataSource={result.beneficiaries}
        columns={beneficiaryColumns(t)}
        locale={{ emptyText: t('whatIf.none') }}
        pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
      />
    </div>
  );
}

export function WhatIfPanel({ defaultYears }: { defaultYears: number[] }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const params = useEditableParams();
  const [years, setYears] = useState<number[]>(defaultYears);
  const [values, setValues] = useState<Record<string, Editable>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const [running, setRunning] = useState(false);
  const defaultKey = defaultYears.join(',');
  useEffect(() => setYears(defaultYears), [defaultKey]);

  const valueOf = (item: EditableParam): Editable => values[item.param.id] ?? item.current;

  const compute = async () => {
    if (!params) return;
    const changed: Record<string, Editable> = {};
    for (const item of params) {
      const v = valueOf(item);
      if (v !== item.current) changed[item.param.id] = v;
    }
    if (Object.keys(changed).length === 0) {
      void message.warning(t('whatIf.noChange'));
      return;
    }
    setRunning(true);
    setErrors({});
    setGeneralError(null);
    try {
      setResult(await api.runWhatIf({ fiscalYears: years, parameters: changed }));
    } catch (e) {
      // The server names the field `parameters`; its reason names the parameter id.
      const onParams: Record<string, string> = {};
      const rest: string[] = [];
      if (e instanceof ApiError && e.fields.length > 0) {
        for (const f of e.fields) {
          const reason = pick(f.reason);
          const id = Object.keys(changed).find((k) => reason.includes(k));
          if (id) onParams[id] = reason;
          else rest.push(reason);
        }
      } else {
        rest.push(errorText(e, pick));
      }
      setErrors(onParams);
      setGeneralError(rest.length ? rest.join('；') : Object.keys(onParams).length ? null : errorText(e, pick));
      setResult(null);
    } finally {
      setRunning(false);
    }
  };

  const amounts = params?.filter((p) => p.param.unit === 'yuan') ?? [];
  const switches = params?.filter((p) => p.param.unit === 'switch') ?? [];
  const render = (item: EditableParam) => (
    <ParamInput
      key={item.param.id}
      item={item}
      value={valueOf(item)}
      error={errors[item.param.id]}
      onChange={(v) => {
        setValues((prev) => ({ ...prev, [item.param.id]: v }));
        setErrors((prev) => {
          const { [item.param.id]: _dropped, ...others } = prev;
          return others;
        });
      }}
    />
  );

  return (
    <Card className="section-card" title={t('whatIf.title')} data-testid="whatif-panel">
      <Typography.Paragraph type="secondary">{t('whatIf.intro')}</Typography.Paragraph>
      <Row gutter={[32, 16]}>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{t('budget.years')}</Typography.Text>
              <Checkbox.Group
                value={years}
                options={budgetYearOptions().map((y) => ({ value: y, label: String(y) }))}
                onChange={(v) => v.length > 0 && setYears([...v].sort())}
                data-testid="whatif-years"
              />
            </Space>
            {!params ? (
              <PageSpinner />
            ) : (
              <>
                <Typography.Text strong>{t('whatIf.amounts')}</Typography.Text>
                {amounts.map(render)}
                <Typography.Text strong>{t('whatIf.switches')}</Typography.Text>
                {switches.map(render)}
              </>
            )}
            {generalError && (
              <Typography.Text type="danger" data-testid="whatif-error">
                {t('whatIf.invalid')}：{generalError}
              </Typography.Text>
            )}
            <Space>
              <Button
                type="primary"
                icon={<CalculatorOutlined />}
                loading={running}
                onClick={() => void compute()}
                data-testid="whatif-compute"
              >
                {t('whatIf.compute')}
              </Button>
              <Button
                icon={<UndoOutlined />}
                disabled={running}
                onClick={() => {
                  setValues({});
                  setErrors({});
                  setGeneralError(null);
                }}
              >
                {t('whatIf.reset')}
              </Button>
            </Space>
          </Space>
        </Col>
        <Col xs={24} xl={14}>
          {result ? <Results result={result} /> : <Empty description={t('whatIf.intro')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        </Col>
      </Row>
    </Card>
  );
}
