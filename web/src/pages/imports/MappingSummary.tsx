/** How an import's columns were read, in one line: 企业名称 B「企业名称」 · 所在地区 C「所在地区」 · 表头：第 2 行 (按表头识别). */
import { Space, Tag, Typography } from 'antd';
import type { DetectedMapping, MappedRole } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';

export const MAPPED_ROLES: readonly MappedRole[] = ['name', 'uscc', 'region', 'product', 'recognition'];

/** Excel's letters for a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function MappingSummary({ mapping }: { mapping: DetectedMapping }) {
  const { t } = useI18n();
  return (
    <Space size={[12, 4]} wrap data-testid="mapping-summary">
      {MAPPED_ROLES.filter((role) => mapping.columns[role] !== undefined).map((role) => {
        const col = mapping.columns[role]!;
        const header = mapping.headers[col - 1]?.trim();
        return (
          <span key={role}>
            <Typography.Text type="secondary">{t(`imp.role.${role}`)}</Typography.Text> <Tag>{columnLetter(col)}</Tag>
            {header ? `「${header}」` : ''}
          </span>
        );
      })}
      <Typography.Text type="secondary">
        {mapping.headerRow !== null ? t('imp.mapping.headerAt', { row: mapping.headerRow }) : t('imp.mapping.noHeader')} ·{' '}
        {t(`imp.mapping.confidence.${mapping.confidence}`)}
      </Typography.Text>
    </Space>
  );
}
