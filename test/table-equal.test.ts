import { table } from 'arquero';
import { describe, expect, it } from 'vitest';
import { expectTableEqual } from './table-equal.ts';

describe('expectTableEqual', () => {
  const t = table({ annee: [2017, 2018], heures: [10.5, 20] });

  it('accepts the same columns and values, whatever holds them (typed array, filtered view)', () => {
    expectTableEqual(t, { annee: [2017, 2018], heures: [10.5, 20] });
    expectTableEqual(table({ annee: Int32Array.of(2017, 2018), heures: Float64Array.of(10.5, 20) }), t);
    expectTableEqual(
      table({ annee: [2016, 2017, 2018], heures: [1, 10.5, 20] }).filter((d: { annee: number }) => d.annee > 2016),
      t,
    );
  });

  it('refuses another column order, another value, a string for a number, a missing row', () => {
    expect(() => expectTableEqual(t, { heures: [10.5, 20], annee: [2017, 2018] })).toThrow();
    expect(() => expectTableEqual(t, { annee: [2017, 2018], heures: [10.5, 21] })).toThrow();
    expect(() => expectTableEqual(t, { annee: ['2017', '2018'], heures: [10.5, 20] })).toThrow();
    expect(() => expectTableEqual(t, { annee: [2017], heures: [10.5] })).toThrow();
  });
});
