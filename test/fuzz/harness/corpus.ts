/**
 * Seed corpus and mutations for fuzzing the validator and the pipeline.
 *
 * Seeds: the real sample `data/pays-de-la-loire/` (read once with readPublisherFolder, without
 * `publications.json`) and the small hand-written `test/fixtures/valide/` (the same contract in
 * 88 lines: many more runs per second). Both are valid.
 *
 * A mutation is plain data (shown as is in a counterexample, shrunk by fast-check), applied to
 * the bytes of one file. Each says what must come out when it is known:
 * - `invalid`: the folder can no longer be valid, and `rules` lists the rules that may say so;
 * - `valid`: the change keeps the folder valid (line endings, re-encoding, an extra file);
 * - `unknown`: anything goes (truncation, flipped bytes…); `ok: true` is then confirmed by the
 *   reference reader of oracle.ts.
 * Some mutations also know the line that must be named (`line`).
 */
import fc from 'fast-check';
import { readPublisherFolder } from '../../../scripts/lib/fs-input.ts';
import type { BytesInput, RuleId } from '../../../src/lib/validate/index.ts';
import type { FieldDef } from '../../../src/schemas/field.ts';
import { TABLES } from '../../../src/schemas/index.ts';
import { referenceDecode } from './reference.ts';

export type SeedName = 'sample' | 'fixture';
export type Seeds = Record<SeedName, BytesInput>;

const ROOT = new URL('../../../', import.meta.url).pathname;

/** Reads both seeds from disk (once per test file). */
export async function loadSeeds(): Promise<Seeds> {
  const sample = await readPublisherFolder(`${ROOT}data/pays-de-la-loire`, `${ROOT}data`);
  delete sample.files['publications.json'];
  const fixture = await readPublisherFolder(`${ROOT}test/fixtures/valide`, `${ROOT}test/fixtures`);
  return { sample, fixture };
}

export const TABLE_FILES: readonly string[] = TABLES.map((t) => t.file);
const MILLION = 1_000_000;

/** Line endings a mutation may convert to. */
type Eol = 'LF' | 'CRLF' | 'CR';

