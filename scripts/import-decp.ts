/**
 * Imports a buyer's contracts with a social consideration from its national procurement data
 * (DECP JSON) into `data/<editeur>/marches.csv`.
 *
 *   npm run import:decp -- <fichier.json> [--editeur pays-de-la-loire] [--data data]
 *                          [--sel SECRET | env DECP_SEL] [--dry-run] [--json] [--toute-periode]
 *
 * Reads the buyer SIRET (and départements, period) from `data/<editeur>/metadonnees.json`, writes or
 * merges `marches.csv` atomically (temporary file, then rename), prints the report in French then
 * English (or the full report as JSON with --json). The salt of the contractor pseudonyms is never
 * written anywhere. Exit code 0 when the import ran (skipped records are normal), 1 when nothing
 * could be written (unreadable file or metadata, missing salt, existing file that cannot be
 * merged), 2 on a usage error. See docs/import-decp.md.
 */
import { lstat, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeBytes, parseCsv } from '../src/lib/csv/index.ts';
import { DecpError, MARCHES_FILE, formatImportReport, importDecp, mergeMarches, type ImportReport } from '../src/lib/decp/index.ts';
import { METADATA_FILE } from '../src/schemas/index.ts';
import { PUBLISHER_NAME } from './lib/fs-input.ts';
import type { Bilingual } from '../src/lib/lang.ts';

const USAGE: Bilingual = {
  fr: 'Usage : npm run import:decp -- <fichier.json> [--editeur pays-de-la-loire] [--data data] [--sel SECRET] [--dry-run] [--json] [--toute-periode]',
  en: 'Usage: npm run import:decp -- <file.json> [--editeur pays-de-la-loire] [--data data] [--sel SECRET] [--dry-run] [--json] [--toute-periode]',
};

/** An error that ends the run with a sentence in both languages. */
class Stop extends Error {
  constructor(
    readonly text: Bilingual,
    readonly code: 1 | 2,
  ) {
    super(text.en);
  }
}

const detail = (e: unknown) => (e instanceof Error ? e.message : String(e));

function args() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        editeur: { type: 'string', default: 'pays-de-la-loire' },
        data: { type: 'string', default: 'data' },
        sel: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'toute-periode': { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new Error(positionals.length ? 'one file only' : 'no file');
    if (!PUBLISHER_NAME.test(values.editeur)) throw new Error(`--editeur ${values.editeur}`);
    return { file: positionals[0]!, ...values };
  } catch (e) {
    throw new Stop({ fr: `${USAGE.fr}\n(${detail(e)})`, en: `${USAGE.en}\n(${detail(e)})` }, 2);
  }
}

/** Bytes of a regular file, `undefined` when absent; a symbolic link is refused. */
async function readOptional(path: string): Promise<Uint8Array | undefined> {
  const stat = await lstat(path).catch(() => undefined);
  if (!stat) return undefined;
  if (!stat.isFile()) {
    throw new Stop({ fr: `${path} n'est pas un fichier ordinaire (lien symbolique ?) : refusé.`, en: `${path} is not a regular file (symbolic link?): refused.` }, 1);
  }
  return new Uint8Array(await readFile(path));
}

async function readJson(path: string, what: Bilingual): Promise<unknown> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readOptional(path);
  } catch (e) {
    if (e instanceof Stop) throw e;
    throw new Stop({ fr: `${what.fr} illisible : ${path} (${detail(e)})`, en: `Unreadable ${what.en}: ${path} (${detail(e)})` }, 1);
  }
  if (!bytes) throw new Stop({ fr: `${what.fr} introuvable : ${path}`, en: `${what.en} not found: ${path}` }, 1);
  try {
    return JSON.parse(decodeBytes(bytes).text);
  } catch (e) {
    throw new Stop({ fr: `${what.fr} illisible : ${path} n'est pas un JSON valide (${detail(e)})`, en: `Unreadable ${what.en}: ${path} is not valid JSON (${detail(e)})` }, 1);
  }
}

/** What the import needs from the metadata; only the SIRET is required. */
function metaOf(meta: unknown, path: string) {
  const m = (typeof meta === 'object' && meta !== null ? meta : {}) as Record<string, unknown>;
  const siret = m.siret_acheteur;
  if (typeof siret !== 'string' || !/^\d{14}$/.test(siret)) {
    throw new Stop({ fr: `${path} : siret_acheteur absent ou invalide (14 chiffres).`, en: `${path}: siret_acheteur missing or invalid (14 digits).` }, 1);
  }
  const deps = Array.isArray(m.departements) && m.departements.every((d) => typeof d === 'string') ? m.departements : undefined;
  const p = m.periode as { debut?: unknown; fin?: unknown } | undefined;
  const iso = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  const periode = p && iso(p.debut) && iso(p.fin) ? { debut: p.debut, fin: p.fin } : undefined;
  return { siret, departements: deps, periode };
}

/** `id_entreprise` values of entreprises.csv, upper-cased; `undefined` when the file is absent. */
function companiesOf(bytes: Uint8Array | undefined): Set<string> | undefined {
  if (!bytes) return undefined;
  const csv = parseCsv(decodeBytes(bytes).text);
  const i = csv.header.findIndex((h) => h.toLowerCase() === 'id_entreprise');
  return i < 0 ? undefined : new Set(csv.columns[i]!.map((c) => c.toUpperCase()));
}

/** Writes `text` to `path` through a temporary file in the same folder, then a rename. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

async function main(): Promise<number> {
  const a = args();
  const folder = join(a.data, a.editeur);
  const metaPath = join(folder, METADATA_FILE);
  const meta = metaOf(await readJson(metaPath, { fr: 'Métadonnées', en: 'metadata' }), metaPath);
  const decp = await readJson(a.file, { fr: 'Fichier DECP', en: 'DECP file' });

  const imported = await importDecp(decp, {
    siret: meta.siret,
    salt: a.sel ?? process.env.DECP_SEL,
    departements: meta.departements,
    periode: a['toute-periode'] ? undefined : meta.periode,
  });
  const target = join(folder, MARCHES_FILE);
  const merged = mergeMarches(imported.marches, {
    existing: await readOptional(target),
    knownCompanies: companiesOf(await readOptional(join(folder, 'entreprises.csv'))),
  });
  // Nothing added or updated: the file is left alone (its encoding and spelling included).
  const outcome = a['dry-run'] ? 'dry-run' : merged.added.length || merged.updated.length ? 'written' : 'unchanged';
  if (outcome === 'written') await writeAtomically(target, merged.text);

  const { text: _text, ...summary } = merged;
  const report: ImportReport = { editeur: a.editeur, siret: meta.siret, file: a.file, target, outcome, import: imported, merge: summary };
  if (a.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatImportReport(report, 'fr')}\n${formatImportReport(report, 'en')}`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof Stop || e instanceof DecpError) {
    process.stderr.write(`${e.text.fr}\n${e.text.en}\n`);
    process.exitCode = e instanceof Stop ? e.code : 1;
  } else {
    throw e;
  }
}
