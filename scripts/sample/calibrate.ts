/**
 * Exact calibration of hours: the drawn hours are first brought near their targets by scaling
 * the drawing (so months keep their natural shape), then the last differences are settled
 * half an hour at a time over rows chosen at random, within the monthly cap.
 */
import { AIMED_SHARES, AIMED_TOTAL_CENTIHOURS } from './targets.ts';
import { SHARE_CLASSES, walk, type ContractIndex, type HourRow, type Person, type ShareClass } from './persons.ts';
import type { Rng } from './rng.ts';

/** 48 h × 52 / 12: the most a person can work in a month (contract rule), in hundredths. */
export const MONTHLY_CAP = 20800;

/**
 * Hundredths of an hour per share class. A + B = SIAE, B + C = work-study, D = CDI.
 * B (SIAE work-study) is the overlap that lets 70 % + 24 % + 8 % exceed 100 %.
 */
export function classTargets(total = AIMED_TOTAL_CENTIHOURS): Record<ShareClass, number> {
  const siae = Math.round(total * AIMED_SHARES.siae);
  const workStudy = Math.round(total * AIMED_SHARES.workStudy);
  const B = Math.round(total * 0.05);
  const A = siae - B;
  const C = workStudy - B;
  const D = Math.round(total * AIMED_SHARES.cdi);
  return { A, B, C, D, E: total - A - B - C - D };
}

function sums(rows: readonly HourRow[]): Record<ShareClass, number> {
  const s: Record<ShareClass, number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
  for (const r of rows) s[r.shareClass] += r.centihours;
  return s;
}

export function calibratedHours(persons: readonly Person[], index: ContractIndex, rng: Rng): HourRow[] {
  const targets = classTargets();
  const scale: Record<ShareClass, number> = { A: 1, B: 1, C: 1, D: 1, E: 1 };
  let rows: HourRow[] = [];
  for (let iteration = 0; iteration < 8; iteration++) {
    rows = walk(persons, index, scale, rng.fork('walk'));
    const s = sums(rows);
    let converged = true;
    for (const k of SHARE_CLASSES) {
      const ratio = targets[k] / s[k];
      if (Math.abs(ratio - 1) > 0.004) converged = false;
      scale[k] *= ratio;
    }
    if (converged) break;
  }
  settle(rows, targets, rng.fork('settle'));
  return rows;
}

const personMonth = (r: HourRow): number => r.person.index * 10000 + r.month;

/** Moves each class total exactly onto its target. */
function settle(rows: HourRow[], targets: Record<ShareClass, number>, rng: Rng): void {
  const monthly = new Map<number, number>();
  for (const r of rows) monthly.set(personMonth(r), (monthly.get(personMonth(r)) ?? 0) + r.centihours);
  const s = sums(rows);
  for (const k of SHARE_CLASSES) {
    const order = rng.shuffle(rows.filter((r) => r.shareClass === k));
    let rest = targets[k] - s[k];
    const room = (r: HourRow, delta: number): boolean =>
      delta > 0 ? r.centihours + delta <= MONTHLY_CAP && (monthly.get(personMonth(r)) as number) + delta <= MONTHLY_CAP : r.centihours + delta >= 100;
    const apply = (r: HourRow, delta: number): void => {
      r.centihours += delta;
      monthly.set(personMonth(r), (monthly.get(personMonth(r)) as number) + delta);
      rest -= delta;
    };
    let guard = 0;
    while (Math.abs(rest) >= 50) {
      if (guard++ > 1000) throw new Error(`cannot settle class ${k}: ${rest} left`);
      for (const r of order) {
        if (Math.abs(rest) < 50) break;
        const delta = rest > 0 ? 50 : -50;
        if (room(r, delta)) apply(r, delta);
      }
    }
    if (rest !== 0) {
      const r = order.find((x) => room(x, rest));
      if (!r) throw new Error(`cannot settle the last ${rest} of class ${k}`);
      apply(r, rest);
    }
  }
}
