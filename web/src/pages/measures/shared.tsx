/** Small pieces the measures pages share: status tags and number formatting. */
import { Tag } from 'antd';
import type { Translate } from '../../i18n/index.tsx';
import type { MeasureStatus, ReportStatus } from './api.ts';

const MEASURE_COLOURS: Record<MeasureStatus, string> = { on_track: 'green', behind: 'orange', no_report: 'default' };
const REPORT_COLOURS: Record<ReportStatus, string> = { draft: 'default', submitted: 'blue', returned: 'red', accepted: 'green' };

export function MeasureStatusTag({ status, t }: { status: MeasureStatus; t: Translate }) {
  return (
    <Tag color={MEASURE_COLOURS[status]} data-testid={`measure-status-${status}`}>
      {t(`ms.status.${status}`)}
    </Tag>
  );
}

export function ReportStatusTag({ status, overdue, t }: { status: ReportStatus | null; overdue: boolean; t: Translate }) {
  return (
    <>
      <Tag color={status ? REPORT_COLOURS[status] : 'default'}>{status ? t(`ms.report.${status}`) : t('ms.report.none')}</Tag>
      {overdue && <Tag color="red">{t('ms.overdue')}</Tag>}
    </>
  );
}

export function formatFigure(value: number | null, unitZh: string): string {
  if (value === null) return '—';
  if (unitZh === '%') return `${value}%`;
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}
