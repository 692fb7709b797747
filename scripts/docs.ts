/**
 * npm run docs — writes the documents generated from the schemas: the data contract in French
 * (docs/contrat-de-donnees.md) and English (docs/data-contract.md), and the example publisher
 * folder of docs/exemples/ (src/lib/standard/contract-doc.ts). test/lib/standard/contract-doc.test.ts
 * fails while the committed files differ from what this writes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTRACT_DOCS, contractDoc, EXAMPLE_DIR, exampleFiles } from '../src/lib/standard/contract-doc.ts';

const ROOT = join(import.meta.dirname, '..');
for (const lang of ['fr', 'en'] as const) await writeFile(join(ROOT, CONTRACT_DOCS[lang]), contractDoc(lang));
await mkdir(join(ROOT, EXAMPLE_DIR), { recursive: true });
for (const [file, text] of exampleFiles()) await writeFile(join(ROOT, EXAMPLE_DIR, file), text);
process.stdout.write(`${CONTRACT_DOCS.fr}, ${CONTRACT_DOCS.en}, ${EXAMPLE_DIR}/ écrits / written\n`);
