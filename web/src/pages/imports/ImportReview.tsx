/**
 * An import's rows and what became of them: counts by verdict (cards and a ring), and every row
 * with its verdict, the enterprise it matched, how and how surely, filtered by verdict. While the
 * import is a preview the officer decides here: pick among candidates (or search the registry),
 * register a firm that is not found, or skip.
 */
import { App, Button, Card, Col, Radio, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import * as api from '../../api/endpoints.ts';
import type { DecisionInput, ImportDetail, ImportRow, ImportSummary, ImportVerdict } from '../../api/types.ts';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatCount } from '../../util/format.ts';
import { CreateEnterpriseModal } from './ImportDialogs.tsx';
import { OutcomeTag, VERDICT_COLOURS, VERDICT_MARKS, VERDICTS, VerdictTag, methodLabel, percent } from './importShared.tsx';

const VerdictChart = lazy(() => import('./VerdictChart.tsx'));

// ---------- counts ----------

export function ImportCountCards({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n();
  const c = summary.counts;
  return (
    <Card size="small" className="section-card" title={t('imp.summary')} data-testid="import-counts">
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} xl={15}>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Statistic title={t('imp.total')} value={c.total} data-testid="count-total" />
            </Col>
            {VERDICTS.map((v) => (
              <Col xs={12} md={6} key={v}>
                <Statistic
                  title={
                    <span>
                      <span className="verdict-dot" style={{ background: VERDICT_COLOURS[v] }} />
                      {t(`imp.verdict.${v}`)}
                    </span>
                  }
                  value={c[v]}
                  styles={{ content: { color: c[v] > 0 ? VERDICT_COLOURS[v] : undefined } }}
                  data-testid={`count-${v}`}
                />
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary" className="count-notes">
            {t('imp.matchedFirst', { first: c.first, renewal: c.renewal })}
            {c.alreadyRecorded > 0 && ` · ${t('imp.alreadyRecorded', { n: c.alreadyRecorded })}`}
          </Typography.Text>
        </Col>
        <Col xs={24} xl={9}>
          <Suspense fallback={<div style={{ height: 200 }} />}>
            <VerdictChart counts={c} />
          </Suspense>
        </Col>
      </Row>
    </Card>
  );
}

// ---------- choosing an enterprise ----------

interface PickerProps {
  row: ImportRow;
  busy: boolean;
  onPick: (enterpriseId: number, name: string) => void;
}

/** The row's candidates first (name · code · similarity), and the registry on typing. */
function EnterprisePicker({ row, busy, onPick }: PickerProps) {
  const { t } = useI18n();
  const [found, setFound] = useState<{ id: number; name: string; uscc: string }[]>([]);
  const timer = useRef<number | undefined>(undefined);
  const search = (q: string) => {
    window.clearTimeout(timer.current);
    if (q.trim().length < 2) {
      setFound([]);
      return;
    }
    timer.current = window.setTimeout(() => {
      api.listEnterprises({ q: q.trim(), pageSize: 10 }).then(
        (page) => setFound(page.items.map((e) => ({ id: e.id, name: e.name, uscc: e.uscc }))),
        () => setFound([]),
      );
    }, 250);
  };
  const candidateIds = new Set(row.candidates.map((c) => c.enterpriseId));
  const names = new Map<number, string>([
    ...row.candidates.map((c) => [c.enterpriseId, c.name] as const),
    ...found.map((f) => [f.id, f.name] as const),
  ]);
  const options = [
    ...(row.candidates.length
      ? [
          {
            label: row.verdict === 'ambiguous' ? t('imp.candidates') : t('imp.suggestions'),
            title: 'candidates',
            options: row.candidates.map((c) => ({
              value: c.enterpriseId,
              label: `${c.name}（${percent(c.score)}）`,
              title: `${c.name} · ${c.uscc}${c.matchedName ? ` · ${c.matchedName}` : ''}`,
            })),
          },
        ]
      : []),
    ...(found.some((f) => !candidateIds.has(f.id))
      ? [
          {
            label: t('nav.enterprises'),
            title: 'registry',
            options: found.filter((f) => !candidateIds.has(f.id)).map((f) => ({ value: f.id, label: f.name, title: f.uscc })),
          },
        ]
      : []),
  ];
  return (
    <Select<number>
      size="small"
      style={{ width: 226 }}
      placeholder={t('imp.pick')}
      title={t('imp.pickSearch')}
      showSearch={{ filterOption: false, onSearch: search }}
      disabled={busy}
      options={options}
      onChange={(id) => onPick(id, names.get(id) ?? `#${id}`)}
      notFoundContent={null}
      popupMatchSelectWidth={380}
      data-testid={`pick-${row.rowNo}`}
    />
  );
}

// ---------- the rows ----------

interface ColumnContext {
  i18n: I18n;
  editable: boolean;
  applied: boolean;
  busyRow: number | null;
  chosenNames: Map<number, string>;
  decide: (row: ImportRow, decision: DecisionInput, name?: string) => void;
  create: (row: ImportRow) => void;
}

function enterpriseCell(row: ImportRow, chosenNames: Map<number, string>, t: I18n['t']) {
  const d = row.decision;
  if (d?.action === 'match') {
    const name = chosenNames.get(d.enterpriseId) ?? row.candidates.find((c) => c.enterpriseId === d.enterpriseId)?.name ?? `#${d.enterpriseId}`;
    return (
      <Link to={`/enterprises/${d.enterpriseId}`} data-testid="row-enterprise">
        {name}
      </Link>
    );
  }
  if (d?.action === 'create') return <Tag color="cyan">{t('imp.decided.create', { name: d.enterprise.name })}</Tag>;
  if (row.enterpriseId !== null && row.verdict !== 'other_city')
    return (
      <Link to={`/enterprises/${row.enterpriseId}`} data-testid="row-enterprise">
        {row.enterpriseName ?? `#${row.enterpriseId}`}
      </Link>
    );
  return <Typography.Text type="secondary">—</Typography.Text>;
}

function scoreOf(row: ImportRow): number | null {
  const target = row.decision?.action === 'match' ? row.decision.enterpriseId : row.enterpriseId;
  const candidate = row.candidates.find((c) => c.enterpriseId === target) ?? (row.verdict === 'ambiguous' ? row.candidates[0] : undefined);
  if (candidate) return candidate.score;
  return row.verdict === 'matched' ? 1 : null;
}

function DecisionCell({ row, ctx }: { row: ImportRow; ctx: ColumnContext }) {
  const { t } = ctx.i18n;
  const busy = ctx.busyRow === row.rowNo;
  if (row.decision) {
    const label =
      row.decision.action === 'skip'
        ? t('imp.decided.skip')
        : row.decision.action === 'create'
          ? t('imp.create')
          : t('imp.decided.matchShort');
    return (
      <Space size={4} wrap data-testid={`decision-${row.rowNo}`}>
        <Tag color={row.decision.action === 'skip' ? 'default' : 'blue'}>{label}</Tag>
        <Button size="small" type="link" icon={<UndoOutlined />} loading={busy} onClick={() => ctx.decide(row, { action: 'clear' })} data-testid={`clear-${row.rowNo}`}>
          {t('imp.clear')}
        </Button>
      </Space>
    );
  }
  const skip = (
    <Button size="small" icon={<StopOutlined />} loading={busy} onClick={() => ctx.decide(row, { action: 'skip' })} data-testid={`skip-${row.rowNo}`}>
      {t('imp.skip')}
    </Button>
  );
  switch (row.verdict) {
    case 'ambiguous':
    case 'other_city':
      return (
        <Space size={4} wrap>
          {(row.verdict === 'ambiguous' || row.candidates.length > 0) && (
            <EnterprisePicker row={row} busy={busy} onPick={(id, name) => ctx.decide(row, { action: 'match', enterpriseId: id }, name)} />
          )}
          {row.verdict === 'ambiguous' && skip}
        </Space>
      );
    case 'not_found':
      return (
        <Space size={4} wrap>
          {row.candidates.length > 0 && (
            <EnterprisePicker row={row} busy={busy} onPick={(id, name) => ctx.decide(row, { action: 'match', enterpriseId: id }, name)} />
          )}
          <Button size="small" type="primary" ghost icon={<PlusOutlined />} onClick={() => ctx.create(row)} data-testid={`create-${row.rowNo}`}>
            {t('imp.create')}
          </Button>
          {skip}
        </Space>
      );
    case 'duplicate':
    case 'invalid':
      return <Tooltip title={t('imp.onlySkip')}>{skip}</Tooltip>;
    default:
      return null;
  }
}

function columns(ctx: ColumnContext): TableProps<ImportRow>['columns'] {
  const { t, pick } = ctx.i18n;
  const cols: TableProps<ImportRow>['columns'] = [
    { key: 'rowNo', title: t('imp.col.row'), dataIndex: 'rowNo', width: 64, align: 'right', render: (n: number) => <span className="num" data-testid="row-no">{n}</span> },
    {
      key: 'name',
      title: t('imp.col.name'),
      dataIndex: 'name',
      width: 250,
      render: (name: string, row) => (
        <div>
          <div data-testid="row-name">{name || '—'}</div>
          {row.uscc && <Typography.Text type="secondary" className="num small-text">{row.uscc}</Typography.Text>}
          {row.notes.map((n, i) => (
            <div key={i} className="row-note">
              {pick(n)}
            </div>
          ))}
        </div>
      ),
    },
    { key: 'region', title: t('imp.col.region'), dataIndex: 'region', width: 84, render: (v: string | null) => v ?? '—' },
    {
      key: 'section',
      title: t('imp.col.section'),
      dataIndex: 'recognition',
      width: 90,
      render: (r: ImportRow['recognition'], row) => (
        <Tooltip title={row.section ?? undefined}>
          <Tag color={r === 'renewal' ? 'geekblue' : 'cyan'}>{t(`imp.recognition.${r}`)}</Tag>
        </Tooltip>
      ),
    },
    {
      key: 'verdict',
      title: t('imp.col.verdict'),
      dataIndex: 'verdict',
      width: 120,
      render: (v: ImportVerdict, row) => (
        <Space orientation="vertical" size={2}>
          <VerdictTag verdict={v} />
          {row.titleExists && <Typography.Text type="secondary" className="small-text">{t('imp.titleExists')}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'enterprise',
      title: t('imp.col.enterprise'),
      width: 230,
      render: (_: unknown, row) => enterpriseCell(row, ctx.chosenNames, t),
    },
    {
      key: 'method',
      title: t('imp.col.method'),
      width: 110,
      render: (_: unknown, row) => {
        const score = scoreOf(row);
        const manual = row.decision?.action === 'match' || row.decision?.action === 'create';
        return (
          <Space orientation="vertical" size={0}>
            <span>{manual ? t('imp.method.manual') : methodLabel(row.matchMethod, t)}</span>
            {score !== null && (row.matchMethod !== null || manual) && (
              <Typography.Text type="secondary" className="small-text num" data-testid="row-score">
                {t('imp.score', { score: percent(score) })}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
  ];
  if (ctx.editable)
    cols.push({ key: 'decision', title: t('imp.col.decision'), width: 250, render: (_: unknown, row) => <DecisionCell row={row} ctx={ctx} /> });
  if (ctx.applied)
    cols.push({
      key: 'outcome',
      title: t('imp.col.outcome'),
      width: 110,
      render: (_: unknown, row) => (row.outcome ? <OutcomeTag outcome={row.outcome} /> : row.decision?.action === 'skip' ? <Tag>{t('imp.decided.skip')}</Tag> : '—'),
    });
  return cols;
}

interface TableProps2 {
  summary: ImportSummary;
  /** Bumped by the parent when the rows change outside the table (after apply or revert). */
  reloadKey?: number;
  /** Called after each decision, so the parent can recount what needs deciding. */
  onDecided?: () => void;
}

export function ImportRowsTable({ summary, reloadKey = 0, onDecided }: TableProps2) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const [verdict, setVerdict] = useState<ImportVerdict | 'all'>(() => (summary.status === 'preview' && summary.counts.ambiguous > 0 ? 'ambiguous' : 'all'));
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [data, setData] = useState<ImportDetail | null>(null);
  const [loading, setLoading] = useState(false);
  const [busyRow, setBusyRow] = useState<number | null>(null);
  const [creating, setCreating] = useState<ImportRow | null>(null);
  const [chosenNames] = useState(() => new Map<number, string>());

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .getImport(summary.id, { verdict: verdict === 'all' ? undefined : verdict, page, pageSize }, controller.signal)
      .then(setData)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) void message.error(errorText(e, pick));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [summary.id, summary.status, verdict, page, pageSize, reloadKey]);

  const replaceRow = (updated: ImportRow) =>
    setData((d) => (d ? { ...d, rows: d.rows.map((r) => (r.rowNo === updated.rowNo ? updated : r)) } : d));

  const decide = (row: ImportRow, decision: DecisionInput, name?: string) => {
    if (decision.action === 'match' && name) chosenNames.set(decision.enterpriseId, name);
    setBusyRow(row.rowNo);
    api
      .decideImportRow(summary.id, row.rowNo, decision)
      .then((updated) => {
        replaceRow(updated);
        if (decision.action !== 'clear') void message.success(t('imp.decisionSaved', { row: row.rowNo }));
        onDecided?.();
      })
      .catch((e: unknown) => void message.error(errorText(e, pick)))
      .finally(() => setBusyRow(null));
  };

  const ctx: ColumnContext = {
    i18n,
    editable: summary.status === 'preview',
    applied: summary.status !== 'preview',
    busyRow,
    chosenNames,
    decide,
    create: setCreating,
  };
  const cols = useMemo(() => columns(ctx), [i18n, summary.status, busyRow, data]);
  const c = summary.counts;

  return (
    <Card size="small" className="section-card" data-testid="import-rows">
      <Radio.Group
        className="verdict-filter"
        value={verdict}
        optionType="button"
        onChange={(e) => {
          setVerdict(e.target.value as ImportVerdict | 'all');
          setPage(1);
        }}
        data-testid="verdict-filter"
      >
        <Radio.Button value="all">
          <span data-testid="verdict-filter-all">{t('imp.filter.all', { n: formatCount(c.total) })}</span>
        </Radio.Button>
        {VERDICTS.map((v) => (
          <Radio.Button key={v} value={v} disabled={c[v] === 0}>
            <span data-testid={`verdict-filter-${v}`}>
              <span style={{ color: c[v] > 0 ? VERDICT_COLOURS[v] : undefined }}>{VERDICT_MARKS[v]}</span> {t(`imp.verdict.${v}`)}{' '}
              <span className="num">{formatCount(c[v])}</span>
            </span>
          </Radio.Button>
        ))}
      </Radio.Group>
      <Table<ImportRow>
        rowKey="rowNo"
        size="small"
        data-testid="import-row-table"
        loading={loading}
        dataSource={data?.rows ?? []}
        columns={cols}
        scroll={{ x: 1130 }}
        rowClassName={(row) => (row.verdict === 'ambiguous' && !row.decision && summary.status === 'preview' ? 'row-needs-decision' : '')}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 500],
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
      <CreateEnterpriseModal
        importId={summary.id}
        row={creating}
        onClose={() => setCreating(null)}
        onDone={(updated) => {
          setCreating(null);
          replaceRow(updated);
          onDecided?.();
        }}
      />
    </Card>
  );
}

/** How many ambiguous rows still wait for the officer (the API refuses to apply while any do). */
export function useUndecided(summary: ImportSummary | null, key: number): number | null {
  const [n, setN] = useState<number | null>(null);
  useEffect(() => {
    if (!summary || summary.status !== 'preview' || summary.counts.ambiguous === 0) {
      setN(0);
      return;
    }
    let live = true;
    api.getImport(summary.id, { verdict: 'ambiguous', pageSize: 1000 }).then(
      (d) => live && setN(d.rows.filter((r) => !r.decision).length),
      () => live && setN(null),
    );
    return () => {
      live = false;
    };
  }, [summary?.id, summary?.status, key]);
  return n;
}
