/**
 * `/targets` 目标看板 (city and finance officers: the city; district officers: their unit):
 * progress to the targets of item 一(1) on a chosen date, by title, unit, industry and year, the
 * ladder funnel, clusters and money per clause. Every number opens the enterprises behind it.
 */
import { Alert, Button, Card, Col, DatePicker, Progress, Result, Row, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { TITLE_COLOURS } from '../../components/TitleTags.tsx';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { canSeeTargets } from '../../layout/nav.ts';
import { errorText } from '../../util/errors.ts';
import { formatCount, formatMoney, todayIso } from '../../util/format.ts';
import { useUrlQuery } from '../../util/useUrlQuery.ts';
import { clauseName } from '../policy/policyShared.tsx';
import { dashboardExportUrl, enterprisesUrl, fetchDashboard, type Dashboard, type MoneyRow, type TargetLine, type TitleKind, type UnitRow } from './api.ts';
import './dashboard.css';

const Chart = lazy(() => import('./Chart.tsx'));

/** Chart colours per title kind, matching the title tags. */
const KIND_COLOURS: Record<TitleKind, string> = {
  innovative_sme: '#13c2c2',
  specialized_sme: '#1d4ed8',
  little_giant: '#fa541c',
  manufacturing_champion: '#d4b106',
  gazelle: '#52c41a',
  unicorn: '#722ed1',
};
const QUALITY: readonly TitleKind[] = ['innovative_sme', 'specialized_sme', 'little_giant', 'gazelle', 'unicorn'];
const LEVELS = ['national', 'provincial', 'city'] as const;
/** Column headings where the full title names do not fit. */
const SHORT_KIND: Record<TitleKind, { zh: string; en: string }> = {
  innovative_sme: { zh: '创新型', en: 'Innov.' },
  specialized_sme: { zh: '专精特新', en: 'Spec.' },
  little_giant: { zh: '小巨人', en: 'Giant' },
  manufacturing_champion: { zh: '单项冠军', en: 'Champ.' },
  gazelle: { zh: '瞪羚', en: 'Gazelle' },
  unicorn: { zh: '独角兽', en: 'Unicorn' },
};
/** GB/T 4754-2017 sections (门类) of the industries the registry uses. */
const SECTIONS: Record<string, { zh: string; en: string }> = {
  A: { zh: '农、林、牧、渔业', en: 'Agriculture' },
  B: { zh: '采矿业', en: 'Mining' },
  C: { zh: '制造业', en: 'Manufacturing' },
  D: { zh: '电力、热力、燃气及水生产和供应业', en: 'Utilities' },
  E: { zh: '建筑业', en: 'Construction' },
  F: { zh: '批发和零售业', en: 'Wholesale and retail' },
  G: { zh: '交通运输、仓储和邮政业', en: 'Transport and storage' },
  I: { zh: '信息传输、软件和信息技术服务业', en: 'Information and software' },
  L: { zh: '租赁和商务服务业', en: 'Leasing and business services' },
  M: { zh: '科学研究和技术服务业', en: 'Research and technical services' },
};

function pct(x: number | null): number {
  return x === null ? 0 : Math.round(x * 1000) / 10;
}

function lineLabel(id: TargetLine['id'], t: Translate, titleKind: (k: string) => string): string {
  if (id === 'titles') return t('dash.kpi.titles');
  if (id === 'enterprises') return t('dash.kpi.enterprises');
  return titleKind(id);
}

/** The filters of the enterprise list behind a target line. */
function drill(id: TargetLine['id'], on: string): string {
  return enterprisesUrl({ titleKind: id === 'titles' || id === 'enterprises' ? 'quality' : id, on });
}

function KpiCard({ line, d, label, note }: { line: TargetLine; d: Dashboard; label: string; note?: string }) {
  const { t } = useI18n();
  const targetYear = (line.projection?.targetDate ?? d.targetDate).slice(0, 4);
  let foot = '';
  if (line.projection) foot = t('dash.kpi.projection', { year: targetYear, n: formatCount(line.projection.value) });
  else if (line.atTargetDate !== null) foot = t('dash.kpi.atTargetDate', { date: d.targetDate, n: formatCount(line.atTargetDate) });
  const reached = line.target !== null && line.inForce >= line.target;
  return (
    <Card size="small" className="dash-kpi" data-testid={`kpi-${line.parameterId === 'plan_2025_2027_quality_enterprises' ? 'plan' : line.id}`}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div>
        <Link to={drill(line.id, d.on)} className="dash-kpi-value" data-testid="kpi-value">
          {formatCount(line.inForce)}
        </Link>
        {line.target !== null && <span className="dash-kpi-target">/ {formatCount(line.target)}</span>}
      </div>
      {line.target !== null && (
        <Progress percent={Math.min(100, pct(line.progress))} format={() => `${pct(line.progress)}%`} size="small" status={reached ? 'success' : 'normal'} />
      )}
      <div className="dash-kpi-note">
        {foot}
        {note ? <div>{note}</div> : null}
      </div>
    </Card>
  );
}

function unitColumns(t: Translate, on: string, unitName: (u: UnitRow) => string): TableProps<UnitRow>['columns'] {
  const link = (u: UnitRow, n: number, testId: string) => (
    <Link to={enterprisesUrl({ unitCode: u.unitCode, titleKind: 'quality', on })} data-testid={testId}>
      {formatCount(n)}
    </Link>
  );
  return [
    { key: 'rank', title: t('dash.unit.rank'), dataIndex: 'rank', width: 60 },
    { key: 'unit', title: t('ent.unit'), render: (_: unknown, u) => unitName(u) },
    { key: 'registered', title: t('dash.unit.registered'), align: 'right', render: (_: unknown, u) => <Link to={enterprisesUrl({ unitCode: u.unitCode })}>{formatCount(u.registered)}</Link> },
    { key: 'share', title: t('dash.unit.share'), align: 'right', render: (_: unknown, u) => `${pct(u.share)}%` },
    { key: 'titles', title: t('dash.kpi.titles'), align: 'right', render: (_: unknown, u) => link(u, u.titles, `unit-titles-${u.unitCode}`) },
    { key: 'enterprises', title: t('dash.kpi.enterprises'), align: 'right', render: (_: unknown, u) => link(u, u.qualityEnterprises, `unit-enterprises-${u.unitCode}`) },
    { key: 'target', title: t('dash.unit.target'), align: 'right', render: (_: unknown, u) => formatCount(u.target) },
    { key: 'gap', title: t('dash.gap'), align: 'right', render: (_: unknown, u) => formatCount(u.gap) },
    { key: 'progress', title: t('dash.progress'), width: 150, render: (_: unknown, u) => <Progress percent={Math.min(100, pct(u.progress))} format={() => `${pct(u.progress)}%`} size="small" /> },
  ];
}

function moneyColumns(t: Translate, lang: 'zh' | 'en'): TableProps<MoneyRow>['columns'] {
  const amount = (clause: string, status: string, v: number) => (
    <Link to={`/entitlements?clause=${clause}&status=${status}`}>{formatMoney(v)}</Link>
  );
  return [
    { key: 'clause', title: t('dash.money.clause'), render: (_: unknown, m) => clauseName(m.clause, t, lang) },
    { key: 'owedCount', title: t('dash.money.owedCount'), align: 'right', dataIndex: 'owedCount', render: formatCount },
    { key: 'owed', title: t('dash.money.owed'), align: 'right', render: (_: unknown, m) => amount(m.clause, 'owed', m.owedAmount) },
    { key: 'paidCount', title: t('dash.money.paidCount'), align: 'right', dataIndex: 'paidCount', render: formatCount },
    { key: 'paid', title: t('dash.money.paid'), align: 'right', render: (_: unknown, m) => formatMoney(m.paidAmount) },
    { key: 'recovery', title: t('dash.money.recoveryDue'), align: 'right', render: (_: unknown, m) => amount(m.clause, 'recovery_due', m.recoveryDueAmount) },
    { key: 'withdrawn', title: t('dash.money.withdrawn'), align: 'right', render: (_: unknown, m) => amount(m.clause, 'withdrawn', m.withdrawnAmount) },
  ];
}

export default function DashboardPage() {
  const { t, pick, lang } = useI18n();
  const user = useUser();
  const ref = useReferenceData();
  const navigate = useNavigate();
  const [query, setQuery] = useUrlQuery(['on'] as const);
  const on = query.on ?? todayIso();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    fetchDashboard(on, controller.signal)
      .then(setData)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(errorText(e, pick));
      });
    return () => controller.abort();
  }, [on]);

  const unitName = (u: UnitRow) => (lang === 'zh' ? u.nameZh : u.nameEn);
  const kindName = (k: string) => ref.titleKind(k);

  const charts = useMemo(() => {
    if (!data) return null;
    const kindLines = data.targets.filter((l) => l.id !== 'titles' && l.id !== 'enterprises');
    const progress = {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 150, right: 48, top: 28, bottom: 24 },
      xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: kindLines.map((l) => kindName(l.id)) },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: '{c}%' },
          data: kindLines.map((l) => ({ value: pct(l.progress), itemStyle: { color: KIND_COLOURS[l.id as TitleKind] } })),
          markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#ef4444' }, data: [{ xAxis: 100 }], label: { show: false } },
        },
      ],
    };

    // Trend: solid to the date, dashed from the last year end to the projection.
    const years = data.trend.map((p) => p.date.slice(0, 4) + (p.date.endsWith('-12-31') ? '' : ` (${p.date.slice(5)})`));
    const projectionYear = data.targets.find((l) => l.projection)?.projection?.targetDate.slice(0, 4);
    const axis = projectionYear && !years.includes(projectionYear) ? [...years, t('dash.chart.projected', { year: projectionYear })] : years;
    const lastYearEndIndex = data.trend.map((p) => p.date.endsWith('-12-31')).lastIndexOf(true);
    const trendSeries = QUALITY.flatMap((k) => {
      const solid = { name: kindName(k), type: 'line', color: KIND_COLOURS[k], data: data.trend.map((p) => p.byKind[k] ?? 0) };
      const line = data.targets.find((l) => l.id === k);
      if (!line?.projection || lastYearEndIndex < 0) return [solid];
      const dashed = axis.map((_, i) => (i === lastYearEndIndex ? (data.trend[i]?.byKind[k] ?? 0) : i === axis.length - 1 ? line.projection!.value : null));
      return [solid, { name: kindName(k), type: 'line', color: KIND_COLOURS[k], lineStyle: { type: 'dashed' }, connectNulls: true, data: dashed, tooltip: { show: false } }];
    });
    const trend = {
      tooltip: { trigger: 'axis' },
      legend: { data: QUALITY.map(kindName), top: 0 },
      grid: { left: 56, right: 24, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: axis },
      yAxis: { type: 'value' },
      series: trendSeries,
    };

    const units = [...data.units].sort((a, b) => b.gap - a.gap);
    const district = {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [t('dash.kpi.titles'), t('dash.gap')] },
      grid: { left: 110, right: 40, top: 32, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: units.map(unitName) },
      series: [
        { name: t('dash.kpi.titles'), type: 'bar', stack: 'u', color: '#1d4ed8', data: units.map((u) => u.titles), barMaxWidth: 18 },
        { name: t('dash.gap'), type: 'bar', stack: 'u', color: '#fca5a5', data: units.map((u) => u.gap), barMaxWidth: 18, label: { show: true, position: 'right', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') } },
      ],
    };

    const funnel = {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          // The stages differ by orders of magnitude: a floor keeps the narrow ones visible, labels sit beside.
          left: '4%',
          width: '52%',
          minSize: '18%',
          gap: 2,
          label: { show: true, position: 'right', formatter: '{b}: {c}', color: '#334155' },
          labelLine: { show: true },
          data: data.funnel.map((f) => ({ name: f.stage === 'sme' ? t('dash.funnel.sme') : kindName(f.stage), value: f.count, itemStyle: { color: f.stage === 'sme' ? '#94a3b8' : KIND_COLOURS[f.stage] } })),
        },
      ],
    };

    const clusters = {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 72, top: 24, bottom: 24 },
      xAxis: { type: 'category', data: data.clusters.newByYear.map((y) => String(y.year)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('dash.clusters.new'),
          color: '#0891b2',
          barMaxWidth: 28,
          data: data.clusters.newByYear.map((y) => y.count),
          ...(data.clusters.perYearTarget !== null
            ? { markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#ef4444' }, data: [{ yAxis: data.clusters.perYearTarget }], label: { formatter: t('dash.clusters.perYear') } } }
            : {}),
        },
      ],
    };
    return { progress, trend, district, funnel, clusters, units, kindLines };
  }, [data, lang]);

  if (!canSeeTargets(user)) return <Result status="403" title={t('dash.forbidden')} />;
  if (error && !data) return <Result status="error" title={t('error.load')} subTitle={error} />;
  if (!data || !charts) return <PageSpinner />;

  const scopeLabel = data.scope.kind === 'city' ? t('dash.scope.city') : ref.unit(data.scope.unitCode);
  const titlesLine = data.targets.find((l) => l.id === 'titles')!;
  const enterprisesLine = data.targets.find((l) => l.id === 'enterprises')!;
  const sections = data.industries.filter((i) => i.level === 'section');

  return (
    <div data-testid="dashboard-page" className="dash-root">
      <div className="page-header">
        <Typography.Title level={3}>
          {t('dash.title')} <Tag color="blue">{scopeLabel}</Tag>
        </Typography.Title>
        <Space className="dash-no-print" wrap>
          <span>{t('dash.on')}</span>
          <DatePicker
            allowClear={false}
            value={dayjs(data.on)}
            format="YYYY-MM-DD"
            onChange={(d) => setQuery({ on: d ? d.format('YYYY-MM-DD') : undefined })}
            data-testid="dash-on"
          />
          <Button icon={<DownloadOutlined />} href={dashboardExportUrl(data.on)} data-testid="dash-export">
            {t('common.exportExcel')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="dash-print">
            {t('dash.print')}
          </Button>
        </Space>
      </div>
      <div className="dash-print-only">
        <Typography.Text strong>
          {t('dash.printHeading', { on: data.on, scope: scopeLabel })}
        </Typography.Text>
      </div>
      <Alert
        className="dash-print-hide"
        type="info"
        showIcon
        data-testid="dash-notes"
        message={t('dash.notes.counting', { sum: formatCount(data.targetSum ?? 8010) })}
        description={
          <Space orientation="vertical" size={0}>
            <span>{pick(data.projectionMethod)}</span>
            <span>{pick(data.shareBasis)}</span>
            <span>{t('dash.notes.computedAt', { at: data.computedAt.slice(0, 19) })}</span>
          </Space>
        }
      />

      <Row gutter={[12, 12]} className="dash-section">
        <Col xs={24} md={12} xl={6}>
          <KpiCard line={titlesLine} d={data} label={t('dash.kpi.titles')} note={t('dash.kpi.titlesNote')} />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <KpiCard line={enterprisesLine} d={data} label={t('dash.kpi.enterprises')} />
        </Col>
        {data.laterPlan && (
          <Col xs={24} md={12} xl={6}>
            <KpiCard line={data.laterPlan} d={data} label={t('dash.kpi.plan2027')} />
          </Col>
        )}
        <Col xs={24} md={12} xl={6}>
          <Card size="small" className="dash-kpi" data-testid="kpi-clusters">
            <Typography.Text type="secondary">{t('dash.clusters.title')}</Typography.Text>
            <div>
              <Link to="/carriers?kind=cluster" className="dash-kpi-value" data-testid="kpi-value">
                {formatCount(data.clusters.inForce)}
              </Link>
              {data.clusters.target !== null && <span className="dash-kpi-target">/ {data.clusters.target}</span>}
            </div>
            {data.clusters.target !== null && (
              <Progress percent={Math.min(100, pct(data.clusters.inForce / data.clusters.target))} size="small" />
            )}
            <div className="dash-kpi-note">{t('dash.clusters.note')}</div>
          </Card>
        </Col>
        {charts.kindLines.map((l) => (
          <Col flex="1 1 200px" key={l.id}>
            <KpiCard line={l} d={data} label={lineLabel(l.id, t, kindName)} />
          </Col>
        ))}
      </Row>

      <Suspense fallback={<PageSpinner />}>
        <Row gutter={[12, 12]} className="dash-section">
          <Col xs={24} xl={10}>
            <Card size="small" title={t('dash.chart.progress')}>
              <Chart
                testId="chart-progress"
                option={charts.progress}
                height={240}
                onItemClick={(_name, i) => {
                  const l = charts.kindLines[i];
                  if (l) void navigate(drill(l.id, data.on));
                }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('dash.chart.trend')} extra={<Typography.Text type="secondary">{t('dash.chart.trendNote')}</Typography.Text>}>
              <Chart testId="chart-trend" option={charts.trend} height={240} />
            </Card>
          </Col>
        </Row>
        <Row gutter={[12, 12]} className="dash-section">
          <Col xs={24} xl={14}>
            <Card size="small" title={t('dash.chart.districts')}>
              <Chart
                testId="chart-districts"
                option={charts.district}
                height={Math.max(160, charts.units.length * 26 + 60)}
                onItemClick={(_name, i) => {
                  const u = charts.units[i];
                  if (u) void navigate(enterprisesUrl({ unitCode: u.unitCode, titleKind: 'quality', on: data.on }));
                }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('dash.chart.funnel')}>
              <Chart
                testId="chart-funnel"
                option={charts.funnel}
                height={200}
                onItemClick={(_name, i) => {
                  const f = data.funnel[i];
                  if (f) void navigate(f.stage === 'sme' ? enterprisesUrl({ sizeClass: 'sme' }) : enterprisesUrl({ titleKind: f.stage, on: data.on }));
                }}
              />
              <Space wrap size={[12, 0]} data-testid="funnel-numbers">
                {data.funnel.map((f) => (
                  <Link key={f.stage} to={f.stage === 'sme' ? enterprisesUrl({ sizeClass: 'sme' }) : enterprisesUrl({ titleKind: f.stage, on: data.on })}>
                    {f.stage === 'sme' ? t('dash.funnel.sme') : kindName(f.stage)} {formatCount(f.count)}
                  </Link>
                ))}
              </Space>
            </Card>
            <Card size="small" title={t('dash.clusters.perYearTitle')} className="dash-section">
              <Chart testId="chart-clusters" option={charts.clusters} height={150} />
            </Card>
          </Col>
        </Row>
      </Suspense>

      <Card size="small" title={t('dash.table.units')} className="dash-section dash-print-hide">
        <Table<UnitRow> rowKey="unitCode" size="small" pagination={false} dataSource={data.units} columns={unitColumns(t, data.on, unitName)} data-testid="unit-table" />
      </Card>

      <Row gutter={[12, 12]} className="dash-section dash-print-hide">
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dash.table.titles')}>
            <Table
              rowKey="kind"
              size="small"
              pagination={false}
              dataSource={data.titleKinds}
              data-testid="title-table"
              columns={[
                { key: 'kind', title: t('ent.titles'), render: (_: unknown, k) => <Tag color={TITLE_COLOURS[k.kind]}>{kindName(k.kind)}</Tag> },
                {
                  key: 'total',
                  title: t('dash.total'),
                  align: 'right',
                  render: (_: unknown, k) => (
                    <Link to={enterprisesUrl({ titleKind: k.kind, on: data.on })} data-testid={`title-total-${k.kind}`}>
                      {formatCount(k.total)}
                    </Link>
                  ),
                },
                ...LEVELS.map((level) => ({
                  key: level,
                  title: ref.level(level),
                  align: 'right' as const,
                  render: (_: unknown, k: Dashboard['titleKinds'][number]) =>
                    k.byLevel[level] ? <Link to={enterprisesUrl({ titleKind: k.kind, level, on: data.on })}>{formatCount(k.byLevel[level])}</Link> : '—',
                })),
                { key: 'target', title: t('dash.target'), align: 'right', render: (_: unknown, k) => (k.target === null ? '—' : formatCount(k.target)) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dash.table.industries')}>
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={sections}
              data-testid="industry-table"
              columns={[
                { key: 'code', title: t('dash.industry.section'), render: (_: unknown, i) => `${i.code} ${SECTIONS[i.code] ? pick(SECTIONS[i.code]!) : ''}` },
                {
                  key: 'enterprises',
                  title: t('dash.kpi.enterprises'),
                  align: 'right',
                  render: (_: unknown, i) => <Link to={enterprisesUrl({ industry: i.code, titleKind: 'quality', on: data.on })}>{formatCount(i.qualityEnterprises)}</Link>,
                },
                { key: 'titles', title: t('dash.kpi.titles'), align: 'right', render: (_: unknown, i) => formatCount(i.titles) },
                ...QUALITY.map((k) => ({
                  key: k,
                  title: <Tooltip title={kindName(k)}>{pick(SHORT_KIND[k])}</Tooltip>,
                  align: 'right' as const,
                  render: (_: unknown, i: Dashboard['industries'][number]) =>
                    i.byKind[k] ? <Link to={enterprisesUrl({ industry: i.code, titleKind: k, on: data.on })}>{formatCount(i.byKind[k])}</Link> : '—',
                })),
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('dash.table.money')} className="dash-section" extra={<Typography.Text type="secondary">{t('dash.money.note')}</Typography.Text>}>
        <Table<MoneyRow> rowKey="clause" size="small" pagination={false} dataSource={data.money.clauses} columns={moneyColumns(t, lang)} data-testid="money-table" />
      </Card>
    </div>
  );
}
