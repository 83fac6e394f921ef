/**
 * Calendar-date arithmetic on ISO date strings (YYYY-MM-DD, Asia/Shanghai calendar dates).
 * Dates are compared as strings: ISO dates sort lexicographically in calendar order, which keeps
 * the hot loop free of Date objects.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar date in ISO form (rejects 2023-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

/**
 * Adds calendar months. When the target month is shorter, the day is clamped to its last day:
 * 2023-01-31 + 1 month = 2023-02-28, 2024-02-29 + 12 months = 2025-02-28. This is the reading of
 * "满12个月" used by clause 5 (see docs/policy-engine.md): a residency from D is complete on
 * addMonths(D, 12).
 */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${pad4(ny)}-${pad2(nm)}-${pad2(nd)}`;
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (d > 1) return `${pad4(y)}-${pad2(m)}-${pad2(d - 1)}`;
  if (m > 1) return `${pad4(y)}-${pad2(m - 1)}-${pad2(daysInMonth(y, m - 1))}`;
  return `${pad4(y - 1)}-12-31`;
}

/** The calendar year of an ISO date, without allocating a substring. */
export function yearOf(iso: string): number {
  return (
    (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48)
  );
}

export function firstDayOfYear(year: number): string {
  return `${pad4(year)}-01-01`;
}

export function lastDayOfYear(year: number): string {
  return `${pad4(year)}-12-31`;
}

/**
 * Days since 1970-01-01 of a civil date (proleptic Gregorian), pure integer arithmetic: bulk
 * evaluation compares these instead of strings. `dayNumber(a) < dayNumber(b)` iff `a < b` for ISO dates.
 */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `dayNumberOf` of an ISO date string, read without substrings. */
export function dayNumber(iso: string): number {
  const y = yearOf(iso);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  return dayNumberOf(y, m, d);
}

/** `dayNumber(addMonths(iso, months))` without building the string. */
export function addMonthsDayNumber(iso: string, months: number): number {
  const y = yearOf(iso);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayNumberOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}
