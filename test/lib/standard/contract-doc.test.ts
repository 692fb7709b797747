/**
 * The data contract of the repository (docs/contrat-de-donnees.md, docs/data-contract.md) and the
 * example folder of docs/exemples/ are what `npm run docs` generates from the schemas: a change of
 * a schema without `npm run docs` fails here. The example folder is valid as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_DOCS, contractDoc, EXAMPLE_DIR, exampleFiles } from '../../../src/lib/standard/contract-doc.ts';
import { validateDataset } from '../../../src/lib/validate/index.ts';
import { RULE_IDS } from '../../../src/lib/validate/messages.ts';
import { METADATA_FILE, TABLES } from '../../../src/schemas/index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the data contract documents', () => {
  it.each(['fr', 'en'] as const)('%s is what npm run docs writes', (lang) => {
    expect(read(CONTRACT_DOCS[lang])).toBe(contractDoc(lang));
  });

  it('name every table, every column and every rule, in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      const doc = contractDoc(lang);
      for (const t of TABLES) {
        expect(doc).toContain(`### \`${t.file}\``);
        for (const column of Object.keys(t.fields)) expect(doc).toContain(`| \`${column}\` |`);
      }
      for (const rule of RULE_IDS) expect(doc, rule).toContain(`\`${rule}\``);
    }
  });
});

describe('the example folder', () => {
  it('is what npm run docs writes: `;` CSV with a BOM, written as people type', () => {
    for (const [file, text] of exampleFiles()) expect(read(`${EXAMPLE_DIR}/${file}`), file).toBe(text);
    expect(read(`${EXAMPLE_DIR}/marches.csv`)).toMatch(/^\uFEFFid_marche;id_acheteur;/);
    expect(read(`${EXAMPLE_DIR}/marches.csv`)).toContain(';14/03/2018;');
  });

  it('passes validation', async () => {
    const files = Object.fromEntries(TABLES.map((t) => [t.file, new Uint8Array(readFileSync(join(ROOT, EXAMPLE_DIR, t.file)))]));
    const meta = read(`${EXAMPLE_DIR}/${METADATA_FILE}`);
    const { ok, report } = await validateDataset({ publisher: (JSON.parse(meta) as { id: string }).id, meta, files, today: '2025-01-01' });
    expect(report.issues).toEqual([]);
    expect(ok).toBe(true);
  });
});
