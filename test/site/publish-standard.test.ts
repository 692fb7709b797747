/**
 * src/site/standard.ts reads the standard as the pipeline publishes it (`buildStandard()` and the
 * data dictionary, as `runPipeline` adds them) from a temporary publication: what the standard page
 * is given must be what the files say.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStandard, exampleMetadata, standardArchiveName, STANDARD_VERSION } from '../../src/lib/standard/index.ts';
import { buildDictionary, dictionaryCsv } from '../../src/schemas/dictionary.ts';
import { TABLES } from '../../src/schemas/index.ts';
import { publishedStandard } from '../../src/site/standard.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
let root: string;
let files: Map<string, Uint8Array>;
const previous = process.env.PUBLICATION_DIR;

beforeAll(() => {
  files = buildStandard();
  const dictionary = buildDictionary();
  files.set('donnees/standard/dictionnaire.csv', utf8(dictionaryCsv(dictionary)));
  files.set('donnees/standard/dictionnaire.json', utf8(JSON.stringify(dictionary)));
  root = mkdtempSync(join(tmpdir(), 'publish-standard-'));
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(root, 'ok', path)), { recursive: true });
    writeFileSync(join(root, 'ok', path), bytes);
  }
  process.env.PUBLICATION_DIR = join(root, 'ok');
});

afterAll(() => {
  if (previous === undefined) delete process.env.PUBLICATION_DIR;
  else process.env.PUBLICATION_DIR = previous;
  rmSync(root, { recursive: true, force: true });
});

describe('publishedStandard()', () => {
  it('lists the tables of the contract, in order, with their titles, field counts and personal flag', () => {
    const std = publishedStandard();
    expect(std.version).toBe(STANDARD_VERSION);
    expect(std.tables.map((t) => t.name)).toEqual(TABLES.map((t) => t.name));
    for (const [i, def] of TABLES.entries()) {
      const t = std.tables[i]!;
      expect(t.title).toEqual(def.title);
      expect(t.fields).toBe(Object.keys(def.fields).length);
      expect(t.personal).toBe(def.personal);
      expect(t.description.fr.startsWith(def.description.fr)).toBe(true);
      expect(t.description.en.startsWith(def.description.en)).toBe(true);
      expect(t.primaryKey.length).toBeGreaterThan(0);
    }
  });

  it('gives each file its published path, size and SHA-256', () => {
    const std = publishedStandard();
    const all = [
      std.archive,
      std.readme,
      std.changelog,
      std.datapackage,
      std.dictionary.csv,
      std.dictionary.json,
      std.metadata.schema,
      std.metadata.example,
      std.metadata.readme,
      ...std.tables.flatMap((t) => [t.schema, t.example, t.readme]),
    ];
    expect(new Set(all.map((f) => f.path)).size).toBe(all.length);
    for (const f of all) {
      const bytes = files.get(f.path);
      expect(bytes, f.path).toBeDefined();
      expect(f.bytes, f.path).toBe(bytes!.length);
      expect(f.hash, f.path).toBe(`sha256:${createHash('sha256').update(bytes!).digest('hex')}`);
    }
    expect(std.archive.path).toBe(`donnees/standard/${standardArchiveName()}`);
    expect(std.metadata.keys).toBe(Object.keys(exampleMetadata()).length);
  });

  it('refuses a publication without the standard, in French and English', () => {
    process.env.PUBLICATION_DIR = join(root, 'vide');
    try {
      expect(() => publishedStandard()).toThrow(/Aucun standard dans .*vide.*No standard in/s);
    } finally {
      process.env.PUBLICATION_DIR = join(root, 'ok');
    }
  });

  it('refuses a standard whose version is not the one of the code', () => {
    const stale = join(root, 'ancien');
    cpSync(join(root, 'ok'), stale, { recursive: true });
    const dp = join(stale, 'donnees/standard/datapackage.json');
    writeFileSync(dp, readFileSync(dp, 'utf8').replace(`"version": "${STANDARD_VERSION}"`, '"version": "0.9.0"'));
    process.env.PUBLICATION_DIR = stale;
    try {
      expect(() => publishedStandard()).toThrow(/datapackage\.json\nversion 0\.9\.0 ≠/);
    } finally {
      process.env.PUBLICATION_DIR = join(root, 'ok');
    }
  });

  it('refuses a standard with a missing file, naming it', () => {
    const broken = join(root, 'incomplet');
    cpSync(join(root, 'ok'), broken, { recursive: true });
    rmSync(join(broken, 'donnees/standard/heures/README.md'));
    process.env.PUBLICATION_DIR = broken;
    try {
      expect(() => publishedStandard()).toThrow(/heures\/README\.md\nfichier manquant \/ missing file/);
    } finally {
      process.env.PUBLICATION_DIR = join(root, 'ok');
    }
  });
});
