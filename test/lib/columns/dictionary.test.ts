import { op, table } from 'arquero';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { DictionaryColumn } from '../../../src/lib/columns/index.ts';

describe('DictionaryColumn', () => {
  const values = [null, 'CDDI', 'CDI', 'CTTI', 7, Object.freeze(['A', 'B'])];

  it('groups like arquero groups the same values as a plain array (property)', () => {
    const hook = vi.spyOn(DictionaryColumn.prototype, 'groups');
    fc.assert(
      fc.property(fc.array(fc.nat({ max: values.length - 1 }), { maxLength: 80 }), fc.array(fc.integer({ min: -5, max: 50 }), { minLength: 80, maxLength: 80 }), (ids, hours) => {
        const x = hours.slice(0, ids.length);
        const column = new DictionaryColumn(Uint8Array.from(ids), values);
        const ours = table({ c: column, x })
          .groupby('c')
          .rollup({ n: op.count(), s: op.sum('x'), first: op.min('x') });
        const plain = table({ c: column.toArray(), x })
          .groupby('c')
          .rollup({ n: op.count(), s: op.sum('x'), first: op.min('x') });
        expect(ours.objects()).toEqual(plain.objects());
        // Group order, filters and derived columns downstream see the same table.
        expect(ours.filter((d) => d.n > 1).objects()).toEqual(plain.filter((d) => d.n > 1).objects());
      }),
    );
    expect(hook).toHaveBeenCalled(); // arquero took the hook
    hook.mockRestore();
  });
});
