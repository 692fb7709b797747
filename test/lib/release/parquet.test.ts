/**
 * Each published Parquet file, read by DuckDB (an independent reader), gives the same table as its
 * CSV, read by DuckDB too: same columns in the same order, same rows, every value equal, « secret »
 * a null with its status column saying `secret`, an empty cell a null with `vide`.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRelease } from '../../../src/lib/release/index.ts';
import { TABLES } from '../../../src/lib/tables/index.ts';
import { formatNumber } from '../../../src/lib/release/csv.ts';
import { hasStatus, statusColumn } from '../../../src/lib/release/parquet.ts';
import type { ReleaseDatapackage } from '../../../src/schemas/release.ts';
import { medium } from '../indicators/fixtures.ts';
import { released } from '../released.ts';

const dir = 'donnees/region-test';
let tmp: string;
let con: DuckDBConnection;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  // k = 11 hides more cells: the fixture then has secret cells in several tables.
  files = buildRelease(released(medium({ k: 11 })));
  tmp = mkdtempSync(join(tmpdir(), 'parquet-'));
  for (const [path, bytes] of files) if (/\.(csv|parquet)$/.test(path)) writeFileSync(join(tmp, path.split('/').pop()!), bytes);
  con = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const rowsOf = async (sql: string) => {
  const reader = await con.runAndReadAll(sql);
  return { names: reader.columnNames(), rows: reader.getRowObjectsJS() as Record<string, unknown>[] };
};

/** A Parquet value as the CSV writes it. */
function asCsvText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') return v;
  // DuckDB's other JavaScript values (none in these tables) print as JavaScript prints them.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(v);
}

describe('Parquet files, read by DuckDB', () => {
  let secrets = 0;

  it.each(TABLES.map((t) => [t.id, t] as const))('%s.parquet reads to the same table as its CSV', async (id, t) => {
    const csv = await rowsOf(`SELECT * FROM read_csv('${join(tmp, `${id}.csv`)}', all_varchar = true, header = true)`);
    const pq = await rowsOf(`SELECT * FROM '${join(tmp, `${id}.parquet`)}'`);
    expect(pq.rows.length).toBe(csv.rows.length);
    // The CSV's columns, each measure followed by its status column.
    expect(pq.names).toEqual(t.colonnes.flatMap((c) => (hasStatus(c) ? [c.nom, statusColumn(c.nom)] : [c.nom])));
    expect(csv.names).toEqual(t.colonnes.map((c) => c.nom));
    pq.rows.forEach((row, i) => {
      const line = csv.rows[i]!;
      for (const c of t.colonnes) {
        const text = (line[c.nom] as string | null) ?? '';
        const value = row[c.nom];
        if (!hasStatus(c)) {
          // Dimensions: neutralised text (a leading apostrophe against formulas) is the CSV's only change.
          expect(text.replace(/^'(?=[=+\-@\t\r])/, ''), `${id} row ${i} ${c.nom}`).toBe(asCsvText(value));
          continue;
        }
        const status = row[statusColumn(c.nom)];
        if (text === 'secret') {
          secrets++;
          expect([value, status], `${id} row ${i} ${c.nom}`).toEqual([null, 'secret']);
        } else if (text === '') expect([value, status], `${id} row ${i} ${c.nom}`).toEqual([null, 'vide']);
        else expect([asCsvText(value), status], `${id} row ${i} ${c.nom}`).toEqual([text, 'valeur']);
      }
    });
  });

  it('found secret cells to compare', () => expect(secrets).toBeGreaterThan(0));

  it('types the columns: integers, decimals, booleans, dates, years', async () => {
    const { rows } = await rowsOf(`DESCRIBE SELECT * FROM '${join(tmp, 'marches.parquet')}'`);
    const types = Object.fromEntries(rows.map((r) => [String(r.column_name), r.column_type] as const));
    expect(types.date_notification).toBe('DATE');
    expect(types.critere_attribution).toBe('BOOLEAN');
    const hours = await rowsOf(`DESCRIBE SELECT * FROM '${join(tmp, 'heures-par-annee.parquet')}'`);
    const htypes = Object.fromEntries(hours.rows.map((r) => [String(r.column_name), r.column_type] as const));
    expect(htypes).toMatchObject({ annee: 'INTEGER', heures_realisees: 'DOUBLE', personnes: 'BIGINT', statut_personnes: 'VARCHAR' });
  });

  it('describes every column in the key-value metadata, in French and English', async () => {
    const t = TABLES.find((x) => x.id === 'heures-par-annee')!;
    const { rows } = await rowsOf(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${join(tmp, 'heures-par-annee.parquet')}')`);
    const kv = new Map(rows.map((r) => [r.key as string, r.value as string]));
    expect(kv.get('titre')).toBe(t.titre.fr);
    expect(kv.get('title')).toBe(t.titre.en);
    const colonnes = JSON.parse(kv.get('colonnes')!) as { nom: string; titre: { fr: string; en: string } }[];
    expect(colonnes.map((c) => c.nom)).toEqual(t.colonnes.flatMap((c) => (hasStatus(c) ? [c.nom, statusColumn(c.nom)] : [c.nom])));
    for (const c of t.colonnes) {
      expect(kv.get(`description:${c.nom}`)).toContain(c.titre.fr);
      expect(kv.get(`description:${c.nom}`)).toContain(c.titre.en);
      if (c.description) expect(kv.get(`description:${c.nom}`)).toContain(c.description.fr);
    }
    expect(kv.get(`description:${statusColumn('personnes')}`)).toContain('secret');
  });

  it('lists each Parquet file in datapackage.json with its size and hash', () => {
    const pkg = JSON.parse(new TextDecoder().decode(files.get(`${dir}/datapackage.json`))) as ReleaseDatapackage;
    for (const t of TABLES) {
      const r = pkg.resources.find((x) => x.path === `${t.id}.parquet`);
      const bytes = files.get(`${dir}/${t.id}.parquet`)!;
      expect(r, t.id).toMatchObject({ name: `${t.id}-parquet`, format: 'parquet', mediatype: 'application/vnd.apache.parquet', bytes: bytes.byteLength });
      expect(r?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });

  it('makes the same bytes twice (no clock in the file)', () => {
    const again = buildRelease(released(medium({ k: 11 })));
    for (const t of TABLES) expect(again.get(`${dir}/${t.id}.parquet`)).toEqual(files.get(`${dir}/${t.id}.parquet`));
  });
});
