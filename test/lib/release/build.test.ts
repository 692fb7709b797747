import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { buildRelease, digestOf } from '../../../src/lib/release/index.ts';
import { TABLES } from '../../../src/lib/tables/index.ts';
import { medium } from '../indicators/fixtures.ts';
import { isTabular, type ReleaseDatapackage, type ReleaseTableJson } from '../../../src/schemas/release.ts';
import { released } from '../released.ts';

const dir = 'donnees/region-test';
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('buildRelease', () => {
  let files: Map<string, Uint8Array>;
  beforeAll(() => {
    files = buildRelease(released(medium({ operationName: '=HYPERLINK("http://x")' })));
  });

  it('lays out one folder per publisher with every file', () => {
    const paths = [...files.keys()];
    expect(paths.every((p) => p.startsWith(`${dir}/`))).toBe(true);
    for (const name of [
      'LISEZMOI.md',
      'CITATION.txt',
      'CHANGELOG.md',
      'datapackage.json',
      'publication.json',
      'protection.md',
      'protection.json',
      'region-test-2019.1.xlsx',
      'region-test-2019.1.zip',
    ]) {
      expect(files.has(`${dir}/${name}`), name).toBe(true);
    }
    for (const t of TABLES) {
      expect(files.has(`${dir}/${t.id}.csv`)).toBe(true);
      expect(files.has(`${dir}/${t.id}.json`)).toBe(true);
      expect(files.has(`${dir}/${t.id}.parquet`)).toBe(true);
    }
    expect(paths.length).toBe(9 + 3 * TABLES.length);
  });

  it('writes a valid Frictionless data package whose sizes and hashes match the bytes', () => {
    const pkg = JSON.parse(text(files.get(`${dir}/datapackage.json`))) as ReleaseDatapackage;
    expect(pkg.name).toBe('clauses-insertion-region-test');
    expect(pkg.version).toBe('2019.1');
    expect(pkg.created).toBe('2019-06-30T00:00:00Z');
    expect(pkg.licenses).toEqual([
      {
        name: 'etalab-2.0',
        title: 'Licence Ouverte / Open Licence version 2.0',
        path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
      },
    ]);
    expect(pkg.contributors).toEqual([{ title: 'Région Test', role: 'publisher' }]);
    expect(pkg.sources).toEqual([{ title: 'Données de test' }]);
    // One resource per CSV, then one per Parquet file (test/lib/release/parquet.test.ts).
    expect(pkg.resources.map((r) => r.name)).toEqual([...TABLES.map((t) => t.id), ...TABLES.map((t) => `${t.id}-parquet`)]);
    for (const r of pkg.resources.filter(isTabular)) {
      const schema = r.schema;
      const bytes = files.get(`${dir}/${r.path}`)!;
      expect(r.name).toMatch(/^[a-z0-9-]+$/);
      expect(r.format).toBe('csv');
      expect(r.mediatype).toBe('text/csv');
      expect(r.encoding).toBe('utf-8');
      expect(r.bytes).toBe(bytes.byteLength);
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      expect(schema.missingValues).toEqual(['', 'secret']);
      const header = text(bytes)
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0]!
        .split(',');
      expect(schema.fields.map((f) => f.name)).toEqual(header);
      for (const f of schema.fields) expect(['string', 'integer', 'number', 'boolean', 'date', 'year', 'yearmonth']).toContain(f.type);
      for (const k of schema.primaryKey ?? []) expect(header).toContain(k);
    }
  });

  it('SHA-256 is the standard digest', () => {
    expect(digestOf(new TextEncoder().encode('abc'))).toEqual({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      bytes: 3,
    });
  });

  it('JSON tables carry metadata, columns, and "secret" as a string', () => {
    const t = JSON.parse(text(files.get(`${dir}/heures-par-annee-et-sexe.json`))) as ReleaseTableJson;
    expect(Object.keys(t)).toEqual(expect.arrayContaining(['id', 'titre', 'description', 'editeur', 'periode', 'version', 'licence', 'colonnes', 'lignes']));
    expect(t.editeur).toEqual({ id: 'region-test', nom: 'Région Test' });
    expect(t.titre.fr && t.titre.en).toBeTruthy();
    expect(t.lignes.length).toBe(4);
    const values = t.lignes.flatMap((l) => Object.values(l));
    expect(values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))).toBe(true);
    const all = [...files.entries()]
      .filter(([p]) => p.endsWith('.json'))
      .map(([, b]) => text(b))
      .join('');
    expect(all).toContain('"secret"');
  });

  it('neutralises formula-like text in CSV and XLSX, keeps it verbatim in JSON', () => {
    const csv = text(files.get(`${dir}/heures-par-operation.csv`));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    const json = JSON.parse(text(files.get(`${dir}/heures-par-operation.json`))) as ReleaseTableJson;
    expect(json.lignes[0]!.nom_operation).toBe('=HYPERLINK("http://x")');
    const book = unzipSync(files.get(`${dir}/region-test-2019.1.xlsx`)!);
    const sheets = Object.keys(book)
      .filter((p) => p.startsWith('xl/worksheets/'))
      .map((p) => strFromU8(book[p]!))
      .join('');
    expect(sheets).toContain(`'=HYPERLINK(&quot;http://x&quot;)`);
  });

  it('the workbook has a Lisez-moi sheet then one sheet per table, with the cells of the CSV', () => {
    const book = unzipSync(files.get(`${dir}/region-test-2019.1.xlsx`)!);
    const workbook = strFromU8(book['xl/workbook.xml']!);
    expect(workbook).toContain('<sheet name="Lisez-moi" sheetId="1"');
    expect((workbook.match(/<sheet /g) ?? []).length).toBe(TABLES.length + 1);
    const readme = strFromU8(book['xl/worksheets/sheet1.xml']!);
    expect(readme).toContain('heures-par-annee-et-sexe');
    expect(readme).toContain('Valeur masquée (secret statistique)');
    const i = TABLES.findIndex((t) => t.id === 'synthese');
    const sheet = strFromU8(book[`xl/worksheets/sheet${i + 2}.xml`]!);
    const csv = text(files.get(`${dir}/synthese.csv`))
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const [names, values] = [csv[0]!.split(','), csv[1]!.split(',')];
    names.forEach((n, j) => {
      expect(sheet).toContain(`<t xml:space="preserve">${n}</t>`);
      expect(sheet).toMatch(new RegExp(`<c r="[A-Z]+2"><v>${values[j]!.replace('.', '\\.')}</v></c>|<t xml:space="preserve">${values[j]}</t>`));
    });
  });

  it('the zip holds every file of the folder, byte for byte', () => {
    const zip = unzipSync(files.get(`${dir}/region-test-2019.1.zip`)!);
    const inFolder = [...files.keys()].filter((p) => !p.endsWith('.zip'));
    expect(Object.keys(zip).length).toBe(inFolder.length);
    for (const p of inFolder) {
      const entry = zip[p.replace(`${dir}/`, 'region-test-2019.1/')];
      expect(entry, p).toBeDefined();
      expect(Buffer.from(entry!).equals(Buffer.from(files.get(p)!))).toBe(true);
    }
  });

  it('is deterministic: two builds give byte-identical files, in any time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Cayenne';
      const again = buildRelease(released(medium({ operationName: '=HYPERLINK("http://x")' })));
      expect([...again.keys()]).toEqual([...files.keys()]);
      for (const [p, b] of again) expect(Buffer.from(b).equals(Buffer.from(files.get(p)!)), p).toBe(true);
    } finally {
      process.env.TZ = saved;
    }
  });

  it('publishes nothing at person level: no participant id, no company id, no hour row', () => {
    const all = [...files.entries()]
      .filter(([p]) => !/\.(zip|xlsx)$/.test(p))
      .map(([, b]) => text(b))
      .join('\n');
    expect(all).not.toMatch(/\bP\d{4}\b/);
    expect(all).not.toMatch(/\bE00\d\b/);
    expect(all).not.toContain('id_participant');
    expect(all).not.toContain('id_titulaire');
  });

  it('LISEZMOI explains secret vs empty vs zero, the threshold and the synthetic flag; CITATION cites', () => {
    const readme = text(files.get(`${dir}/LISEZMOI.md`));
    expect(readme).toContain('Données synthétiques');
    expect(readme).toContain('seuil k = 5');
    expect(readme).toMatch(/`secret` \| la valeur existe mais est masquée/);
    expect(readme).toMatch(/vide \(JSON : `null`\)/);
    expect(readme).toContain('Licence Ouverte');
    const citation = text(files.get(`${dir}/CITATION.txt`));
    expect(citation).toContain('Région Test (2019)');
    expect(citation).toContain('version 2019.1');
  });

  it('accepts several publishers and refuses the same one twice', () => {
    const a = medium();
    const b = { ...medium(), meta: { ...medium().meta, id: 'autre-editeur' } };
    const both = buildRelease([released(a), released(b)]);
    expect([...both.keys()].some((p) => p.startsWith('donnees/autre-editeur/'))).toBe(true);
    expect(() => buildRelease([released(a), released(a)])).toThrow(/double/);
  });
});
