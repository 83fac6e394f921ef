/** Shared by the import pages: verdict, status and outcome tags, their colours, and the title an import records. */
import { Tag } from 'antd';
import type { ImportOutcome, ImportStatus, ImportSummary, ImportVerdict, MatchMethod } from '../../api/types.ts';
import type { ReferenceData } from '../../auth/ReferenceData.tsx';
import { useI18n } from '../../i18n/index.tsx';

export const VERDICTS: readonly ImportVerdict[] = ['matched', 'ambiguous', 'not_found', 'other_city', 'duplicate', 'invalid'];

/** Hex colours, so the chart and the tags agree. */
export const VERDICT_COLOURS: Record<ImportVerdict, string> = {
  matched: '#16a34a',
  ambiguous: '#d97706',
  not_found: '#dc2626',
  other_city: '#64748b',
  duplicate: '#7c3aed',
  invalid: '#9f1239',
};

export const VERDICT_MARKS: Record<ImportVerdict, string> = {
  matched: '✓',
  ambiguous: '?',
  not_found: '✗',
  other_city: '↗',
  duplicate: '=',
  invalid: '!',
};

export function VerdictTag({ verdict }: { verdict: ImportVerdict }) {
  const { t } = useI18n();
  return (
    <Tag color={VERDICT_COLOURS[verdict]} data-testid={`verdict-${verdict}`} className="nowrap">
      {VERDICT_MARKS[verdict]} {t(`imp.verdict.${verdict}`)}
    </Tag>
  );
}

const STATUS_COLOURS: Record<ImportStatus, string> = { preview: 'gold', applied: 'green', reverted: 'default' };

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid={`import-status-${status}`}>
      {t(`imp.status.${status}`)}
    </Tag>
  );
}

const OUTCOME_COLOURS: Record<ImportOutcome, string> = {
  created: 'green',
  already_recorded: 'blue',
  skipped: 'default',
  duplicate: 'purple',
};

export function OutcomeTag({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useI18n();
  return (
    <Tag color={OUTCOME_COLOURS[outcome]} data-testid={`outcome-${outcome}`}>
      {t(`imp.outcome.${outcome}`)}
    </Tag>
  );
}

export function methodLabel(method: MatchMethod | null, t: ReturnType<typeof useI18n>['t']): string {
  return method ? t(`imp.method.${method}`) : '—';
}

/** 省级 专精特新中小企业 · 2025年度 */
export function importTitle(imp: Pick<ImportSummary, 'kind' | 'level' | 'batch'>, ref: ReferenceData): string {
  return [ref.level(imp.level), ref.titleKind(imp.kind)].join(' ') + (imp.batch ? ` · ${imp.batch}` : '');
}

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The server's default last valid day: recognition + 3 years − 1 day (29 Feb → 28 Feb). */
export function defaultValidUntil(recognisedOn: string): string {
  const [y, m, d] = recognisedOn.split('-').map(Number) as [number, number, number];
  const anniversary = new Date(Date.UTC(y + 3, m - 1, d));
  if (anniversary.getUTCMonth() !== m - 1) anniversary.setUTCDate(0);
  else anniversary.setUTCDate(anniversary.getUTCDate() - 1);
  return anniversary.toISOString().slice(0, 10);
}

/** Local time of a server timestamp, to the minute. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/**
 * An API field path of a bad file, as the officer reads it: `file.rows[12].C` → 第 12 行 · 单元格 C12.
 */
export function problemPlace(field: string, t: ReturnType<typeof useI18n>['t']): string | null {
  const m = /rows\[(\d+)\](?:\.([A-Z]{1,3}))?/.exec(field);
  if (!m) return null;
  const row = m[1]!;
  return m[2] ? `${t('imp.problem.row', { row })} · ${t('imp.problem.cell', { cell: `${m[2]}${row}` })}` : t('imp.problem.row', { row });
}
