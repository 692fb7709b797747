/**
 * The whole data pipeline in one place, in the order data flows:
 *
 *   1. validate   files of data/<editeur>/ ─▶ Dataset (or a report of errors: nothing published)
 *   2. cells      every figure the release publishes, computed once from the rows it covers
 *   3. protect    which cells are hidden: too small ones, and those that would reveal them
 *   4. audit      an outsider reading every published figure at once cannot pin a hidden one
 *                 (or the release is refused: nothing published)
 *   5. tables     the published tables, read from the protected cells
 *   6. release    CSV, JSON, Parquet, XLSX, datapackage, protection log, zip; the standard; the comparison
 *
 * Pure: bytes in, bytes out, no disk and no clock (src/lib rule). `scripts/build.ts` reads the
 * folders, loads the LP solver and writes the result; the site then reads only the published files.
 */
import type { Dataset } from './dataset.ts';
// 1. validate
import { validateDataset, type ValidateInput, type ValidationReport } from './validate/index.ts';
// 2. cells
import { computeCells } from './cells/index.ts';
// 3. protect
import { protect, ProtectionError, rulesFor, type Protection } from './protect/index.ts';
// 4. audit
import { auditRelease, EarlierReleaseError, earlierView, finestCells, type AuditReport, type EarlierRelease, type Highs } from './audit/index.ts';
// 5. tables
import { TABLES } from './tables/index.ts';
// 6. release, then the data standard and the comparison
import { buildRelease, releaseFiles, type ComputedTable, type ReleaseInput } from './release/build.ts';
import { bytesOf, piecesOf, type FileBody, type Sink } from './release/body.ts';
import { utf8 } from './release/bytes.ts';
import type { ReleaseVersion, ReleaseVersions } from './release/versions.ts';
import { PublicationSchema, type Publication } from '../schemas/release.ts';
import { buildStandard } from './standard/build.ts';
import { DEFAULT_BASE_URL } from './standard/version.ts';
import { buildDictionary, dictionaryCsv } from '../schemas/dictionary.ts';
import { buildComparison, LocalReleases, type PeerOutcome } from './compare/index.ts';
import type { PairsSite } from '../schemas/pairs.ts';

export interface PublisherInput {
  /** The publisher's folder, as read by scripts/lib/fs-input.ts. */
  input: ValidateInput;
  /** Earlier releases (`data/<editeur>/publications.json`), for the changelog. */
  previous?: readonly Publication[];
  /** Earlier releases still published (`data/<editeur>/versions/`), audited with this one. */
  earlier?: readonly EarlierRelease[];
  /** Earlier releases still published (`data/<editeur>/versions/`), listed in datapackage.json. */
  kept?: readonly ReleaseVersion[];
}

export interface PipelineOptions {
  /** The LP solver of the audit (HiGHS), loaded by the caller (scripts/lib/solver.ts). */
  highs: Highs;
  /**
   * Other territories' published headline results (`data/references/…csv`), shown apart from
   * validated datasets on the comparison page.
   */
  references?: Uint8Array;
  /**
   * Peers' releases, fetched and checked by scripts/lib/peers.ts, compared with this site's
   * publishers (each read back from its own release, the same way); with the ones not included.
   */
  peers?: readonly PeerOutcome[];
  /** A site that only compares: its name (`data/pairs.json`). */
  comparisonSite?: PairsSite;
  /**
   * The id of the publisher the site's pages show (scripts/build.ts chooses it); default the first.
   * Its name signs the copy of the data standard the site publishes.
   */
  mainPublisher?: string;
  /**
   * Absolute address the site is served from (`SITE` + `BASE`, ending with `/`): the published
   * standard's schemas point their `homepage`, `path` and resources there.
   */
  siteUrl?: string;
  /**
   * Where each published file goes as it is made (see `Sink`): `scripts/build.ts` writes them to
   * disk piece by piece, so no large file is held whole. Then `files` is empty.
   */
  sink?: Sink;
}

export interface PipelineResult {
  /** False when any publisher's data has an error or fails the audit: then nothing is published. */
  ok: boolean;
  reports: ValidationReport[];
  /** Why a valid dataset was not published (its audit failed), in French and English, by publisher. */
  refused: { publisher: string; message: string; audit?: AuditReport }[];
  /**
   * Published files by path relative to the publication root (`donnees/…`, `validation/…`);
   * empty when they went to `options.sink`.
   */
  files: Map<string, Uint8Array>;
  /** How many files were published (held in `files` or given to the sink). */
  count: number;
}

const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);

/** The cubes every published table reads (disclosure control covers them all at once). */
export const CUBES = TABLES.flatMap((t) => t.cubes);

