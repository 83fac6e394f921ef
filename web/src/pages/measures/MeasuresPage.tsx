/**
 * `/measures` 措施督办 (issue 13): the leadership view of the thirteen measures for a quarter (status,
 * the reports behind it, the figures with their sources; Excel and print), and the quarter's
 * progress reports — a unit fills in its own, the general office accepts or returns them.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DownloadOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import {
  measuresApi,
  periodsUpTo,
  type ExpectedReport,
  type Figure,
  type MeasureRow,
  type Overview,
  type Viewer,
} from './api.ts';
import { ReportPanel, type NewReport } from './ReportPanel.tsx';
import { formatFigure, MeasureStatusTag, ReportStatusTag } from './shared.tsx';
import './measures.css';

export function FigureTable({ figures }: { figures: Figure[] }) {
  const { t, pick } = useI18n();
  return (
    <Table<Figure>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={figures}
      columns={[
        { title: t('ms.col.indicator'), render: (_, f) => pick(f.label) },
        {
          title: t('ms.col.value'),
          align: 'right',
          render: (_, f) => (
            <span data-testid={`figure-${f.id}`}>
              {formatFigure(f.value, f.unit.zh)} {f.unit.zh === '%' ? '' : pick(f.unit)}
            </span>
          ),
        },
        {
          title: t('ms.col.target'),
          align: 'right',
          render: (_, f) => (f.target === null ? '—' : formatFigure(f.target, f.unit.zh)),
        },
        {
          title: t('ms.col.expected'),
          align: 'right',
          render: (_, f) =>
            f.expected === null ? '—' : <Tag color={f.onTrack ? 'green' : 'orange'}>{formatFigure(f.expected, f.unit.zh)}</Tag>,
        },
        {
          title: t('ms.col.source'),
          render: (_, f) => (
            <Space direction="vertical" size={0}>
              <span>
                <Tag color={f.kind === 'computed' ? 'blue' : 'purple'}>{t(`ms.kind.${f.kind}`)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {pick(f.source)}
                </Typography.Text>
              </span>
              {f.breakdown.length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('ms.breakdown')}：{f.breakdown.map((b) => `${pick(b.label)} ${b.value}`).join('，')}
                </Typography.Text>
              )}
              {f.notes.length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('ms.notes')}：{f.notes.map((n) => `${n.unitZh}（${n.period}）${n.note}`).join('；')}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 11 }} className="ms-no-print">
                {t('ms.asOf', { t: new Date(f.asOf).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) })}
              </Typography.Text>
            </Space>
          ),
        },
      ]}
    />
  );
}

function OverviewTab({ overview, viewer }: { overview: Overview; viewer: Viewer }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  return (
    <div className="ms-overview" data-testid="measures-overview">
      <div className="ms-print-only">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('ms.printTitle', { p: overview.period })}
        </Typography.Title>
      </div>
      <Row gutter={16} className="ms-cards">
        {(['on_track', 'behind', 'no_report'] as const).map((s) => (
          <Col span={8} key={s}>
            <Card size="small" className={`ms-card ms-card-${s}`}>
              <Statistic title={t(`ms.status.${s}`)} value={overview.counts[s]} suffix={t('ms.count', { n: '' }).trim()} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('ms.rule', { share: `${Math.round(overview.elapsedShare * 100)}%`, tol: viewer.rules.tolerance })}{' '}
        {t('ms.dueOn', { date: overview.dueOn, n: viewer.rules.dueWorkingDays })}
      </Typography.Paragraph>
      <Space className="ms-no-print" style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={measuresApi.overviewXlsxUrl(overview.period)} data-testid="measures-export">
          {t('common.exportExcel')}
        </Button>
        <Button icon={<FileWordOutlined />} href={measuresApi.overviewDocxUrl(overview.period)} data-testid="measures-docx">
          {t('ms.word')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('ms.print')}
        </Button>
        {viewer.isOffice && (
          <Button
            data-testid="measures-remind"
            onClick={() =>
              void measuresApi
                .remind()
                .then((r) => message.success(t('ms.reminded', { n: r.reminded })))
                .catch((e: unknown) => message.error(errorText(e, pick)))
            }
          >
            {t('ms.remind')}
          </Button>
        )}
      </Space>
      <Table<MeasureRow>
        rowKey="number"
        size="middle"
        pagination={false}
        dataSource={overview.measures}
        data-testid="measures-table"
        tableLayout="fixed"
        expandable={{ expandedRowRender: (m) => <FigureTable figures={m.indicators} />, defaultExpandAllRows: false }}
        columns={[
          { title: t('ms.col.no'), dataIndex: 'number', width: 60 },
          {
            title: t('ms.col.measure'),
            render: (_, m) => (
              <Link to={`/measures/${m.number}?period=${overview.period}`}>{pick({ zh: m.titleZh, en: m.titleEn })}</Link>
            ),
          },
          { title: t('ms.col.lead'), dataIndex: 'leadZh', width: 150 },
          {
            title: t('ms.col.status'),
            width: 100,
            render: (_, m) => (
              <Tooltip title={m.reasons.map((r) => pick(r)).join('；')}>
                <span data-testid={`measure-${m.number}-status`} data-status={m.status}>
                  <MeasureStatusTag status={m.status} t={t} />
                </span>
              </Tooltip>
            ),
          },
          {
            title: t('ms.col.reports'),
            render: (_, m) => (
              <Space size={[4, 4]} wrap>
                {m.reports.map((r) => (
                  <span key={r.unitZh} className="ms-report-chip">
                    {r.unitZh}
                    <ReportStatusTag status={r.status} overdue={r.overdue} t={t} />
                  </span>
                ))}
              </Space>
            ),
          },
          {
            title: t('ms.col.figures'),
            width: 260,
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                {m.indicators.slice(0, 2).map((f) => (
                  <span key={f.id} style={{ fontSize: 12 }}>
                    {pick(f.label)}：<b>{formatFigure(f.value, f.unit.zh)}</b>
                    {f.onTrack === false && (
                      <Tag color="orange" style={{ marginLeft: 4 }}>
                        ↓
                      </Tag>
                    )}
                  </span>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

function ReportsTab({
  period,
  viewer,
  overview,
  onChanged,
}: {
  period: string;
  viewer: Viewer;
  overview: Overview;
  onChanged: () => void;
}) {
  const { t, pick } = useI18n();
  const [mine, setMine] = useState(!viewer.isOffice && viewer.units.length > 0);
  const [rows, setRows] = useState<ExpectedReport[] | null>(null);
  const [open, setOpen] = useState<{ id: number | null; fresh?: NewReport } | null>(null);
  const load = useCallback(() => {
    setRows(null);
    void measuresApi.reports(period, mine).then((r) => setRows(r.rows));
  }, [period, mine]);
  useEffect(load, [load]);
  const enteredOf = (measure: number) =>
    (overview.measures.find((m) => m.number === measure)?.indicators ?? [])
      .filter((f) => f.kind === 'entered')
      .map((f) => ({ id: f.id, labelZh: f.label.zh, labelEn: f.label.en, unitZh: f.unit.zh, unitEn: f.unit.en }));
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={mine} onChange={setMine} data-testid="reports-mine" /> {t('ms.mine')}
      </Space>
      <Table<ExpectedReport>
        rowKey={(r) => `${r.measure}-${r.unitId}`}
        size="middle"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={{ pageSize: 50, showTotal: (n) => t('common.total', { n }) }}
        data-testid="reports-table"
        columns={[
          { title: t('ms.col.no'), dataIndex: 'measure', width: 60 },
          { title: t('ms.col.measure'), render: (_, r) => pick({ zh: r.measureTitleZh, en: r.measureTitleEn }) },
          {
            title: t('ms.col.unit'),
            render: (_, r) => (
              <>
                {r.unitZh} {r.lead && <Tag>{t('ms.lead')}</Tag>}
              </>
            ),
          },
          { title: t('ms.col.status'), render: (_, r) => <ReportStatusTag status={r.status} overdue={r.overdue} t={t} /> },
          { title: t('ms.col.due'), dataIndex: 'dueOn', width: 110 },
          {
            title: t('ms.col.action'),
            width: 100,
            render: (_, r) =>
              r.reportId ? (
                <Button size="small" onClick={() => setOpen({ id: r.reportId })} data-testid={`open-${r.measure}-${r.unitId}`}>
                  {r.canReport && (r.status === 'draft' || r.status === 'returned') ? t('ms.fill') : t('ms.view')}
                </Button>
              ) : r.canReport ? (
                <Button
                  size="small"
                  type="primary"
                  data-testid={`open-${r.measure}-${r.unitId}`}
                  onClick={() =>
                    setOpen({
                      id: null,
                      fresh: {
                        measure: r.measure,
                        unitId: r.unitId,
                        period,
                        measureTitle: `${r.measure}. ${pick({ zh: r.measureTitleZh, en: r.measureTitleEn })}`,
                        unitZh: r.unitZh,
                        enteredIndicators: enteredOf(r.measure),
                      },
                    })
                  }
                >
                  {t('ms.fill')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Drawer
        open={open !== null}
        width={760}
        destroyOnHidden
        onClose={() => {
          setOpen(null);
          load();
          onChanged();
        }}
        title={t('ms.tab.reports')}
      >
        {open && <ReportPanel reportId={open.id} fresh={open.fresh} />}
      </Drawer>
    </>
  );
}

export default function MeasuresPage() {
  const { t, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const period = params.get('period') ?? viewer?.reportingPeriod ?? null;
  const tab = params.get('tab') ?? 'overview';

  useEffect(() => {
    measuresApi
      .viewer()
      .then(setViewer)
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [pick]);
  const loadOverview = useCallback(() => {
    if (!period) return;
    measuresApi
      .overview(period)
      .then(setOverview)
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [period, pick]);
  useEffect(loadOverview, [loadOverview]);

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="measures-page" className="ms-root">
      <div className="page-header ms-no-print">
        <Typography.Title level={3}>{t('ms.title')}</Typography.Title>
        {viewer && period && (
          <Space>
            {t('ms.period')}
            <Select
              value={period}
              style={{ width: 120 }}
              data-testid="measures-period"
              options={periodsUpTo(viewer.firstPeriod, viewer.currentPeriod).map((p) => ({ value: p, label: p }))}
              onChange={(p) => set('period', p)}
            />
          </Space>
        )}
      </div>
      <Typography.Paragraph type="secondary" className="ms-no-print">
        {t('ms.intro')}
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" message={error} />
      ) : !viewer || !overview || !period ? (
        <PageSpinner />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => set('tab', k)}
          items={[
            { key: 'overview', label: t('ms.tab.overview'), children: <OverviewTab overview={overview} viewer={viewer} /> },
            {
              key: 'reports',
              label: t('ms.tab.reports'),
              children: <ReportsTab period={period} viewer={viewer} overview={overview} onChanged={loadOverview} />,
            },
          ]}
        />
      )}
    </div>
  );
}
