import fc from 'fast-check';
import { describe, it } from 'vitest';
import { arbitraryDataset } from './arbitraries.ts';
import { checkDataset } from './check.ts';

describe('disclosure control of every published table (property-based)', () => {
  it('no small cell is published, none can be recovered from totals or margins', () => {
    fc.assert(
      fc.property(arbitraryDataset(), (ds) => {
        checkDataset(ds);
      }),
      { numRuns: 25, seed: 20190630, endOnFailure: true },
    );
  }, 120_000);

  it('the same holds with more persons per cell (fewer suppressions, more complements)', () => {
    fc.assert(
      fc.property(arbitraryDataset({ maxPersons: 200, maxRows: 600 }), (ds) => {
        checkDataset(ds);
      }),
      { numRuns: 10, seed: 42, endOnFailure: true },
    );
  }, 120_000);
});
