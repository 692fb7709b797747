/**
 * Record a release in the publisher's history, `data/<editeur>/publications.json`, which
 * buildRelease compares the next release with to write CHANGELOG.md, and keep its published files
 * in `data/<editeur>/versions/<version>/`, which every later build publishes at the release's stable
 * address `donnees/<editeur>/<version>/` (src/lib/release/versions.ts).
 *
 *   tsx scripts/archive-release.ts <editeur> [--depuis dist] [--donnees data] [--remplacer]
 *     keeps the release just built: `<depuis>/donnees/<editeur>/publication.json` is appended to
 *     the history and the release's files (the top of `<depuis>/donnees/<editeur>/`: tables,
 *     data package, documents, workbook, archive) are copied to `versions/<version>/`.
 *
 *   tsx scripts/archive-release.ts <editeur> --jusqua 2017-12-31 --version 2018.1 --date 2018-06-29 [--notes "…"]
 *     reconstitutes an earlier release honestly: validates data/<editeur>, keeps the contracts
 *     notified and the hours carried out up to --jusqua, computes that release with the same code,
 *     appends its entry and writes its files to `versions/<version>/`.
 *
 * Only published files are kept (never a participant-level file: the build checks it again). A
 * version already recorded or kept is refused unless --remplacer is given.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRelease } from '../src/lib/release/build.ts';
import { VERSIONS_DIR, latestDir } from '../src/lib/release/versions.ts';
import { DEFAULT_BASE_URL } from '../src/lib/standard/version.ts';
import { parseArgs } from 'node:util';
import { releaseOf } from '../src/lib/pipeline.ts';
import { restrictDataset } from '../src/lib/release/restrict.ts';
import { PublicationSchema, PublicationsSchema, type Publication } from '../src/schemas/release.ts';
import { validateDataset } from '../src/lib/validate/index.ts';
import { PUBLISHER_ID } from '../src/schemas/publisher-id.ts';
import { readPublisherFolder } from './lib/fs-input.ts';
import { loadSolver } from './lib/solver.ts';
import { siteUrl } from './lib/site-url.ts';
import { listKeptVersions, PARTICIPANT_LEVEL_FILES } from './lib/versions.ts';

const HISTORY_FILE = 'publications.json';

export function appendPublication(history: readonly Publication[], entry: Publication, replace = false): Publication[] {
  const existing = history.findIndex((p) => p.version === entry.version);
  if (existing >= 0 && !replace) {
    throw new Error(`La version ${entry.version} est déjà enregistrée (--remplacer pour la remplacer).`);
  }
  const next = existing >= 0 ? history.map((p, i) => (i === existing ? entry : p)) : [...history, entry];
  return next.sort((a, b) => (a.date_publication < b.date_publication ? -1 : a.date_publication > b.date_publication ? 1 : 0));
}

/**
 * An earlier release recomputed from today's data restricted to `fin`: its entry and its files
 * (name → bytes), its data package listing the releases kept before it.
 */
async function reconstitute(
  donnees: string,
  editeur: string,
  fin: string,
  meta: { version: string; date_publication: string },
  notes?: string,
): Promise<{ entry: Publication; files: Map<string, Uint8Array> }> {
  const input = await readPublisherFolder(join(donnees, editeur), donnees);
  delete input.files[HISTORY_FILE];
  const { ok, dataset } = await validateDataset(input);
  if (!ok || !dataset) throw new Error(`Les données de ${editeur} ne sont pas valides : npm run validate.`);
  const restricted = restrictDataset(dataset, fin, meta);
  const kept = (await listKeptVersions(join(donnees, editeur), donnees)).filter((v) => v.date_publication < meta.date_publication);
  const release = buildRelease(releaseOf(restricted, { highs: await loadSolver(), notes, versions: { siteUrl: siteUrl() ?? DEFAULT_BASE_URL, kept } }));
  const prefix = `${latestDir(editeur)}/`;
  const files = new Map([...release].map(([path, bytes]) => [path.slice(prefix.length), bytes]));
  const entry = PublicationSchema.parse(JSON.parse(new TextDecoder().decode(files.get('publication.json'))));
  return { entry, files };
}

/** Writes a release's files to `data/<editeur>/versions/<version>/` (refused if kept, unless `replace`). */
export function keepFiles(target: string, files: ReadonlyMap<string, Uint8Array>, replace = false): void {
  if (existsSync(target)) {
    if (!replace) throw new Error(`${target} existe déjà (--remplacer pour le remplacer). / ${target} already exists (--remplacer to replace it).`);
    rmSync(target, { recursive: true });
  }
  for (const name of files.keys()) {
    if (name.includes('/') || PARTICIPANT_LEVEL_FILES.has(name)) throw new Error(`Fichier refusé / file refused: ${name}`);
  }
  mkdirSync(target, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(target, name), bytes, { flag: 'wx' });
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
    console.error('       tsx scripts/archive-release.ts <editeur> --jusqua AAAA-MM-JJ --version V --date AAAA-MM-JJ [--notes "…"]');
    return 2;
  }
  const target = join(values.donnees, editeur, HISTORY_FILE);
  let entry: Publication;
  let files: Map<string, Uint8Array>;
  if (values.jusqua) {
    if (!values.version || !values.date) {
      console.error('--jusqua demande --version et --date.');
      return 2;
    }
    ({ entry, files } = await reconstitute(values.donnees, editeur, values.jusqua, { version: values.version, date_publication: values.date }, values.notes));
  } else {
    const dir = join(values.depuis, latestDir(editeur));
    const source = join(dir, 'publication.json');
    if (!existsSync(source)) {
      console.error(`${source} introuvable : construisez la publication d'abord (npm run build).`);
      return 1;
    }
    entry = PublicationSchema.parse(JSON.parse(readFileSync(source, 'utf8')));
    if (values.notes) entry = { ...entry, notes: values.notes };
    // The release's own files: the top of its folder, not the version folders beside them.
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
    files = new Map(names.map((name) => [name, readFileSync(join(dir, name))]));
  }
  const history = existsSync(target) ? PublicationsSchema.parse(JSON.parse(readFileSync(target, 'utf8'))) : [];
  const next = appendPublication(history, entry, values.remplacer);
  const kept = join(values.donnees, editeur, VERSIONS_DIR, entry.version);
  keepFiles(kept, files, values.remplacer);
  writeFileSync(target, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`${target} : version ${entry.version} du ${entry.date_publication} enregistrée (${next.length} au total) ; fichiers dans ${kept}/ (${files.size}).`);
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
