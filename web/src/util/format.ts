/** Display formats shared by every page: dates YYYY-MM-DD, money as integer yuan with separators. */

const yuanFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const wanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatYuan(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : yuanFormat.format(value);
}

/** 万元 (10,000 yuan), the unit officers read revenue in. */
export function formatWanYuan(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : wanFormat.format(value / 10_000);
}

export function toWan(value: number): number {
  return Math.round(value / 100) / 100;
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : yuanFormat.format(value);
}

/** Server dates are already YYYY-MM-DD; this only guards against a timestamp slipping through. */
export function formatDate(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '—';
}

export function todayIso(): string {
  // Dates are calendar dates in Asia/Shanghai, whatever the browser's zone.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** ¥2,000,000; a negative amount keeps its sign in front: -¥500,000. */
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value < 0 ? '-' : ''}¥${yuanFormat.format(Math.abs(value))}`;
}

/** +¥500,000 / -¥500,000 / ¥0: a difference reads with its sign. */
export function formatSignedMoney(value: number): string {
  return value > 0 ? `+${formatMoney(value)}` : formatMoney(value);
}

const wanShort = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** 200万元: how the policy text prints amounts. */
export function formatWanText(value: number): string {
  return `${wanShort.format(value / 10_000)}万元`;
}
