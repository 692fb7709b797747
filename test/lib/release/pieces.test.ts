/**
 * Large files are made in pieces (src/lib/release/body.ts): the pieces must add up to exactly the
 * bytes of the whole-text definition, across piece boundaries, and a sink must receive the same
 * files as the returned map.
 */
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/lib/pipeline.ts';
import { highs } from '../released.ts';
import { bytesOf, cellText, csvPieces, digestOf, keptOnceMade, lazy, ROWS_PER_PIECE, tableJson, tableJsonPieces, toXLSX, utf8, zipFiles, zipPieces } from '../../../src/lib/release/index.ts';
import type { Colonne, Ligne } from '../../../src/lib/tables/types.ts';
import { TABLES } from '../../../src/lib/tables/index.ts';
import { archiveTime } from '../../../src/lib/release/zip.ts';
import { readPublisherFolder } from '../../../scripts/lib/fs-input.ts';
import { medium } from '../indicators/fixtures.ts';

const colonnes: Colonne[] = [
  { nom: 'id', type: 'integer', role: 'dimension', titre: { fr: 'Id', en: 'Id' } },
  { nom: 'texte', type: 'string', role: 'dimension', titre: { fr: 'Texte', en: 'Text' } },
  { nom: 'heures', type: 'number', role: 'mesure', titre: { fr: 'Heures', en: 'Hours' } },
];

/** Rows with text that needs quoting and escaping, secret and missing values. */
const rows = (n: number): Ligne[] =>
  Array.from({ length: n }, (_, i) => ({
    id: i,
    texte: ['a', 'b, "c"', 'ligne\nsuivante', '=1+1', 'é — œ', '<x>&'][i % 6]!,
    heures: i % 7 === 0 ? 'secret' : i % 5 === 0 ? null : i / 4,
  }));

/** Sizes around the piece boundaries. */
const SIZES = [0, 1, ROWS_PER_PIECE - 1, ROWS_PER_PIECE, ROWS_PER_PIECE + 1, 2 * ROWS_PER_PIECE + 3];

describe('tables in pieces', () => {
  it('CSV: the pieces are the whole text (BOM, header, CRLF after every row)', () => {
    for (const n of SIZES) {
      const lignes = rows(n);
      const field = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
      const whole = `\uFEFF${['id,texte,heures', ...lignes.map((r) => colonnes.map((c) => field(cellText(r[c.nom] ?? null))).join(','))].join('\r\n')}\r\n`;
      const pieces = [...csvPieces(colonnes, lignes)];
      expect(pieces.join(''), `${n} rows`).toBe(whole);
      expect(pieces.length).toBe(1 + Math.ceil(n / ROWS_PER_PIECE));
    }
  });

  it('JSON: the pieces are JSON.stringify of the whole table, indented by 2', () => {
    const ds = medium();
    const spec = { ...TABLES[0]!, colonnes };
    for (const n of SIZES) {
      const lignes = rows(n);
      const whole = `${JSON.stringify(tableJson(ds, spec, lignes), null, 2)}\n`;
      expect([...tableJsonPieces(ds, spec, lignes)].join(''), `${n} rows`).toBe(whole);
    }
  });

  it('XLSX: a sheet of several pieces numbers its rows 1…n and keeps every cell', () => {
    const n = 2 * ROWS_PER_PIECE + 3;
    const sheet = [['id', 'texte'], ...rows(n).map((r) => [r.id!, r.texte!])];
    const files = unzipSync(toXLSX([{ name: 'grande', header: true, rows: sheet }], archiveTime('2019-06-30')));
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const numbers = [...xml.matchAll(/<row r="(\d+)">/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: n + 1 }, (_, i) => i + 1));
    expect(xml).toContain(`<c r="A${n + 1}"><v>${n - 1}</v></c>`);
    expect(xml.endsWith('</sheetData></worksheet>')).toBe(true);
  });
});

describe('zip in pieces', () => {
  const mtime = archiveTime('2019-06-30');
  const big = utf8('x'.repeat(300_000) + 'fin');
  const entries = [
    ['a.txt', utf8('bonjour')],
    // An entry made on demand, in uneven pieces.
    ['b/grand.txt', lazy(() => [big.subarray(0, 1), big.subarray(1, 70_000), big.subarray(70_000)])],
    ['vide.txt', new Uint8Array(0)],
  ] as const;

  it('holds every entry byte for byte, dated mtime, the same bytes at every call', () => {
    const bytes = zipFiles(entries, mtime);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['a.txt', 'b/grand.txt', 'vide.txt']);
    expect(strFromU8(files['a.txt']!)).toBe('bonjour');
    expect(files['b/grand.txt']).toEqual(big);
    expect(files['vide.txt']!.byteLength).toBe(0);
    expect(zipFiles(entries, mtime)).toEqual(bytes);
    expect(bytesOf(lazy(() => zipPieces(entries, mtime)))).toEqual(bytes);
    // DOS date of the first local header: 2019-06-30, 00:00.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(12, true)).toBe(((2019 - 1980) << 9) | (6 << 5) | 30);
    expect(view.getUint16(10, true)).toBe(0);
  });

  it('digests a file read in pieces as SHA-256 of its bytes', () => {
    const body = entries[1][1];
    expect(digestOf(body)).toEqual({ sha256: createHash('sha256').update(big).digest('hex'), bytes: big.byteLength });
  });
});

