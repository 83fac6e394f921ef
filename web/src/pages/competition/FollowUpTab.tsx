/**
 * 路演与投资: the roadshow follow-up of an edition in one place — summary cards, investment by
 * status as a chart, every roadshow project with its investors' interest and its fund investments,
 * status moves (forward only, or withdrawn) with their history, and the Excel export.
 */
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useEChart } from '../../components/useEChart.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { formatYuan } from '../../util/format.ts';
import {
  INVESTMENT_PATH,
  createInvestment,
  fetchFollowUpSummary,
  recordInterest,
  updateInvestment,
  type FollowUpRow,
  type FollowUpSummary,
  type Investment,
  type InvestmentStatus,
} from './api.ts';
import { problemText } from './SetupTab.tsx';
import { groupKey } from './shared.tsx';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const STATUSES: InvestmentStatus[] = [...INVESTMENT_PATH, 'withdrawn'];
const statusKey = (s: InvestmentStatus): MessageKey => `comp.inv.status.${s}`;
const STATUS_COLOR: Record<InvestmentStatus, string> = {
  intent: 'default',
  due_diligence: 'gold',
  signed: 'blue',
  disbursed: 'green',
  withdrawn: 'red',
};
const todayIso = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function StatusChart({ summary }: { summary: FollowUpSummary }) {
  const { t, lang } = useI18n();
  const total = STATUSES.reduce((a, s) => a + summary.byStatus[s].amountYuan, 0);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 64, right: 12, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: STATUSES.map((s) => t(statusKey(s))) },
      // 万元 in Chinese, million yuan in English.
      yAxis: {
        type: 'value',
        minInterval: 10_000,
        // Rounded, so that small steps read 0.01 M rather than 8.000000000000001e-7 M.
        axisLabel: {
          formatter: (v: number) => t('comp.inv.axis', { n: Number((lang === 'zh' ? v / 10_000 : v / 1_000_000).toFixed(2)) }),
        },
      },
      series: [
        {
          type: 'bar',
          data: STATUSES.map((s) => ({
            value: summary.byStatus[s].amountYuan,
            itemStyle: { color: s === 'disbursed' ? '#16a34a' : s === 'withdrawn' ? '#dc2626' : '#1d4ed8' },
          })),
        },
      ],
    }),
    [summary, t, lang],
  );
  const el = useEChart(option);
  if (total === 0)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comp.inv.noneYet')} data-testid="investment-chart-empty" />
    );
  return <div ref={el} style={{ height: 220, width: '100%' }} data-testid="investment-chart" />;
}