export type Op =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: { at: number; byte: number }[] }
  | { kind: 'nul'; at: number[] }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'duplicateHeader'; from: number; to: number }
  | { kind: 'dropHeaderColumn'; col: number }
  | { kind: 'renameHeader'; col: number; name: string }
  | { kind: 'extraColumn'; name: string; value: string }
  | { kind: 'extraField'; line: number }
  | { kind: 'quote'; at: number }
  | { kind: 'hugeField'; line: number; col: number; char: string }
  | { kind: 'hugeLine'; line: number; char: string }
  | { kind: 'empty' }
  | { kind: 'onlyBom'; bom: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { kind: 'lineEndings'; to: Eol }
  | { kind: 'reencode'; to: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' }
  | { kind: 'randomBytes'; bytes: Uint8Array }
  | { kind: 'randomText'; text: string; encoding: 'utf-8' | 'utf-16le' | 'latin1' }
  | { kind: 'removeFile' }
  | { kind: 'extraFile'; name: string; bytes: Uint8Array };

export type MetaOp = { kind: 'metaTruncate'; at: number } | { kind: 'metaFlip'; at: number; byte: number } | { kind: 'metaRandom'; json: unknown } | { kind: 'metaMissing' };

export interface Mutation {
  seed: SeedName;
  file: string;
  op: Op | MetaOp;
}

export interface Expectation {
  verdict: 'valid' | 'invalid' | 'unknown';
  /** For `invalid`: at least one of these rules must be reported… */
  rules?: RuleId[];
  /** …at this physical line of `file`, when known. */
  line?: number;
}

/** Positions are fractions of the file length, so they shrink towards the start. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const lineIndex = fc.nat({ max: 10_000 });
const headerName = fc.oneof(
  fc.stringMatching(/^[a-z_]{1,12}$/),
  fc.string({ unit: fc.constantFrom(...'abcXYZ é_-0 '), minLength: 0, maxLength: 10 }),
  // constructor / __proto__: Object.prototype members once crashed the header lookup.
  fc.constantFrom('nom', 'prenom', 'email', 'telephone', 'nir', 'adresse', 'date_naissance', 'id_marche', 'heures', 'OBJET', ' Id_Marche ', 'constructor', '__proto__'),
);
const hugeChar = fc.constantFrom('x', '9', 'é', '\u0000', '€');

export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.record({ at: fraction, byte: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('nul' as const), at: fc.array(fraction, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: lineIndex }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: lineIndex }),
  fc.record({ kind: fc.constant('duplicateHeader' as const), from: fc.nat({ max: 20 }), to: fc.nat({ max: 20 }) }),
  fc.record({ kind: fc.constant('dropHeaderColumn' as const), col: fc.nat({ max: 20 }) }),
  fc.record({ kind: fc.constant('renameHeader' as const), col: fc.nat({ max: 20 }), name: headerName }),
  fc.record({ kind: fc.constant('extraColumn' as const), name: headerName, value: fc.stringMatching(/^[a-z0-9 ]{0,8}$/) }),
  fc.record({ kind: fc.constant('extraField' as const), line: lineIndex }),
  fc.record({ kind: fc.constant('quote' as const), at: fraction }),
  fc.record({ kind: fc.constant('hugeField' as const), line: lineIndex, col: fc.nat({ max: 20 }), char: hugeChar }),
  fc.record({ kind: fc.constant('hugeLine' as const), line: lineIndex, char: hugeChar }),
  fc.constant({ kind: 'empty' as const }),
  fc.record({ kind: fc.constant('onlyBom' as const), bom: fc.constantFrom('utf-8' as const, 'utf-16le' as const, 'utf-16be' as const) }),
  fc.record({ kind: fc.constant('lineEndings' as const), to: fc.constantFrom('LF' as const, 'CRLF' as const, 'CR' as const) }),
  fc.record({ kind: fc.constant('reencode' as const), to: fc.constantFrom('utf-8' as const, 'utf-8-bom' as const, 'utf-16le' as const, 'utf-16be' as const) }),
  fc.record({ kind: fc.constant('randomBytes' as const), bytes: fc.uint8Array({ maxLength: 4096 }) }),
  fc.record({
    kind: fc.constant('randomText' as const),
    text: fc.string({
      unit: fc.oneof(fc.constantFrom(';', ',', '\t', '"', '\r', '\n', ' ', '\u00a0', '\ufeff', '\u0000'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
      maxLength: 2000,
    }),
    encoding: fc.constantFrom('utf-8' as const, 'utf-16le' as const, 'latin1' as const),
  }),
  fc.constant({ kind: 'removeFile' as const }),
  fc.record({ kind: fc.constant('extraFile' as const), name: fc.stringMatching(/^[a-z]{1,8}\.(csv|txt|xlsx)$/), bytes: fc.uint8Array({ maxLength: 64 }) }),
);

export const metaOpArbitrary: fc.Arbitrary<MetaOp> = fc.oneof(
  fc.record({ kind: fc.constant('metaTruncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('metaFlip' as const), at: fraction, byte: fc.nat({ max: 255 }) }),
  fc.record({ kind: fc.constant('metaRandom' as const), json: fc.jsonValue({ maxDepth: 3 }) }),
  fc.constant({ kind: 'metaMissing' as const }),
);

/** A mutation of one file of one seed; `sampleWeight` of 10 picks the big sample that often. */
export function mutationArbitrary(sampleWeight = 3, fixtureWeight = 7): fc.Arbitrary<Mutation> {
  const seed = fc.oneof({ arbitrary: fc.constant('sample' as const), weight: sampleWeight }, { arbitrary: fc.constant('fixture' as const), weight: fixtureWeight });
  return fc.oneof(
    { arbitrary: fc.record({ seed, file: fc.constantFrom(...TABLE_FILES), op: opArbitrary }), weight: 9 },
    { arbitrary: fc.record({ seed, file: fc.constant('metadonnees.json'), op: metaOpArbitrary }), weight: 1 },
  );
}

// ——— Applying a mutation. Files are handled as byte strings (one char per byte, `latin1`), so
// that every encoding of the seeds goes through untouched. ———

const bytesToBin = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const binToBytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
/** UTF-8 bytes of `text` as a byte string. */
const utf8Bin = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

const BOMS = { 'utf-8': '\xef\xbb\xbf', 'utf-16le': '\xff\xfe', 'utf-16be': '\xfe\xff' } as const;

/** A seed file as a byte string: BOM, lines (without line ends), its line end and delimiter. */
interface Parts {
  bom: string;
  lines: string[];
  eol: string;
  delim: string;
}

function split(bin: string): Parts {
  const bom = bin.startsWith(BOMS['utf-8']) ? BOMS['utf-8'] : '';
  const body = bin.slice(bom.length);
  const eol = /\r\n|\r|\n/.exec(body)?.[0] ?? '\n';
  const lines = body.split(eol);
  const count = (c: string) => lines[0]!.split(c).length - 1;
  const delim = [';', ',', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best));
  return { bom, lines, eol, delim };
}
const join = (p: Parts, lines: string[]) => p.bom + lines.join(p.eol);

/** Indices of the non-blank data lines (the header is line index 0). */
function dataLines(lines: string[]): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (i > 0 && l.trim() !== '') out.push(i);
  });
  return out;
}

