/**
 * Shared by the payment-workflow pages: state tags and colours, the sub-navigation (cases, 公示,
 * batches, reports — by role), who a case waits for, and small hooks for loading.
 */
import { Segmented, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { Role, User } from '../../api/types.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import type { BatchState, CaseState, Waiter } from './api.ts';

export const STATE_COLOURS: Record<CaseState, string> = {
  opened: 'gold',
  district_review: 'blue',
  city_review: 'geekblue',
  in_notice: 'purple',
  finance_review: 'cyan',
  in_batch: 'orange',
  paid: 'green',
  archived: 'default',
  returned: 'volcano',
  rejected: 'red',
  cancelled: 'default',
};

export function CaseStateTag({ state }: { state: CaseState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid={`case-state-${state}`}>
      {t(`case.state.${state}`)}
    </Tag>
  );
}

const BATCH_COLOURS: Record<BatchState, string> = { draft: 'default', approved: 'blue', paid: 'green' };

export function BatchStateTag({ state }: { state: BatchState }) {
  const { t } = useI18n();
  return (
    <Tag color={BATCH_COLOURS[state]} data-testid={`batch-state-${state}`}>
      {t(`batch.state.${state}`)}
    </Tag>
  );
}

/** Who a case in this state waits for, in words ("等待：区县初审"). */
export function waiterKey(w: Waiter): MessageKey {
  return w === null ? 'case.waits.none' : `case.waits.${w}`;
}

/** Reports: the city and finance for the city, district officers for their unit. */
export function canSeeCaseReports(user: User): boolean {
  return user.role === 'city_officer' || user.role === 'finance_officer' || user.role === 'district_officer';
}

export function canSeeBatches(user: User): boolean {
  return user.role === 'city_officer' || user.role === 'finance_officer';
}

/** Roles that may file an objection during a 公示 (the server decides; this only shows the button). */
const OBJECTORS: readonly Role[] = ['city_officer', 'district_officer', 'enterprise_user', 'carrier_operator'];
export function canObject(user: User): boolean {
  return OBJECTORS.includes(user.role);
}

/** The sub-navigation of /cases. */
export function CasesTabs() {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const options: { value: string; label: string }[] = [{ value: '/cases', label: t('cases.tab.cases') }];
  options.push({ value: '/cases/notices', label: t('cases.tab.notices') });
  if (canSeeBatches(user)) options.push({ value: '/cases/batches', label: t('cases.tab.batches') });
  if (canSeeCaseReports(user)) options.push({ value: '/cases/reports', label: t('cases.tab.reports') });
  const current =
    [...options].reverse().find((o) => pathname === o.value || pathname.startsWith(`${o.value}/`))?.value ?? '/cases';
  return (
    <Segmented
      data-testid="cases-tabs"
      value={current}
      options={options.map((o) => ({
        ...o,
        label: <span data-testid={`cases-tab-${o.value.split('/')[2] ?? 'cases'}`}>{o.label}</span>,
      }))}
      onChange={(v) => navigate(String(v))}
      style={{ marginBottom: 16 }}
    />
  );
}

/** Loads once and on `reload()`; keeps the last error. */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data: T | null; error: unknown; reload: () => void; setData: (d: T) => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    load().then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // The caller lists what the load depends on.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload, setData };
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}
