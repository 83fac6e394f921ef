/** Tags and labels shared by the credit pages and the enterprise page's section. */
import { Tag } from 'antd';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../util/errors.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PENALTY_ZH, type PenaltyLine, type RepairStatus, type Severity } from './api.ts';

const SEVERITY_COLOURS: Record<Severity, string> = { minor: 'default', general: 'orange', serious: 'red' };
const STATUS_COLOURS: Record<RepairStatus, string> = {
  not_published: 'default',
  in_minimum_period: 'gold',
  repairable: 'blue',
  repair_pending: 'processing',
  repaired: 'green',
  publicity_ended: 'default',
};

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return <Tag color={SEVERITY_COLOURS[severity]}>{t(`credit.severity.${severity}`)}</Tag>;
}

export function StatusTag({ status }: { status: RepairStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="credit-status">
      {t(`credit.status.${status}`)}
    </Tag>
  );
}

export function usePenaltyText() {
  const { lang } = useI18n();
  return (lines: PenaltyLine[]) =>
    lines
      .map((l) => {
        const name = PENALTY_ZH[l.type][lang === 'zh' ? 0 : 1];
        if (l.amountYuan) return `${name} ${l.amountYuan.toLocaleString('en-US')}${lang === 'zh' ? '元' : ' yuan'}`;
        if (l.months) return `${name} ${l.months}${lang === 'zh' ? '个月' : ' months'}`;
        return name;
      })
      .join(lang === 'zh' ? '；' : '; ');
}

/** An API error with every field's reason, for dialogs whose fields are not all on a form. */
export function fullErrorText(e: unknown, pick: (t: { zh: string; en: string }) => string): string {
  const head = errorText(e, pick);
  return e instanceof ApiError && e.fields.length ? `${head}：${e.fields.map((f) => pick(f.reason)).join('；')}` : head;
}
