/**
 * `/budget` (city and finance officers): expected cost by fiscal year, clause and responsible
 * unit, computed now from the registry, and the what-if panel below it.
 */
import { Alert, Card, Checkbox, Col, Result, Row, Space, Statistic, Table, Typography, type TableProps } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import * as api from '../../api/endpoints.ts';
import type { BudgetResponse, ClauseId } from '../../api/types.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { canSeeBudget } from '../../layout/nav.ts';
import { errorText } from '../../util/errors.ts';
import { formatMoney, formatYuan } from '../../util/format.ts';
import { useUrlQuery } from '../../util/useUrlQuery.ts';
import { CLAUSES, budgetYearOptions, clauseName } from './policyShared.tsx';
import { WhatIfPanel } from './WhatIfPanel.tsx';

const BarChart = lazy(() => import('./BarChart.tsx'));

export const CLAUSE_COLOURS: Record<string, string> = { '2': '#1d4ed8', '4': '#f59e0b', '5': '#10b981' };
const DEFAULT_YEARS = [2023, 2024, 2025, 2026];

function parseYears(text: string | undefined): number[] {
  if (!text) return DEFAULT_YEARS;
  const years = text
    .split(',')
    .map(Number)
    .filter((y) => Number.isInteger(y) && y >= 2000 && y <= 2100);
  return years.length ? [...new Set(years)].sort() : DEFAULT_YEARS;
}

interface PivotRow {
  key: string;
  label: string;
  byYear: Record<number, number>;
  total: number;
}

function pivot<T extends { fiscalYear: number; amount: number }>(
  rows: T[],
  keyOf: (r: T) => string,
  labelOf: (k: string) => string,
): PivotRow[] {
  const out = new Map<string, PivotRow>();
  for (const r of rows) {
    const k = keyOf(r);
    const row = out.get(k) ?? { key: k, label: labelOf(k), byYear: {}, total: 0 };
    row.byYear[r.fiscalYear] = (row.byYear[r.fiscalYear] ?? 0) + r.amount;
    row.total += r.amount;
    out.set(k, row);
  }
  return [...out.values()];
}

function pivotColumns(years: number[], firstTitle: string, totalTitle: string): TableProps<PivotRow>['columns'] {
  return [
    { key: 'label', title: firstTitle, dataIndex: 'label', className: 'nowrap' },
    ...years.map((y) => ({
      key: String(y),
      title: String(y),
      align: 'right' as const,
      className: 'nowrap',
      render: (_: unknown, r: PivotRow) => <span className="num">{formatYuan(r.byYear[y] ?? 0)}</span>,
    })),
    {
      key: 'total',
      title: totalTitle,
      align: 'right' as const,
      className: 'nowrap',
      render: (_: unknown, r: PivotRow) => (
        <Typography.Text strong className="num">
          {formatYuan(r.total)}
        </Typography.Text>
      ),
    },
  ];
}

function BudgetView({ budget }: { budget: BudgetResponse }) {
  const { t, lang } = useI18n();
  const years = budget.fiscalYears;
  const series = useMemo(
    () =>
      CLAUSES.filter((c) => budget.lines.some((l) => l.clause === c)).map((c) => ({
        name: clauseName(c, t, lang),
        stack: 'clauses',
        color: CLAUSE_COLOURS[c] ?? '#999',
        data: years.map((y) => budget.lines.find((l) => l.fiscalYear === y && l.clause === c)?.amount ?? 0),
      })),
    [budget, t, lang, years],
  );
  const categories = useMemo(() => years.map(String), [years]);
  const byClause = pivot(
    budget.lines,
    (l) => l.clause,
    (c) => clauseName(c, t, lang),
  ).sort((a, b) => CLAUSES.indexOf(a.key as ClauseId) - CLAUSES.indexOf(b.key as ClauseId));
  const byUnit = pivot(
    budget.byUnit,
    (u) => u.unitZh,
    (u) => u,
  );
  const totalTitle = t('budget.total');

  return (
    <>
      <Card className="section-card" data-testid="budget-summary">
        <Space size={48} wrap>
          <Statistic
            title={t('budget.totalYears', { years: `${years[0]}–${years[years.length - 1]}` })}
            value={formatMoney(budget.total)}
            data-testid="budget-total"
          />
          {budget.totalsByYear.map((y) => (
            <Statistic key={y.fiscalYear} title={String(y.fiscalYear)} value={formatMoney(y.amount)} />
          ))}
        </Space>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('budget.fromRegistry')}
          </Typography.Text>
        </div>
      </Card>
      <Card className="section-card" title={t('budget.chart')}>
        <Suspense fallback={<PageSpinner />}>
          <BarChart categories={categories} series={series} testId="budget-chart" />
        </Suspense>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card className="section-card" title={t('budget.byClause')} size="small">
            <Table<PivotRow>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={byClause}
              columns={pivotColumns(years, t('entl.clause'), totalTitle)}
              scroll={{ x: 'max-content' }}
              data-testid="budget-by-clause"
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{totalTitle}</Typography.Text>
                  </Table.Summary.Cell>
                  {years.map((y, i) => (
                    <Table.Summary.Cell key={y} index={i + 1} align="right">
                      <Typography.Text strong className="num">
                        {formatYuan(budget.totalsByYear.find((x) => x.fiscalYear === y)?.amount ?? 0)}
                      </Typography.Text>
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={years.length + 1} align="right">
                    <Typography.Text strong className="num" data-testid="budget-table-total">
                      {formatYuan(budget.total)}
                    </Typography.Text>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card className="section-card" title={t('budget.byUnit')} size="small">
            <Table<PivotRow>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={byUnit}
              columns={pivotColumns(years, t('budget.unit'), totalTitle)}
              scroll={{ x: 'max-content' }}
              data-testid="budget-by-unit"
            />
            <Alert type="info" showIcon title={t('budget.jointNote')} style={{ marginTop: 12 }} data-testid="joint-note" />
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function BudgetPage() {
  const { t, pick } = useI18n();
  const user = useUser();
  const [query, setQuery] = useUrlQuery(['years'] as const);
  const years = parseYears(query.years);
  const yearsKey = years.join(',');
  const [budget, setBudget] = useState<BudgetResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const allowed = canSeeBudget(user);

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    setError(null);
    api.fetchBudget(years).then(
      (b) => live && setBudget(b),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // yearsKey captures the request.
  }, [yearsKey, allowed]);

  if (!allowed) return <Result status="403" title="403" />;

  return (
    <div data-testid="budget-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('budget.title')}</Typography.Title>
        <Space>
          <Typography.Text type="secondary">{t('budget.years')}</Typography.Text>
          <Checkbox.Group
            data-testid="budget-years"
            value={years}
            options={budgetYearOptions().map((y) => ({ value: y, label: String(y) }))}
            onChange={(v) => v.length > 0 && setQuery({ years: [...v].sort().join(',') })}
          />
        </Space>
      </div>
      {error ? (
        <Alert type="error" showIcon title={t('error.load')} description={errorText(error, pick)} />
      ) : !budget ? (
        <PageSpinner />
      ) : (
        <BudgetView budget={budget} />
      )}
      <WhatIfPanel defaultYears={years} />
    </div>
  );
}
