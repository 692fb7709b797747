import { randomLcg } from 'd3';

/** FNV-1a hash of a label, to derive independent, stable sub-streams from one seed. */
function hash(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/**
 * Seeded pseudo-random generator (d3's linear congruential generator) with the few draws the
 * sample needs. Each generation phase forks its own stream by name, so changing one phase does
 * not reshuffle the others.
 */
export class Rng {
  private readonly u: () => number;
  private spare: number | undefined;

  constructor(readonly seed: number) {
    this.u = randomLcg(seed);
  }

  /** An independent stream for a named phase. */
  fork(label: string): Rng {
    return new Rng((this.seed + hash(label)) % 1);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u();
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.u();
  }

  /** Integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.u() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.u() < p;
  }

  /** Standard normal (Box–Muller, caching the second value). */
  normal(mu = 0, sigma = 1): number {
    if (this.spare !== undefined) {
      const z = this.spare;
      this.spare = undefined;
      return mu + sigma * z;
    }
    let u1 = this.u();
    while (u1 <= Number.EPSILON) u1 = this.u();
    const u2 = this.u();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(2 * Math.PI * u2);
    return mu + sigma * r * Math.cos(2 * Math.PI * u2);
  }

  /** Log-normal with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.u() * items.length)] as T;
  }

  /** Index drawn with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    if (!(total > 0)) throw new Error('weightedIndex: no positive weight');
    let x = this.u() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] as number;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    return items[this.weightedIndex(items.map(weight))] as T;
  }

  /** Value of a `[value, weight]` table. */
  table<T>(entries: readonly (readonly [T, number])[]): T {
    return (entries[this.weightedIndex(entries.map((e) => e[1]))] as readonly [T, number])[0];
  }

  /** Fisher–Yates, returns a new array. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.u() * (i + 1));
      const t = out[i] as T;
      out[i] = out[j] as T;
      out[j] = t;
    }
    return out;
  }

  /** `count` distinct integers in [lo, hi], in draw order. */
  distinctInts(count: number, lo: number, hi: number): number[] {
    if (hi - lo + 1 < count) throw new Error('distinctInts: range too small');
    const seen = new Set<number>();
    const out: number[] = [];
    while (out.length < count) {
      const v = this.int(lo, hi);
      if (!seen.has(v)) {
        seen.add(v);
        out.push(v);
      }
    }
    return out;
  }
}
