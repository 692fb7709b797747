import { SECRET } from '../../schemas/secret.ts';
import type { Valeur } from './types.ts';

/** Rounds half away from zero (binary noise corrected), never giving -0. */
export const round = (x: number, decimals = 2) => {
  const f = 10 ** decimals;
  const r = Math.round((x + Number.EPSILON * Math.sign(x)) * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** `num` as a percentage of `den`, rounded; `null` (not applicable) without a denominator. */
export const ratio = (num: number, den: number): number | null => (den > 0 ? round((100 * num) / den) : null);

/** Completion rate: hours carried out (as published: `secret` stays secret) over planned hours. */
export const completion = (realisees: Valeur | undefined, planned: number): Valeur => (realisees === SECRET ? SECRET : ratio(Number(realisees), planned));
