/**
 * Record a release in the publisher's history, `data/<editeur>/publications.json`, which
 * buildRelease compares the next release with to write CHANGELOG.md.
 *
 *   tsx scripts/archive-release.ts <editeur> [--depuis dist] [--donnees data] [--remplacer]
 *     appends the release just built: `<depuis>/donnees/<editeur>/publication.json`.
 *
 *   tsx scripts/archive-release.ts <editeur> --jusqua 2017-12-31 --version 2018.1 --date 2018-06-29 [--notes "…"]
 *     reconstitutes an earlier release honestly: validates data/<editeur>, keeps the contracts
 *     notified and the hours carried out up to --jusqua, computes that release with the same code
 *     and appends its entry.
 *
 * A version already recorded is refused unless --remplacer is given.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { publicationOf } from '../src/lib/pipeline.ts';
import { restrictDataset } from '../src/lib/release/restrict.ts';
import { PublicationSchema, PublicationsSchema, type Publication } from '../src/lib/release/publications.ts';
import { validateDataset } from '../src/lib/validate/index.ts';
import { PUBLISHER_ID } from '../src/schemas/publisher-id.ts';
import { readPublisherFolder } from './lib/fs-input.ts';
import { loadSolver } from './lib/solver.ts';

const HISTORY_FILE = 'publications.json';

export function appendPublication(history: readonly Publication[], entry: Publication, replace = false): Publication[] {
  const existing = history.findIndex((p) => p.version === entry.version);
  if (existing >= 0 && !replace) {
    throw new Error(`La version ${entry.version} est déjà enregistrée (--remplacer pour la remplacer).`);
  }
  const next = existing >= 0 ? history.map((p, i) => (i === existing ? entry : p)) : [...history, entry];
  return next.sort((a, b) =>
    a.date_publication < b.date_publication ? -1 : a.date_publication > b.date_publication ? 1 : 0,
  );
}

/** The entry of an earlier release, recomputed from today's data restricted to `fin`. */
async function reconstitute(
  donnees: string,
  editeur: string,
  fin: string,
  meta: { version: string; date_publication: string },
  notes?: string,
): Promise<Publication> {
  const input = await readPublisherFolder(join(donnees, editeur), donnees);
  delete input.files[HISTORY_FILE];
  const { ok, dataset } = await validateDataset(input);
  if (!ok || !dataset) throw new Error(`Les données de ${editeur} ne sont pas valides : npm run validate.`);
  return publicationOf(restrictDataset(dataset, fin, meta), { highs: await loadSolver(), notes });
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      depuis: { type: 'string', default: 'dist' },
      donnees: { type: 'string', default: 'data' },
      remplacer: { type: 'boolean', default: false },
      jusqua: { type: 'string' },
      version: { type: 'string' },
      date: { type: 'string' },
      notes: { type: 'string' },
    },
  });
  const editeur = positionals[0];
  if (!editeur || !PUBLISHER_ID.test(editeur)) {
    console.error('Usage: tsx scripts/archive-release.ts <editeur> [--depuis dist] [--donnees data] [--remplacer]');
    console.error(
      '       tsx scripts/archive-release.ts <editeur> --jusqua AAAA-MM-JJ --version V --date AAAA-MM-JJ [--notes "…"]',
    );
    return 2;
  }
  const target = join(values.donnees, editeur, HISTORY_FILE);
  let entry: Publication;
  if (values.jusqua) {
    if (!values.version || !values.date) {
      console.error('--jusqua demande --version et --date.');
      return 2;
    }
    entry = await reconstitute(
      values.donnees,
      editeur,
      values.jusqua,
      { version: values.version, date_publication: values.date },
      values.notes,
    );
  } else {
    const source = join(values.depuis, 'donnees', editeur, 'publication.json');
    if (!existsSync(source)) {
      console.error(`${source} introuvable : construisez la publication d'abord (npm run build).`);
      return 1;
    }
    entry = PublicationSchema.parse(JSON.parse(readFileSync(source, 'utf8')));
    if (values.notes) entry = { ...entry, notes: values.notes };
  }
  const history = existsSync(target) ? PublicationsSchema.parse(JSON.parse(readFileSync(target, 'utf8'))) : [];
  const next = appendPublication(history, entry, values.remplacer);
  writeFileSync(target, `${JSON.stringify(next, null, 2)}\n`);
  console.log(
    `${target} : version ${entry.version} du ${entry.date_publication} enregistrée (${next.length} au total).`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  main().then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
}