describe('a body kept once made', () => {
  it('is made once, read whole as often as asked, and made again if the first reading stopped', () => {
    let made = 0;
    const body = keptOnceMade(function* () {
      made++;
      yield utf8('un ');
      yield utf8('deux');
    });
    const [first] = body.pieces();
    expect(first).toEqual(utf8('un '));
    expect(strFromU8(bytesOf(body))).toBe('un deux');
    expect(strFromU8(bytesOf(body))).toBe('un deux');
    expect(made).toBe(2);
  });
});

describe('runPipeline with a sink', () => {
  it('hands over the same files, byte for byte, as it returns without one', async () => {
    const read = async () => {
      const input = await readPublisherFolder('data/pays-de-la-loire', 'data');
      delete input.files['publications.json'];
      return input;
    };
    const held = await runPipeline([{ input: await read() }], { highs });
    const sunk = new Map<string, Uint8Array>();
    const streamed = await runPipeline([{ input: await read() }], {
      highs,
      sink: (path, pieces) => {
        expect(sunk.has(path), path).toBe(false);
        sunk.set(path, bytesOf(lazy(() => pieces)));
      },
    });
    expect(streamed.ok).toBe(true);
    expect(streamed.files.size).toBe(0);
    expect(streamed.count).toBe(held.count);
    expect(held.count).toBe(held.files.size);
    expect([...sunk.keys()].sort()).toEqual([...held.files.keys()].sort());
    for (const [path, bytes] of held.files) expect(sunk.get(path), path).toEqual(bytes);
  }, 60_000);

  it('stops at the first file the sink cannot take', async () => {
    // A small valid folder: where the pipeline stops does not depend on the data's size.
    const input = await readPublisherFolder('test/fixtures/valide', 'test/fixtures');
    let taken = 0;
    const run = runPipeline([{ input }], {
      highs,
      sink: () => {
        if (++taken === 3) throw new Error('disque plein / disk full');
      },
    });
    await expect(run).rejects.toThrow('disk full');
    expect(taken).toBe(3);
  }, 60_000);
});

describe('workbook', () => {
  it('leaves out a table longer than a worksheet holds, and says so in Lisez-moi', async () => {
    const { workbook } = await import('../../../src/lib/release/build.ts');
    const ds = medium();
    const small = { ...TABLES[0]!, id: 'petite', colonnes };
    const big = { ...TABLES[0]!, id: 'grande', colonnes };
    const sheets = workbook(
      ds,
      [
        { t: small, rows: rows(3) },
        { t: big, rows: rows(10) },
      ],
      10,
    );
    expect(sheets.map((s) => s.name)).toEqual(['Lisez-moi', 'petite']);
    const readme = [...sheets[0]!.rows];
    const line = readme.find((r) => r[1] === 'grande')!;
    expect(line[0]).toBe("(aucune : 10 lignes, plus qu'une feuille n'en contient ; voir grande.csv / none: 10 rows, more than a sheet holds; see grande.csv)");
    expect(readme.find((r) => r[1] === 'petite')![0]).toBe('petite');
    // Nine rows and the header fill a sheet of ten exactly.
    expect(workbook(ds, [{ t: big, rows: rows(9) }], 10).map((s) => s.name)).toEqual(['Lisez-moi', 'grande']);
  });
});

describe('LISEZMOI', () => {
  it('names the tables the workbook leaves out, in French and English', async () => {
    const { lisezmoi } = await import('../../../src/lib/release/documents.ts');
    const meta = medium().meta;
    const files = { xlsx: 'x.xlsx', zip: 'x.zip' };
    const all = lisezmoi(meta, TABLES, files);
    expect(all).toContain('toutes les tables dans un classeur, une feuille par table');
    const some = lisezmoi(meta, TABLES, { ...files, sansFeuille: [{ id: 'marches', lignes: 2_000_000 }] });
    expect(some).toContain("sauf `marches` (2000000 lignes), plus longue(s) qu'une feuille ne le permet");
    expect(some).toContain('The workbook leaves out `marches` (2000000 rows)');
    expect(some).not.toContain('toutes les tables dans un classeur');
  });
});