/** Physical line (1-based) of byte `at` in a byte string. */
function lineAt(bin: string, at: number): number {
  return (bin.slice(0, at).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

function encodeText(text: string, to: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'latin1'): Uint8Array {
  if (to === 'utf-8') return new Uint8Array(Buffer.from(text, 'utf8'));
  if (to === 'utf-8-bom') return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf8'));
  if (to === 'latin1') return new Uint8Array(Buffer.from(text, 'latin1'));
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (to === 'utf-16be') le.swap16();
  return new Uint8Array(le);
}

const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

/** Applies a table-file mutation; returns the new bytes (undefined: remove the file). */
function applyOp(file: string, bytes: Uint8Array, op: Op): { bytes: Uint8Array | undefined; expect: Expectation; extra?: [string, Uint8Array] } {
  const bin = bytesToBin(bytes);
  const parts = split(bin);
  const { lines, delim } = parts;
  const def = TABLES.find((t) => t.file === file)!;
  const fields = def.fields as Readonly<Record<string, FieldDef>>;
  const header = lines[0]!.split(delim);
  const unknown: Expectation = { verdict: 'unknown' };
  const hasQuote = bin.includes('"');
  switch (op.kind) {
    case 'truncate':
      return { bytes: bytes.slice(0, Math.floor(op.at * bytes.length)), expect: unknown };
    case 'flip': {
      const out = bytes.slice();
      for (const f of op.flips) if (out.length > 0) out[Math.floor(f.at * out.length)] = f.byte;
      return { bytes: out, expect: unknown };
    }
    case 'nul': {
      let s = bin;
      for (const at of [...op.at].sort((a, b) => b - a)) {
        const i = Math.floor(at * s.length);
        s = `${s.slice(0, i)}\0${s.slice(i)}`;
      }
      return { bytes: binToBytes(s), expect: unknown };
    }
    case 'duplicateLine': {
      const i = pick(dataLines(lines), op.line)!;
      const copy = [...lines];
      copy.splice(i + 1, 0, lines[i]!);
      // Every table has a primary key: the copy repeats it (unless the line is part of a quoted field).
      const expect: Expectation = lines[i]!.includes('"') ? unknown : { verdict: 'invalid', rules: ['cle.doublon'] };
      return { bytes: binToBytes(join(parts, copy)), expect };
    }
    case 'deleteLine': {
      const copy = [...lines];
      copy.splice(op.line % lines.length, 1);
      return { bytes: binToBytes(join(parts, copy)), expect: unknown };
    }
    case 'duplicateHeader': {
      const from = op.from % header.length;
      const to = op.to % header.length;
      if (from === to) return { bytes, expect: { verdict: 'valid' } };
      const h = [...header];
      h[to] = h[from]!;
      return { bytes: binToBytes(join(parts, [h.join(delim), ...lines.slice(1)])), expect: { verdict: 'invalid', rules: ['csv.entete_double'], line: 1 } };
    }
    case 'dropHeaderColumn': {
      const h = header.filter((_, k) => k !== op.col % header.length);
      return { bytes: binToBytes(join(parts, [h.join(delim), ...lines.slice(1)])), expect: { verdict: 'invalid', rules: ['csv.champs_en_trop', 'entete.colonne_manquante'] } };
    }
    case 'renameHeader': {
      const col = op.col % header.length;
      const h = [...header];
      h[col] = utf8Bin(op.name);
      const key = op.name.trim().toLowerCase();
      const others = header.filter((_, k) => k !== col).map((n) => n.trim().toLowerCase());
      let expect: Expectation;
      if (key === header[col]!.trim().toLowerCase())
        expect = { verdict: 'valid' }; // names match case-insensitively, trimmed
      else if (Object.hasOwn(fields, key) && !others.includes(key))
        expect = unknown; // another column of the contract, absent from the file
      else expect = { verdict: 'invalid', line: 1 };
      return { bytes: binToBytes(join(parts, [h.join(delim), ...lines.slice(1)])), expect };
    }
    case 'extraColumn': {
      const key = op.name.trim().toLowerCase();
      const present = header.map((n) => n.trim().toLowerCase());
      const copy = lines.map((l, i) => (i === 0 ? `${l}${delim}${utf8Bin(op.name)}` : l.trim() === '' ? l : `${l}${delim}${op.value}`));
      const expect: Expectation = Object.hasOwn(fields, key) && !present.includes(key) ? unknown : { verdict: 'invalid', line: 1 };
      return { bytes: binToBytes(join(parts, copy)), expect: hasQuote ? unknown : expect };
    }
    case 'extraField': {
      const i = pick(dataLines(lines), op.line)!;
      const copy = [...lines];
      copy[i] = `${copy[i]}${delim}en-trop`;
      return { bytes: binToBytes(join(parts, copy)), expect: hasQuote ? unknown : { verdict: 'invalid', rules: ['csv.champs_en_trop'], line: i + 1 } };
    }
    case 'quote': {
      const at = Math.floor(op.at * (bin.length + 1));
      const s = `${bin.slice(0, at)}"${bin.slice(at)}`;
      // The only quote of the file: it opens a field never closed, or stands inside one.
      const expect: Expectation = hasQuote ? unknown : { verdict: 'invalid', rules: ['csv.guillemet_non_ferme', 'csv.guillemet_parasite'], line: lineAt(bin, at) };
      return { bytes: binToBytes(s), expect };
    }
    case 'hugeField': {
      const i = pick(dataLines(lines), op.line)!;
      const cells = lines[i]!.split(delim);
      cells[op.col % cells.length] = utf8Bin(op.char.repeat(MILLION));
      const copy = [...lines];
      copy[i] = cells.join(delim);
      // No column takes a million characters (labels stop at 250, the others have a format).
      return { bytes: binToBytes(join(parts, copy)), expect: hasQuote ? { verdict: 'invalid' } : { verdict: 'invalid', line: i + 1 } };
    }
    case 'hugeLine': {
      const i = 1 + (op.line % lines.length);
      const copy = [...lines];
      copy.splice(i, 0, utf8Bin(op.char.repeat(MILLION)));
      // One field where the header has several (the line is past the header, maybe after the last).
      const expect: Expectation = hasQuote ? { verdict: 'invalid' } : { verdict: 'invalid', rules: ['csv.champs_manquants'], line: i + 1 };
      return { bytes: binToBytes(join(parts, copy)), expect };
    }
    case 'empty':
      return { bytes: new Uint8Array(0), expect: { verdict: 'invalid', rules: ['csv.vide'], line: 1 } };
    case 'onlyBom':
      return { bytes: binToBytes(BOMS[op.bom]), expect: { verdict: 'invalid', rules: ['csv.vide'], line: 1 } };
    case 'lineEndings': {
      const eol = { LF: '\n', CRLF: '\r\n', CR: '\r' }[op.to];
      return { bytes: binToBytes(bin.replace(/\r\n|\r|\n/g, eol)), expect: { verdict: 'valid' } };
    }
    case 'reencode':
      return { bytes: encodeText(referenceDecode(bytes).text, op.to), expect: { verdict: 'valid' } };
    case 'randomBytes':
      return { bytes: op.bytes, expect: { verdict: 'invalid' } };
    case 'randomText':
      return { bytes: encodeText(op.text, op.encoding), expect: { verdict: 'invalid' } };
    case 'removeFile':
      return { bytes: undefined, expect: { verdict: 'invalid', rules: ['fichier.absent'] } };
    case 'extraFile':
      if (TABLE_FILES.includes(op.name)) return { bytes, expect: { verdict: 'valid' } };
      // An extra file is not read (a warning), except a workbook, which is (random bytes: `xlsx.illisible`).
      return { bytes, expect: { verdict: op.name.endsWith('.xlsx') ? 'unknown' : 'valid' }, extra: [op.name, op.bytes] };
  }
}

function applyMetaOp(meta: string, op: MetaOp): { meta: string | undefined; expect: Expectation } {
  switch (op.kind) {
    case 'metaTruncate': {
      const cut = meta.slice(0, Math.floor(op.at * meta.length));
      return { meta: cut, expect: cut.trim() === meta.trim() ? { verdict: 'valid' } : { verdict: 'invalid', rules: ['meta.json'] } };
    }
    case 'metaFlip': {
      const at = Math.floor(op.at * meta.length);
      return { meta: meta.slice(0, at) + String.fromCharCode(op.byte) + meta.slice(at + 1), expect: { verdict: 'unknown' } };
    }
    case 'metaRandom':
      return { meta: JSON.stringify(op.json), expect: { verdict: 'invalid' } };
    case 'metaMissing':
      return { meta: undefined, expect: { verdict: 'invalid', rules: ['meta.absent'] } };
  }
}

/** The seed folder with the mutation applied, and what must come out of it. */
export function mutate(seeds: Seeds, m: Mutation): { input: BytesInput; expect: Expectation } {
  const seed = seeds[m.seed];
  const files = { ...seed.files };
  if (m.file === 'metadonnees.json') {
    const { meta, expect } = applyMetaOp(seed.meta as string, m.op as MetaOp);
    return { input: { publisher: seed.publisher, meta, files }, expect };
  }
  const { bytes, expect, extra } = applyOp(m.file, files[m.file]!, m.op as Op);
  if (bytes === undefined) delete files[m.file];
  else files[m.file] = bytes;
  if (extra) files[extra[0]] = extra[1];
  return { input: { publisher: seed.publisher, meta: seed.meta, files }, expect };
}