function MoveModal({ inv, onClose, onSaved }: { inv: Investment; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const closed = inv.status === 'disbursed' || inv.status === 'withdrawn';
  const from = INVESTMENT_PATH.indexOf(inv.status as (typeof INVESTMENT_PATH)[number]);
  const options = closed ? [] : [...INVESTMENT_PATH.slice(from + 1), 'withdrawn' as const];
  const submit = async (v: { status?: InvestmentStatus; statusOn?: string; amountYuan?: number; note?: string }) => {
    try {
      await updateInvestment(inv.id, { version: inv.version, ...v });
      message.success(t('comp.setup.saved'));
      onSaved();
    } catch (e) {
      message.error(problemText(e, pick));
    }
  };
  return (
    <Modal
      open
      title={`${inv.fundName} · ${formatYuan(inv.amountYuan)}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: closed, 'data-testid': 'move-ok' } as never}
    >
      <Timeline
        data-testid="investment-history"
        items={inv.history.map((h) => ({
          color: STATUS_COLOR[h.toStatus] === 'default' ? 'gray' : STATUS_COLOR[h.toStatus],
          children: `${h.statusOn} ${t(statusKey(h.toStatus))}${h.note ? ` · ${h.note}` : ''}`,
        }))}
      />
      {closed ? (
        <Typography.Text type="secondary">{t('comp.inv.final')}</Typography.Text>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ statusOn: todayIso() }} onFinish={(v) => void submit(v as never)}>
          <Form.Item name="status" label={t('comp.inv.moveTo')} rules={[{ required: true }]}>
            <Select data-testid="move-status" options={options.map((s) => ({ value: s, label: t(statusKey(s)) }))} />
          </Form.Item>
          <Form.Item name="statusOn" label={t('comp.inv.statusOn')} rules={[{ required: true }]}>
            <Input type="date" data-testid="move-date" />
          </Form.Item>
          <Form.Item name="note" label={t('comp.inv.note')}>
            <Input />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function ProjectDetail({ row, onChanged }: { row: FollowUpRow; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [moving, setMoving] = useState<Investment | null>(null);
  const [interestForm] = Form.useForm();
  const [invForm] = Form.useForm();
  const addInterest = async (v: Record<string, unknown>) => {
    try {
      await recordInterest(row.entryId, { ...v, recordedOn: v.recordedOn || todayIso() });
      interestForm.resetFields();
      onChanged();
    } catch (e) {
      message.error(problemText(e, pick));
    }
  };
  const addInvestment = async (v: Record<string, unknown>) => {
    try {
      await createInvestment(row.entryId, { ...v, statusOn: v.statusOn || todayIso() });
      invForm.resetFields();
      onChanged();
    } catch (e) {
      message.error(problemText(e, pick));
    }
  };
  return (
    <Row gutter={16} data-testid={`followup-detail-${row.code}`}>
      <Col xs={24} lg={10}>
        <Typography.Text strong>{t('comp.inv.interests')}</Typography.Text>
        {row.interests.map((i) => (
          <div key={i.id}>
            {i.investorName} <Tag>{t(`comp.inv.level.${i.level}` as MessageKey)}</Tag>
            <Typography.Text type="secondary">{i.recordedOn}</Typography.Text>
          </div>
        ))}
        <Form form={interestForm} layout="inline" style={{ marginTop: 8 }} onFinish={(v) => void addInterest(v)}>
          <Form.Item name="investorName" rules={[{ required: true, message: t('comp.inv.investor') }]}>
            <Input placeholder={t('comp.inv.investor')} style={{ width: 160 }} data-testid="interest-investor" />
          </Form.Item>
          <Form.Item name="level" initialValue="moderate">
            <Select
              style={{ width: 90 }}
              options={(['strong', 'moderate', 'watching'] as const).map((l) => ({ value: l, label: t(`comp.inv.level.${l}`) }))}
            />
          </Form.Item>
          <Button htmlType="submit" data-testid="interest-submit">
            {t('comp.inv.addInterest')}
          </Button>
        </Form>
      </Col>
      <Col xs={24} lg={14}>
        <Typography.Text strong>{t('comp.inv.investments')}</Typography.Text>
        {row.investments.map((v) => (
          <div
            key={v.id}
            style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}
            data-testid="investment-row"
          >
            <span>{v.fundName}</span>
            <Tag>{t(`comp.inv.fund.${v.fundLevel}` as MessageKey)}</Tag>
            <span>{formatYuan(v.amountYuan)}</span>
            <Tag color={STATUS_COLOR[v.status]}>{t(statusKey(v.status))}</Tag>
            <Typography.Text type="secondary">{v.statusOn}</Typography.Text>
            <Button size="small" onClick={() => setMoving(v)} data-testid="investment-move">
              {t('comp.inv.history')}
            </Button>
          </div>
        ))}
        <Form
          form={invForm}
          layout="inline"
          style={{ marginTop: 8 }}
          initialValues={{ fundLevel: 'city' }}
          onFinish={(v) => void addInvestment(v)}
        >
          <Form.Item name="fundName" rules={[{ required: true, message: t('comp.inv.fund') }]}>
            <Input placeholder={t('comp.inv.fund')} style={{ width: 180 }} data-testid="inv-fund" />
          </Form.Item>
          <Form.Item name="fundLevel">
            <Select
              style={{ width: 90 }}
              options={(['national', 'provincial', 'city', 'district'] as const).map((l) => ({
                value: l,
                label: t(`comp.inv.fund.${l}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="amountYuan" rules={[{ required: true, message: t('comp.inv.amount') }]}>
            <InputNumber
              min={1}
              precision={0}
              placeholder={t('comp.inv.amount')}
              style={{ width: 140 }}
              data-testid="inv-amount"
            />
          </Form.Item>
          <Button htmlType="submit" type="primary" data-testid="inv-submit">
            {t('comp.inv.addInvestment')}
          </Button>
        </Form>
      </Col>
      {moving && (
        <MoveModal
          inv={moving}
          onClose={() => setMoving(null)}
          onSaved={() => {
            setMoving(null);
            onChanged();
          }}
        />
      )}
    </Row>
  );
}

export function FollowUpTab({ editionId }: { editionId: number }) {
  const { t } = useI18n();
  const [sum, setSum] = useState<FollowUpSummary | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);
  const load = useCallback(() => void fetchFollowUpSummary(editionId).then(setSum), [editionId]);
  useEffect(load, [load]);
  if (!sum) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="followup-tab">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('comp.inv.projects')} value={sum.projects} data-testid="stat-projects" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('comp.inv.withInterest')} value={sum.withInterest} suffix={`/ ${sum.projects}`} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('comp.inv.committed')} value={formatYuan(sum.committedYuan)} data-testid="stat-committed" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('comp.inv.funded')} value={formatYuan(sum.fundedYuan)} data-testid="stat-funded" />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('comp.inv.byStatus')}
        extra={
          <Button href={`/api/competition/editions/${editionId}/follow-up.xlsx`} data-testid="export-followup">
            {t('comp.inv.export')}
          </Button>
        }
      >
        <StatusChart summary={sum} />
      </Card>
      <Table
        rowKey="entryId"
        size="small"
        dataSource={sum.rows}
        pagination={false}
        data-testid="followup-table"
        scroll={{ x: 800 }}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as number[]),
          expandedRowRender: (r: FollowUpRow) => <ProjectDetail row={r} onChanged={load} />,
        }}
        columns={[
          { title: t('comp.col.code'), dataIndex: 'code', width: 110 },
          { title: t('comp.col.project'), dataIndex: 'projectName' },
          { title: t('comp.col.entrant'), dataIndex: 'entrantName' },
          { title: t('comp.col.group'), dataIndex: 'group', width: 80, render: (g: FollowUpRow['group']) => t(groupKey(g)) },
          {
            title: t('comp.col.interests'),
            width: 120,
            render: (_: unknown, r: FollowUpRow) =>
              `${r.interests.length}（${t('comp.strong')} ${r.interests.filter((i) => i.level === 'strong').length}）`,
          },
          {
            title: t('comp.col.invested'),
            width: 140,
            render: (_: unknown, r: FollowUpRow) =>
              formatYuan(r.investments.filter((v) => v.status !== 'withdrawn').reduce((s, v) => s + v.amountYuan, 0)),
          },
          {
            title: t('comp.inv.status'),
            width: 160,
            render: (_: unknown, r: FollowUpRow) =>
              r.investments.map((v) => (
                <Tag key={v.id} color={STATUS_COLOR[v.status]}>
                  {t(statusKey(v.status))}
                </Tag>
              )),
          },
        ]}
      />
    </Space>
  );
}
