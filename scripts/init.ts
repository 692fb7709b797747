/**
 * Starts a publisher's folder: `npm run init -- <id>` writes `data/<id>/` with the metadata to
 * complete, the Excel template of the six tables (drop-down code lists), CSV templates and a guide
 * (src/lib/template). Refuses an id that is not a valid folder name, that the kit reserves, or
 * that already exists: nothing is overwritten.
 *
 *   npm run init -- departement-ille-et-vilaine
 *   npm run init -- departement-ille-et-vilaine --data autre-dossier
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { publisherTemplate } from '../src/lib/template/index.ts';
import { inputMessage } from '../src/lib/validate/messages.ts';
import { PUBLISHER_ID } from '../src/schemas/publisher-id.ts';
import { NOT_PUBLISHERS, RESERVED_PUBLISHER_IDS } from './lib/fs-input.ts';
import { localToday } from './lib/today.ts';
import type { Bilingual } from '../src/lib/lang.ts';

/** Why `id` cannot start a folder under `root`, or `undefined`. */
export function refusal(id: string | undefined, root: string): Bilingual | undefined {
  if (id === undefined || id === '') return inputMessage('usage_init', {});
  if (!PUBLISHER_ID.test(id)) return inputMessage('nom_dossier', { name: id });
  if (RESERVED_PUBLISHER_IDS.has(id)) return inputMessage('nom_reserve', { name: id });
  if (NOT_PUBLISHERS.has(id)) return inputMessage('nom_references', { name: id });
  const path = join(root, id);
  if (existsSync(path)) return inputMessage('existe', { path });
  return undefined;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { data: { type: 'string', default: 'data' } } });
  const id = positionals[0];
  const refused = positionals.length > 1 ? inputMessage('usage_init', {}) : refusal(id, values.data);
  if (refused) {
    process.stderr.write(`${refused.fr}\n${refused.en}\n`);
    return 1;
  }
  const dir = join(values.data, id!);
  for (const [path, bytes] of publisherTemplate({ id: id!, today: localToday() })) {
    const file = join(dir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes, { flag: 'wx' });
  }
  process.stdout.write(
    [
      `Dossier créé / folder created: ${dir}/`,
      `  metadonnees.json        à compléter (les clés « // » expliquent chaque champ) / to complete`,
      `  donnees.xlsx            les six tables à remplir dans Excel / the six tables to fill in Excel`,
      `  modeles/                le guide (LISEZMOI.md) et les modèles CSV « ; » / the guide and « ; » CSV templates`,
      '',
      `Ensuite / next: npm run validate -- ${dir}`,
      '',
    ].join('\n'),
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
