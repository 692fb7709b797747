/** Months as integers (`year * 12 + month - 1`) so execution windows are simple ranges. */
export type MonthIndex = number;

export const monthIndex = (year: number, month: number): MonthIndex => year * 12 + month - 1;
export const yearOf = (m: MonthIndex): number => Math.floor(m / 12);
export const monthOf = (m: MonthIndex): number => (m % 12) + 1;

/** Last month of the sample's period (2012-01-01 → 2018-12-31). */
export const PERIOD_END: MonthIndex = monthIndex(2018, 12);

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `MM/YYYY`, as facilitators' follow-up spreadsheets write months. */
export const frenchMonth = (m: MonthIndex): string => `${pad2(monthOf(m))}/${yearOf(m)}`;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export const isoDate = (d: CalendarDate): string => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
export const frenchDate = (d: CalendarDate): string => `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;

/** Adds days, in UTC so the result never depends on the machine's time zone. */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (d: CalendarDate): number => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();

/** Moves a weekend date to the next Monday, or back to Friday when Monday is next year. */
export function toWorkingDay(d: CalendarDate): CalendarDate {
  const w = weekday(d);
  if (w !== 0 && w !== 6) return d;
  const next = addDays(d, w === 6 ? 2 : 1);
  return next.year === d.year ? next : addDays(d, w === 6 ? -1 : -2);
}
