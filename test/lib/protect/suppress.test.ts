import { describe, expect, it } from 'vitest';
import { cellKey, type Cell, type Group, type PersonSet } from '../../../src/lib/cells/index.ts';
import { isSensitive, suppress } from '../../../src/lib/protect/index.ts';

const rules = { k: 5, niveau: 0.1, entreprisesMin: 3, dominanceMax: 0.85 };

let next = 0;
/** A cell of `n` fresh persons (or the given ones) and `heures` hours spread over companies. */
function cell(
  name: string,
  n: number | readonly (string | number)[],
  heures = 10 * (typeof n === 'number' ? n : n.length),
  companies: Record<string, number> = {},
  regle: Cell['regle'] = 'personnes',
): Cell {
  const personnes = typeof n === 'number' ? Array.from({ length: n }, () => `p${next++}`) : n;
  return {
    key: name,
    dims: { x: name },
    personnes: new Set(personnes),
    heures,
    entreprises: Object.values(companies).filter((h) => h > 0).length,
    heuresParEntreprise: new Map(Object.entries(companies)),
    regle,
  };
}
const cells = (...cs: Cell[]) => new Map(cs.map((c) => [c.key, c]));
const sorted = (s: PersonSet) => [...s].map(String).sort();

describe('primary rule', () => {
  it('hides 1 to k−1 persons, publishes zero and k or more', () => {
    expect(isSensitive([cell('a', 0)], rules)).toBe(false);
    expect(isSensitive([cell('a', 1)], rules)).toBe(true);
    expect(isSensitive([cell('a', 4)], rules)).toBe(true);
    expect(isSensitive([cell('a', 5)], rules)).toBe(false);
  });

  it('counts distinct persons of a union, not the sum', () => {
    const shared = ['x1', 'x2', 'x3'];
    expect(isSensitive([cell('a', shared), cell('b', shared)], rules)).toBe(true);
    expect(isSensitive([cell('a', shared), cell('b', ['y1', 'y2'])], rules)).toBe(false);
  });

  it('company cells need 3 companies and none above 85 % of the hours', () => {
    expect(isSensitive([cell('a', 10, 100, { E1: 50, E2: 50 }, 'entreprises')], rules)).toBe(true);
    expect(isSensitive([cell('a', 10, 100, { E1: 90, E2: 5, E3: 5 }, 'entreprises')], rules)).toBe(true);
    expect(isSensitive([cell('a', 10, 100, { E1: 85, E2: 10, E3: 5 }, 'entreprises')], rules)).toBe(false);
    expect(isSensitive([cell('a', 10, 100, { E1: 50, E2: 50 }, 'personnes')], rules)).toBe(false);
  });

  it('counts a cell of k persons or more without listing them', () => {
    // protect() keeps only the count of such cells; iterating them throws.
    const counted = (name: string, size: number): Cell => ({
      ...cell(name, 0),
      personnes: {
        size,
        [Symbol.iterator]: () => {
          throw new Error('not listed');
        },
      },
    });
    expect(isSensitive([counted('a', 5)], rules)).toBe(false);
    expect(isSensitive([counted('a', 5), cell('b', 1)], rules)).toBe(false);
    expect(isSensitive([{ ...counted('a', 50), regle: 'entreprises', heuresParEntreprise: new Map([['E1', 100]]) }], rules)).toBe(true);
  });

  it('reads a margin with more contractors than a call takes arguments (×1000 sample)', () => {
    // 200,000 contractors: `Math.max(...hours)` threw « Maximum call stack size exceeded ».
    const many = new Map(Array.from({ length: 200_000 }, (_, i) => [`E${i}`, 1]));
    const margin = (heuresParEntreprise: Map<string, number>): Cell => ({ ...cell('a', 10), heuresParEntreprise, regle: 'entreprises' });
    expect(isSensitive([margin(many)], rules)).toBe(false);
    expect(isSensitive([margin(new Map([...many, ['E0', 2_000_000]]))], rules)).toBe(true);
  });
});

