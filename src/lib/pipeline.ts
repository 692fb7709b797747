/**
 * The whole data pipeline in one place, in the order data flows:
 *
 *   files of data/<editeur>/ ─ validate ─▶ Dataset ─ indicators + disclosure control ─▶ tables
 *   ─ release ─▶ published files (CSV, JSON, XLSX, datapackage, zip, docs)
 *
 * Pure: bytes in, bytes out, no disk and no clock (src/lib rule). `scripts/build.ts` reads the
 * folders and writes the result; the site then reads only the published files.
 */
import { buildDictionary, dictionaryCsv } from '../schemas/dictionary.ts';
import { buildComparison } from './compare/index.ts';
import { releaseFiles } from './release/build.ts';
import type { Publication } from './release/publications.ts';
import type { ReleaseVersion } from './release/versions.ts';
import { DEFAULT_BASE_URL } from './standard/version.ts';
import { bytesOf, piecesOf, type FileBody, type Sink } from './release/body.ts';
import { utf8 } from './release/bytes.ts';
import { buildStandard } from './standard/build.ts';
import { validateDataset, type ValidateInput, type ValidationReport } from './validate/index.ts';

export interface PublisherInput {
  /** The publisher's folder, as read by scripts/lib/fs-input.ts. */
  input: ValidateInput;
  /** Earlier releases (`data/<editeur>/publications.json`), for the changelog. */
  previous?: readonly Publication[];
  /** Earlier releases still published (`data/<editeur>/versions/`), listed in datapackage.json. */
  kept?: readonly ReleaseVersion[];
}

export interface PipelineOptions {
  /**
   * Other territories' published headline results (`data/references/…csv`), shown apart from
   * validated datasets on the comparison page.
   */
  references?: Uint8Array;
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
  /** False when any publisher's data has an error: then `files` is empty, nothing is published. */
  ok: boolean;
  reports: ValidationReport[];
  /**
   * Published files by path relative to the publication root (`donnees/…`, `validation/…`);
   * empty when they went to `options.sink`.
   */
  files: Map<string, Uint8Array>;
  /** How many files were published (held in `files` or given to the sink). */
  count: number;
}

const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);

export async function runPipeline(
  publishers: readonly PublisherInput[],
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  // Publishers are validated one after the other: a large folder's columns are released
  // before the next one is read.
  const results = [];
  for (const p of publishers) results.push(await validateDataset(p.input));
  const reports = results.map((r) => r.report);
  if (results.some((r) => !r.ok || !r.dataset)) return { ok: false, reports, files: new Map(), count: 0 };

  // Each file goes to the sink as it is made, or is kept in `files`.
  const files = new Map<string, Uint8Array>();
  let count = 0;
  const publish = async (path: string, body: FileBody) => {
    count++;
    if (options.sink) await options.sink(path, piecesOf(body));
    else files.set(path, bytesOf(body));
  };
  const releases = results.map((r, i) => ({
    dataset: r.dataset!,
    previous: publishers[i]!.previous ?? [],
    versions: { siteUrl: options.siteUrl ?? DEFAULT_BASE_URL, kept: publishers[i]!.kept ?? [] },
  }));
  for (const [path, body] of releaseFiles(releases)) await publish(path, body);
  for (const report of reports) await publish(`validation/${report.publisher}.json`, json(report));
  // The input data contract as a versioned standard (schema.data.gouv.fr layout) and its
  // dictionary, for publishers who want to check or produce their own files.
  for (const [path, bytes] of buildStandard(options.siteUrl ? { baseUrl: options.siteUrl } : {})) await publish(path, bytes);
  const dictionary = buildDictionary();
  await publish('donnees/standard/dictionnaire.csv', utf8(dictionaryCsv(dictionary)));
  await publish('donnees/standard/dictionnaire.json', json(dictionary));
  const datasets = results.map((r) => r.dataset!);
  for (const [path, bytes] of buildComparison(datasets, options.references)) await publish(path, bytes);
  return { ok: true, reports, files, count };
}
