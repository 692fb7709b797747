/**
 * Comparison: validated publishers side by side, and other territories' published results kept
 * apart with their flags and sources. See docs/comparaison.md.
 *
 *   donnees/comparaison/comparaison-editeurs.{csv,json}
 *   donnees/comparaison/resultats-publies-autres-territoires.{csv,json}   (when the file is given)
 */
import type { Protection } from '../disclosure/index.ts';
import { utf8 } from '../release/bytes.ts';
import { COMPARISON_ID, compareTable } from './table.ts';
import { REFERENCES_ID, referencesTable } from './references.ts';
import { COMPARISON_DIR } from './codes.ts';

export * from './codes.ts';
export * from './measures.ts';
export * from './table.ts';
export * from './references.ts';
export * from './charts.ts';


const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);

/**
 * The published files of the comparison. `references` is the content of
 * `data/references/resultats-publies-autres-territoires.csv` (bytes or text); without it only the
 * publishers' comparison is written.
 */
export function buildComparison(protections: readonly Protection[], references?: Uint8Array | string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const table = compareTable(protections);
  files.set(`${COMPARISON_DIR}/${COMPARISON_ID}.csv`, utf8(table.csv));
  files.set(`${COMPARISON_DIR}/${COMPARISON_ID}.json`, json(table.json));
  if (references !== undefined) {
    const refs = referencesTable(references);
    files.set(`${COMPARISON_DIR}/${REFERENCES_ID}.csv`, utf8(refs.csv));
    files.set(`${COMPARISON_DIR}/${REFERENCES_ID}.json`, json(refs.json));
  }
  return files;
}