describe('secondary suppression', () => {
  it('hides the smallest complementary cell of a group with one hidden cell', () => {
    const cs = cells(cell('T', 20), cell('A', 3), cell('B', 7), cell('C', 10));
    const groups: Group[] = [{ total: 'T', membres: ['A', 'B', 'C'] }];
    const { primary, hidden } = suppress(cs, groups, rules);
    expect(sorted(primary)).toEqual(['A']);
    expect(sorted(hidden)).toEqual(['A', 'B']);
  });

  it('breaks ties by hours then key, deterministically', () => {
    const cs = cells(cell('T', 20), cell('A', 3), cell('C', 7, 50), cell('B', 7, 50), cell('D', 7, 40));
    const { hidden } = suppress(cs, [{ total: 'T', membres: ['A', 'B', 'C', 'D'] }], rules);
    expect(sorted(hidden)).toEqual(['A', 'D']);
    const cs2 = cells(cell('T', 20), cell('A', 3), cell('C', 7, 50), cell('B', 7, 50));
    expect(sorted(suppress(cs2, [{ total: 'T', membres: ['A', 'B', 'C'] }], rules).hidden)).toEqual(['A', 'B']);
  });

  it('two hidden cells whose union is still under k need a third', () => {
    const cs = cells(cell('T', 30), cell('A', 2), cell('B', 2), cell('C', 26));
    expect(sorted(suppress(cs, [{ total: 'T', membres: ['A', 'B', 'C'] }], rules).hidden)).toEqual(['A', 'B', 'C']);
  });

  it('never hides a zero cell; hides the total when no complement is left', () => {
    const cs = cells(cell('U', 40), cell('T', 3), cell('A', 3), cell('Z', 0), cell('V', 37));
    const groups: Group[] = [
      { total: 'T', membres: ['A', 'Z'] },
      { total: 'U', membres: ['T', 'V'] },
    ];
    const { hidden } = suppress(cs, groups, rules);
    expect(hidden.has('Z')).toBe(false);
    // T is primary (3 persons); in U = T + V, V must go too.
    expect(sorted(hidden)).toEqual(['A', 'T', 'V']);
  });

  it('a hidden total whose members are all published loses its smallest member', () => {
    // T is hidden as the complement of U in X = T + U; T = A + B would give it back.
    const cs = cells(cell('X', 18), cell('T', 16), cell('U', 2), cell('A', 6), cell('B', 10));
    const groups: Group[] = [
      { total: 'X', membres: ['T', 'U'] },
      { total: 'T', membres: ['A', 'B'] },
    ];
    const { hidden } = suppress(cs, groups, rules);
    expect(sorted(hidden)).toEqual(['A', 'T', 'U']);
  });

  it('propagates across groups sharing a cell until every group is safe', () => {
    // 2 × 2 table with margins: hiding a1 forces a2 (row) and b1 (column), then b2 (both).
    const a1 = cell('a1', 2);
    const a2 = cell('a2', 8);
    const b1 = cell('b1', 9);
    const b2 = cell('b2', 12);
    const all = [...a1.personnes, ...a2.personnes, ...b1.personnes, ...b2.personnes];
    const ra = cell('ra', [...a1.personnes, ...a2.personnes]);
    const rb = cell('rb', [...b1.personnes, ...b2.personnes]);
    const c1 = cell('c1', [...a1.personnes, ...b1.personnes]);
    const c2 = cell('c2', [...a2.personnes, ...b2.personnes]);
    const t = cell('t', all);
    const groups: Group[] = [
      { total: 'ra', membres: ['a1', 'a2'] },
      { total: 'rb', membres: ['b1', 'b2'] },
      { total: 'c1', membres: ['a1', 'b1'] },
      { total: 'c2', membres: ['a2', 'b2'] },
      { total: 't', membres: ['ra', 'rb'] },
      { total: 't', membres: ['c1', 'c2'] },
    ];
    const { hidden } = suppress(cells(a1, a2, b1, b2, ra, rb, c1, c2, t), groups, rules);
    expect(sorted(hidden)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('prefers a complement that does not force another published total to be hidden', () => {
    // Column C = c1 + c2 + c3 with c1 primary. c2 is the only non-zero cell of row R2 (R2 = c2 + z):
    // hiding c2 would make R2 equal to a hidden cell, so c3 is chosen although it is larger.
    const c1 = cell('c1', 2);
    const c2 = cell('c2', 6);
    const c3 = cell('c3', 9);
    const z = cell('z', 0);
    const C = cell('C', [...c1.personnes, ...c2.personnes, ...c3.personnes]);
    const R2 = cell('R2', [...c2.personnes]);
    const groups: Group[] = [
      { total: 'C', membres: ['c1', 'c2', 'c3'] },
      { total: 'R2', membres: ['c2', 'z'] },
    ];
    const { hidden } = suppress(cells(c1, c2, c3, z, C, R2), groups, rules);
    expect(sorted(hidden)).toEqual(['c1', 'c3']);
  });

  it('keys are canonical: dimension order does not matter', () => {
    expect(cellKey({ annee: '2018', segment: 'TRAVAUX' })).toBe(cellKey({ segment: 'TRAVAUX', annee: '2018' }));
    expect(cellKey({ qpv: true })).not.toBe(cellKey({ qpv: 'true' }));
  });
});
