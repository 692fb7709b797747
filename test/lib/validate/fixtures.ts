/**
 * Loads the fixture folders of test/fixtures: `valide/` and the rule fixtures of `regles/<rule>/`,
 * which hold only the files that differ from `valide/` (and an optional `omettre.txt` listing files
 * of `valide/` to leave out).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnResult } from '../../../src/lib/columns/index.ts';
import { InternTable } from '../../../src/lib/csv/intern.ts';
import { ColumnBuilder, type ColumnContext } from '../../../src/lib/validate/column.ts';
import { validateDataset, type ValidateResult } from '../../../src/lib/validate/index.ts';
import type { FieldDef } from '../../../src/schemas/field.ts';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
export const VALID = join(FIXTURES, 'valide');
export const RULE_FIXTURES = join(FIXTURES, 'regles');

export interface FolderInput {
  meta: string | undefined;
  files: Record<string, Uint8Array>;
}

function readFolder(dir: string): Record<string, Uint8Array> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]));
}

/** `valide/`, overridden by the files of `regles/<rule>/` when a rule is given. */
export function fixtureInput(rule?: string): FolderInput {
  const all = readFolder(VALID);
  if (rule !== undefined) {
    const overrides = readFolder(join(RULE_FIXTURES, rule));
    const omit = overrides['omettre.txt'];
    delete overrides['omettre.txt'];
    Object.assign(all, overrides);
    if (omit) for (const f of new TextDecoder().decode(omit).split('\n').filter(Boolean)) delete all[f];
  }
  const metaBytes = all['metadonnees.json'];
  delete all['metadonnees.json'];
  return { meta: metaBytes && new TextDecoder().decode(metaBytes), files: all };
}

/** The day the fixtures are checked on (a publication date after it is in the future). */
export const TODAY = '2025-01-01';

/** Validates `valide/` or one rule fixture, as publisher `valide`. */
export function validateFixture(rule?: string): Promise<ValidateResult> {
  return validateDataset({ publisher: 'valide', today: TODAY, ...fixtureInput(rule) });
}

/** Names of the rule fixtures. */
export function ruleFixtures(): string[] {
  return readdirSync(RULE_FIXTURES).sort();
}

/** Validates a whole column at once (see {@link ColumnBuilder}). */
export function validateColumn(name: string, field: FieldDef | undefined, cells: readonly string[], ctx: ColumnContext & { rowLines: Uint32Array }): ColumnResult {
  const builder = new ColumnBuilder(name, field, ctx);
  // As the parser hands cells over: interned (trimmed, one id per distinct value).
  const table = new InternTable();
  builder.pushIds(
    Uint32Array.from(cells, (cell) => table.idOfString(cell)),
    table,
    ctx.rowLines,
  );
  return builder.finish();
}