/** Steps 2 to 5 for one validated dataset: its cells, protected, audited, as tables. */
export function releaseOf(
  dataset: Dataset,
  options: {
    highs: Highs;
    previous?: readonly Publication[];
    notes?: string;
    versions?: ReleaseVersions;
    /** Earlier releases still published: audited together with this one. */
    earlier?: readonly EarlierRelease[];
  },
): ReleaseInput & { audit: AuditReport } {
  const rules = rulesFor(dataset.meta);
  const cells = computeCells(dataset, CUBES, { k: rules.k }); // 2
  const earlier = (options.earlier ?? []).map((r) => earlierView(cells, r, TABLES, rules));
  const finest = finestCells(cells, earlier); // the atoms: what the attacker's models are made of
  const protection: Protection = protect(cells, { highs: options.highs, earlier, finest }); // 3
  const audit = auditRelease(cells, protection, options.highs, { finest }); // 4
  const tables: ComputedTable[] = TABLES.map((t) => ({ t, rows: t.compute({ protection }) })); // 5
  return {
    dataset,
    tables,
    protection: { protection, audit, earlier: earlier.map((v) => v.version) },
    audit,
    ...(options.previous ? { previous: options.previous } : {}),
    ...(options.notes ? { notes: options.notes } : {}),
    ...(options.versions ? { versions: options.versions } : {}),
  };
}

/** The `publications.json` entry of the release of `dataset` (for `scripts/archive-release.ts`). */
export function publicationOf(dataset: Dataset, options: { highs: Highs; notes?: string }): Publication {
  const files = buildRelease(releaseOf(dataset, options));
  const bytes = files.get(`donnees/${dataset.meta.id}/publication.json`);
  if (!bytes) throw new Error('publication.json manquant / missing');
  return PublicationSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
}

export async function runPipeline(publishers: readonly PublisherInput[], options: PipelineOptions): Promise<PipelineResult> {
  // 1. Validate. Publishers one after the other: a large folder's columns are released before
  // the next one is read.
  const results = [];
  for (const p of publishers) results.push(await validateDataset(p.input));
  const reports = results.map((r) => r.report);
  if (results.some((r) => !r.ok || !r.dataset)) return { ok: false, reports, refused: [], files: new Map(), count: 0 };

  // 2–5. Cells, protection, audit, tables.
  const releases: (ReleaseInput & { audit: AuditReport })[] = [];
  const refused: PipelineResult['refused'] = [];
  for (const [i, r] of results.entries()) {
    const dataset = r.dataset!;
    try {
      const release = releaseOf(dataset, {
        highs: options.highs,
        previous: publishers[i]!.previous ?? [],
        earlier: publishers[i]!.earlier ?? [],
        versions: { siteUrl: options.siteUrl ?? DEFAULT_BASE_URL, kept: publishers[i]!.kept ?? [] },
      });
      if (!release.audit.ok) {
        const f = release.audit.failures[0]!;
        refused.push({
          publisher: dataset.meta.id,
          audit: release.audit,
          message: `L'audit refuse la publication : ${release.audit.failures.length} case(s) secrète(s) encadrée(s) trop près (${f.key}, ${f.measure}) / the audit refuses the release: ${release.audit.failures.length} secret cell(s) bounded too closely (${f.key}, ${f.measure})`,
        });
      }
      releases.push(release);
    } catch (e) {
      if (!(e instanceof ProtectionError) && !(e instanceof EarlierReleaseError)) throw e;
      refused.push({ publisher: dataset.meta.id, message: e.message });
    }
  }
  if (refused.length > 0) return { ok: false, reports, refused, files: new Map(), count: 0 };

  // 6. Release: each file goes to the sink as it is made, or is kept in `files`.
  const files = new Map<string, Uint8Array>();
  let count = 0;
  const publish = async (path: string, body: FileBody) => {
    count++;
    if (options.sink) await options.sink(path, piecesOf(body));
    else files.set(path, bytesOf(body));
  };
  // The comparison reads this site's publishers from their release, as it reads peers'.
  const local = new LocalReleases();
  for (const [path, body] of releaseFiles(releases)) await publish(path, local.keep(path, body));
  for (const report of reports) await publish(`validation/${report.publisher}.json`, json(report));
  // The input data contract as a versioned standard (schema.data.gouv.fr layout) and its
  // dictionary, for publishers who want to check or produce their own files.
  const main = results.find((r) => r.dataset!.meta.id === options.mainPublisher) ?? results[0];
  const author = main?.dataset!.meta.nom ?? options.comparisonSite?.nom;
  for (const [path, bytes] of buildStandard({ ...(options.siteUrl ? { baseUrl: options.siteUrl } : {}), ...(author ? { author } : {}) })) await publish(path, bytes);
  const dictionary = buildDictionary();
  await publish('donnees/standard/dictionnaire.csv', utf8(dictionaryCsv(dictionary)));
  await publish('donnees/standard/dictionnaire.json', json(dictionary));
  const comparison = buildComparison({ releases: local.read(), peers: options.peers, references: options.references, site: options.comparisonSite });
  for (const [path, bytes] of comparison) await publish(path, bytes);
  return { ok: true, reports, refused: [], files, count };
}
