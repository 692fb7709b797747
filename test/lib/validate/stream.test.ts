/**
 * Files are read as streams: bytes in chunks, or a Blob (a browser File, Node's fs.openAsBlob).
 * The report and the dataset do not depend on how the bytes arrive, and a file that turns out
 * not to be UTF-8 after its first chunks is read again as Windows-1252 without its first issues
 * counted twice.
 */
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/validate/index.ts';
import { fixtureInput } from './fixtures.ts';
import { expectTableEqual } from '../../table-equal.ts';

describe('streamed input', () => {
  it('gives the same report and dataset from Blobs as from bytes', async () => {
    const { meta, files } = fixtureInput();
    const bytes = await validateDataset({ publisher: 'valide', meta, files });
    const blobs = await validateDataset({
      publisher: 'valide',
      meta,
      files: Object.fromEntries(Object.entries(files).map(([name, b]) => [name, new Blob([new Uint8Array(b)])])),
    });
    expect(blobs.report).toEqual(bytes.report);
    expectTableEqual(blobs.dataset!.heures, bytes.dataset!.heures);
    expectTableEqual(blobs.dataset!.marches, bytes.dataset!.marches);
  });

  it('reads again as Windows-1252 a file whose first non-UTF-8 byte comes after megabytes', async () => {
    const { meta, files } = fixtureInput();
    const header = 'id_operation;nom_operation;departement\n';
    // 40,000 rows (2 MB, two chunks of bytes, dozens of Blob chunks), an unknown département code on
    // the second data line, then a Windows-1252 "é" (0xE9) on the last line.
    const rows = Array.from({ length: 40_000 }, (_, i) => `OP-${i};Op\u00e9ration num\u00e9ro ${i} de la r\u00e9gion;${i === 1 ? '99' : '44'}\n`);
    const ascii = (header + rows.join('')).replace(/\u00e9/g, 'e');
    const text = `${ascii}OP-X;R\u00e9gion;44\n`;
    const cp1252 = Uint8Array.from(text, (c) => c.charCodeAt(0));
    for (const source of [cp1252, new Blob([cp1252.slice()])]) {
      const { report } = await validateDataset({ publisher: 'valide', meta, files: { ...files, 'operations.csv': source }, partial: true });
      const ops = report.issues.filter((i) => i.file === 'operations.csv');
      expect(ops.map((i) => [i.rule, i.line, i.value])).toEqual([
        ['fichier.encodage', undefined, undefined],
        ['code.inconnu', 3, '99'],
      ]);
      expect(report.summary.find((s) => s.rule === 'code.inconnu')?.count).toBe(1);
      expect(report.files.find((f) => f.file === 'operations.csv')).toEqual({ file: 'operations.csv', encoding: 'windows-1252', delimiter: ';', rows: 40_001 });
    }
  });

  // The values themselves (’ — œ in marches.csv's objet) are checked in valid.test.ts.
  it('reports Windows-1252 typography (’ — € œ) as written, from bytes or a Blob', async () => {
    const { meta, files } = fixtureInput();
    // An operation name with ’ and —, and a département code with € (not a code: reported).
    const text = 'id_operation;nom_operation;departement\nOP-1;L\u2019op\u00e9ration \u2014 \u0153uvre;44\nOP-2;Autre;4\u20ac\n';
    const table = new Map([...'\u2019\u2014\u0153\u20ac'].map((c, i) => [c, [0x92, 0x97, 0x9c, 0x80][i]!]));
    const cp1252 = Uint8Array.from(text, (c) => table.get(c) ?? c.charCodeAt(0));
    for (const source of [cp1252, new Blob([cp1252.slice()])]) {
      const { report } = await validateDataset({ publisher: 'valide', meta, files: { ...files, 'operations.csv': source }, partial: true });
      const ops = report.issues.filter((i) => i.file === 'operations.csv');
      expect(ops.map((i) => [i.rule, i.line, i.value])).toEqual([
        ['fichier.encodage', undefined, undefined],
        ['code.inconnu', 3, '4\u20ac'],
      ]);
    }
  });
});
