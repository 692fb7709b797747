import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/csv/index.ts';

// Found by fuzzing: each header column used to get its own 4,096-slot cell cache, so a 10 KB
// line of `;` allocated gigabytes. Only the first columns are cached now.
describe('a very wide header', () => {
  it('parses 20,000 columns reporting the empty header names instead of running out of memory', () => {
    // Unnamed trailing columns are Excel's `;;;`, an issue only when a row uses them: this one does.
    const parsed = parseCsv(`h${';'.repeat(19_999)}\n${'x;'.repeat(19_999)}x\n`);
    expect(parsed.header).toHaveLength(20_000);
    expect(parsed.rowCount).toBe(1);
    expect(parsed.columns[19_999]).toEqual(['x']);
    expect(parsed.issues.some((i) => i.rule === 'csv.entete_vide')).toBe(true);
  });
});
