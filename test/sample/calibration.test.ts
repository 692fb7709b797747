/**
 * Independent check of the synthetic sample: every published figure recomputed with DuckDB (SQL
 * over the CSV files as written, not over the generator's objects), the contract's row rules,
 * determinism, and scaling.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateSample, type GenerateResult } from '../../scripts/sample/generate.ts';

const COMMITTED = join(import.meta.dirname, '../../data/pays-de-la-loire');
const WINDOWS_1252 = new Set(['marches.csv', 'operations.csv', 'facilitateurs.csv']);

let root: string;
let first: string;
let second: string;
let scaled: string;
let scaledResult: GenerateResult;
let baseResult: GenerateResult;
let con: DuckDBConnection;

/** Copies a folder's CSV files as UTF-8 (DuckDB reads no Windows-1252). */
function utf8Copy(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from).filter((f) => f.endsWith('.csv'))) {
    const bytes = readFileSync(join(from, file));
    const text = new TextDecoder(WINDOWS_1252.has(file) ? 'windows-1252' : 'utf-8', { fatal: true }).decode(bytes);
    writeFileSync(join(to, file), text);
  }
}

/** SQL over one folder: trimmed text columns, numbers with a decimal comma, dates and months parsed. */
async function load(con: DuckDBConnection, dir: string, prefix: string): Promise<void> {
  const csv = (file: string): string => `read_csv('${join(dir, file)}', delim=';', header=true, all_varchar=true, quote='"', escape='"')`;
  const num = (col: string): string => `CAST(replace(regexp_replace(${col}, '[\\s\\x{00A0}]', '', 'g'), ',', '.') AS DOUBLE)`;
  await con.run(`CREATE OR REPLACE VIEW ${prefix}marches AS SELECT trim(id_marche) id_marche, trim(id_acheteur) id_acheteur, trim(id_operation) id_operation,
      trim(objet) objet, trim(code_cpv) code_cpv, upper(trim(segment)) segment, strptime(trim(date_notification), '%d/%m/%Y')::DATE date_notification,
      CAST(trim(duree_mois) AS INTEGER) duree_mois, ${num('montant')} montant, trim(considerations_sociales) considerations_sociales,
      upper(trim(type_clause)) type_clause, lower(trim(critere_attribution)) IN ('oui','o','true','1','yes') critere_attribution,
      ${num('heures_prevues')} heures_prevues, upper(trim(direction)) direction, trim(departement) departement,
      trim(id_facilitateur) id_facilitateur, trim(id_titulaire) id_titulaire FROM ${csv('marches.csv')}`);
  await con.run(`CREATE OR REPLACE VIEW ${prefix}operations AS SELECT trim(id_operation) id_operation, trim(nom_operation) nom_operation, trim(departement) departement FROM ${csv('operations.csv')}`);
  await con.run(
    `CREATE OR REPLACE VIEW ${prefix}facilitateurs AS SELECT trim(id_facilitateur) id_facilitateur, trim(nom_facilitateur) nom_facilitateur, trim(departement) departement FROM ${csv('facilitateurs.csv')}`,
  );
  await con.run(`CREATE OR REPLACE VIEW ${prefix}entreprises AS SELECT trim(id_entreprise) id_entreprise, trim(taille) taille FROM ${csv('entreprises.csv')}`);
  await con.run(`CREATE OR REPLACE VIEW ${prefix}participants AS SELECT trim(id_participant) id_participant, upper(trim(sexe)) sexe, trim(publics) publics,
      lower(trim(qpv)) = 'oui' qpv, lower(trim(rqth)) = 'oui' rqth FROM ${csv('participants.csv')}`);
  await con.run(`CREATE OR REPLACE VIEW ${prefix}heures AS SELECT trim(id_participant) id_participant, trim(id_marche) id_marche,
      strptime('01/' || trim(mois), '%d/%m/%Y')::DATE mois, ${num('heures')} heures, upper(trim(type_contrat)) type_contrat,
      upper(trim(modalite)) modalite, upper(trim(type_structure)) type_structure FROM ${csv('heures.csv')}`);
}

async function one(sql: string): Promise<Record<string, unknown>> {
  const reader = await con.runAndReadAll(sql);
  const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
  return rows[0] ?? {};
}
const n = (v: unknown): number => Number(v);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sample-'));
  first = join(root, 'first');
  second = join(root, 'second');
  scaled = join(root, 'x10');
  baseResult = generateSample({ out: first });
  generateSample({ out: second });
  scaledResult = generateSample({ out: scaled, scale: 10 });
  utf8Copy(first, join(root, 'first-utf8'));
  utf8Copy(scaled, join(root, 'x10-utf8'));
  const db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
  await load(con, join(root, 'first-utf8'), '');
  await load(con, join(root, 'x10-utf8'), 'x10_');
}, 60_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('published figures, recomputed with DuckDB', () => {
  test('contracts with a clause: 564 since 2012, 79 in 2018', async () => {
    const r = await one(`SELECT count(*) FILTER (WHERE year(date_notification) BETWEEN 2012 AND 2018) total,
        count(*) FILTER (WHERE year(date_notification) = 2018) y2018, count(*) FILTER (WHERE type_clause = 'AUCUNE') no_clause,
        count(*) FILTER (WHERE type_clause = 'RESERVE') reserved FROM marches`);
    expect([n(r.total), n(r.y2018), n(r.no_clause)]).toEqual([564, 79, 0]);
    expect(n(r.reserved)).toBeGreaterThan(0);
    expect(n(r.reserved)).toBeLessThan(15);
  });

  test('operations: 104 since 2012, 10 in 2018, operations.csv has exactly them', async () => {
    const r = await one(`SELECT (SELECT count(DISTINCT id_operation) FROM marches) total,
        (SELECT count(DISTINCT id_operation) FROM marches WHERE year(date_notification) = 2018) y2018,
        (SELECT count(*) FROM operations) rows_, (SELECT count(*) FROM operations o WHERE o.id_operation IN (SELECT id_operation FROM marches)) used`);
    expect([n(r.total), n(r.y2018), n(r.rows_), n(r.used)]).toEqual([104, 10, 104, 104]);
  });

  test('hours carried out: a little over 318,000', async () => {
    const r = await one(`SELECT sum(heures) h FROM heures`);
    expect(n(r.h)).toBeGreaterThanOrEqual(318_100);
    expect(n(r.h)).toBeLessThan(318_900);
  });

  test('persons: 1,435 with hours, and participants.csv holds exactly them', async () => {
    const r = await one(`SELECT (SELECT count(DISTINCT id_participant) FROM heures) with_hours, (SELECT count(*) FROM participants) rows_,
        (SELECT count(*) FROM participants WHERE id_participant IN (SELECT id_participant FROM heures)) used`);
    expect([n(r.with_hours), n(r.rows_), n(r.used)]).toEqual([1435, 1435, 1435]);
  });

  test('companies that hired: 516 (« plus de 514 »); a few more contractors without hours yet', async () => {
    const r = await one(`SELECT (SELECT count(DISTINCT id_titulaire) FROM marches WHERE id_marche IN (SELECT id_marche FROM heures)) hired,
        (SELECT count(*) FROM entreprises) listed`);
    expect(n(r.hired)).toBe(516);
    expect(n(r.listed)).toBeGreaterThan(516);
  });

  test('shares of hours: SIAE 70 %, work-study 24 %, CDI 8 %', async () => {
    const r = await one(`SELECT sum(heures) FILTER (WHERE type_structure IN ('ETTI','AI','EI','ACI','EITI')) / sum(heures) siae,
        sum(heures) FILTER (WHERE type_contrat IN ('APPRENTISSAGE','PROFESSIONNALISATION')) / sum(heures) ws,
        sum(heures) FILTER (WHERE type_contrat = 'CDI') / sum(heures) cdi FROM heures`);
    expect(Math.abs(n(r.siae) - 0.7)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(n(r.ws) - 0.24)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(n(r.cdi) - 0.08)).toBeLessThanOrEqual(0.0005);
  });

  test('persons hired: 239 in work-study, 78 in CDI', async () => {
    const r = await one(`SELECT count(DISTINCT id_participant) FILTER (WHERE type_contrat IN ('APPRENTISSAGE','PROFESSIONNALISATION')) ws,
        count(DISTINCT id_participant) FILTER (WHERE type_contrat = 'CDI') cdi FROM heures`);
    expect([n(r.ws), n(r.cdi)]).toEqual([239, 78]);
  });

  test('women among beneficiaries: 3 % (May 2014) → 12.96 % (end of 2017)', async () => {
    const share = async (month: string): Promise<number> => {
      const r = await one(`WITH first AS (SELECT id_participant, min(mois) m FROM heures GROUP BY 1)
          SELECT avg(CASE WHEN p.sexe = 'F' THEN 1.0 ELSE 0 END) s FROM first f JOIN participants p USING (id_participant) WHERE f.m <= DATE '${month}-01'`);
      return n(r.s);
    };
    expect(((await share('2014-05')) * 100).toFixed(2)).toBe('3.00');
    expect(((await share('2017-12')) * 100).toFixed(2)).toBe('12.96');
  });

  test('services among clause contracts: 8 % in 2013, 20 % in 2018', async () => {
    const share = async (y: number): Promise<number> => n((await one(`SELECT avg(CASE WHEN segment = 'SERVICES' THEN 1.0 ELSE 0 END) s FROM marches WHERE year(date_notification) = ${y}`)).s);
    expect(Math.round((await share(2013)) * 100)).toBe(8);
    expect(Math.round((await share(2018)) * 100)).toBe(20);
  });

  test('award criterion: 27 contracts since 2012; 6 contracts on 2 operations in 2018', async () => {
    const r = await one(`SELECT count(*) FILTER (WHERE critere_attribution) total,
        count(*) FILTER (WHERE critere_attribution AND year(date_notification) = 2018) c2018,
        count(DISTINCT id_operation) FILTER (WHERE critere_attribution AND year(date_notification) = 2018) o2018,
        count(*) FILTER (WHERE critere_attribution AND considerations_sociales NOT LIKE '%CRITERE_SOCIAL%') inconsistent FROM marches`);
    expect([n(r.total), n(r.c2018), n(r.o2018), n(r.inconsistent)]).toEqual([27, 6, 2, 0]);
  });

  test('12 facilitators, each following at least one contract', async () => {
    const r = await one(`SELECT (SELECT count(*) FROM facilitateurs) listed,
        (SELECT count(*) FROM facilitateurs WHERE id_facilitateur IN (SELECT id_facilitateur FROM marches)) followed`);
    expect([n(r.listed), n(r.followed)]).toEqual([12, 12]);
  });

  test('7 executing directions besides finance', async () => {
    const r = await one(`SELECT count(DISTINCT direction) FILTER (WHERE direction <> 'FINANCES') d, count(*) FILTER (WHERE direction = 'FINANCES') f FROM marches`);
    expect([n(r.d), n(r.f)]).toEqual([7, 0]);
  });
});

describe('rules of the data contract', () => {
  test('every hour row lies inside the period and its contract execution', async () => {
    const r = await one(`SELECT count(*) bad FROM heures h JOIN marches m USING (id_marche)
        WHERE h.mois < DATE '2012-01-01' OR h.mois > DATE '2018-12-01'
           OR h.mois < date_trunc('month', m.date_notification)
           OR h.mois >= date_trunc('month', m.date_notification) + to_months(m.duree_mois)`);
    expect(n(r.bad)).toBe(0);
  });

  test('hours per row in (0, 208], per person and month ≤ 208', async () => {
    const r = await one(`SELECT (SELECT count(*) FROM heures WHERE NOT (heures > 0 AND heures <= 208)) bad_rows,
        (SELECT count(*) FROM (SELECT id_participant, mois, sum(heures) s FROM heures GROUP BY ALL HAVING s > 208)) bad_months`);
    expect([n(r.bad_rows), n(r.bad_months)]).toEqual([0, 0]);
  });

  test('unique keys and resolving references', async () => {
    const r = await one(`SELECT
        (SELECT count(*) - count(DISTINCT (id_participant, id_marche, mois, type_contrat, type_structure)) FROM heures) dup_hours,
        (SELECT count(*) - count(DISTINCT id_marche) FROM marches) dup_marches,
        (SELECT count(*) FROM heures WHERE id_marche NOT IN (SELECT id_marche FROM marches)) bad_marche,
        (SELECT count(*) FROM heures WHERE id_participant NOT IN (SELECT id_participant FROM participants)) bad_participant,
        (SELECT count(*) FROM marches WHERE id_operation NOT IN (SELECT id_operation FROM operations)) bad_operation,
        (SELECT count(*) FROM marches WHERE id_titulaire NOT IN (SELECT id_entreprise FROM entreprises)) bad_titulaire,
        (SELECT count(*) FROM marches WHERE id_facilitateur NOT IN (SELECT id_facilitateur FROM facilitateurs)) bad_facilitateur,
        (SELECT count(*) FROM marches WHERE id_acheteur <> '23440003400026' OR departement NOT IN ('44','49','53','72','85')) bad_marche_fields,
        (SELECT count(*) FROM participants WHERE NOT regexp_full_match(id_participant, '[A-Z]{1,4}[0-9]{3,9}')) bad_pseudonym`);
    expect(Object.values(r).map(n)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('planned hours are plausible: carried out mostly 80–130 % of planned on finished contracts', async () => {
    const r = await one(`WITH done AS (SELECT m.id_marche, m.heures_prevues p, sum(h.heures) h FROM marches m JOIN heures h USING (id_marche)
          WHERE date_trunc('month', m.date_notification) + to_months(m.duree_mois) <= DATE '2019-01-01' GROUP BY ALL)
        SELECT avg(CASE WHEN h / p BETWEEN 0.79 AND 1.31 THEN 1.0 ELSE 0 END) inside, max(h / p) top FROM done`);
    expect(n(r.inside)).toBeGreaterThan(0.75);
    expect(n(r.top)).toBeLessThan(2);
  });

  test('publics agree with the qpv / rqth flags', async () => {
    const r = await one(`SELECT count(*) FILTER (WHERE qpv <> (publics LIKE '%QPV%')) bad_qpv, count(*) FILTER (WHERE rqth <> (publics LIKE '%TH%')) bad_th FROM participants`);
    expect([n(r.bad_qpv), n(r.bad_th)]).toEqual([0, 0]);
  });
});

describe('files', () => {
  test('deterministic: two runs give byte-identical files, equal to the committed sample', () => {
    for (const file of readdirSync(first)) {
      const a = readFileSync(join(first, file));
      expect(a.equals(readFileSync(join(second, file))), `${file} differs between runs`).toBe(true);
      expect(a.equals(readFileSync(join(COMMITTED, file))), `${file} differs from data/pays-de-la-loire (run npm run generate)`).toBe(true);
    }
  });

  test('export look: CRLF, Windows-1252 for the Excel files (accents survive), UTF-8 with BOM for the others', () => {
    for (const file of readdirSync(first).filter((f) => f.endsWith('.csv'))) {
      const bytes = readFileSync(join(first, file));
      const text = bytes.toString('latin1');
      expect(text.split('\r\n').length - 1, file).toBe(text.split('\n').length - 1);
      if (WINDOWS_1252.has(file)) {
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), file).toThrow();
        expect(new TextDecoder('windows-1252').decode(bytes)).toMatch(/[éèœ—]/);
      } else {
        expect([...bytes.subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
      }
    }
  });

  test('scale ×10 multiplies the rows by 10 exactly (the facilitators stay 12), with unique keys', async () => {
    for (const [file, count] of Object.entries(baseResult.rows)) {
      expect(scaledResult.rows[file], file).toBe(file === 'facilitateurs.csv' ? count : count * 10);
    }
    const r = await one(`SELECT (SELECT count(*) FROM x10_heures) hours_rows, (SELECT count(DISTINCT id_participant) FROM x10_heures) persons,
        (SELECT count(*) - count(DISTINCT id_marche) FROM x10_marches) dup_marches,
        (SELECT count(*) - count(DISTINCT (id_participant, id_marche, mois, type_contrat, type_structure)) FROM x10_heures) dup_hours,
        (SELECT count(*) FROM x10_heures WHERE id_marche NOT IN (SELECT id_marche FROM x10_marches)) bad_marche,
        (SELECT count(*) FROM x10_marches WHERE id_titulaire NOT IN (SELECT id_entreprise FROM x10_entreprises)) bad_titulaire,
        (SELECT round(sum(heures), 2) FROM x10_heures) total_x10, (SELECT round(sum(heures), 2) * 10 FROM heures) total_times10`);
    expect(n(r.hours_rows)).toBe(baseResult.rows['heures.csv']! * 10);
    expect(n(r.persons)).toBe(14_350);
    expect([n(r.dup_marches), n(r.dup_hours), n(r.bad_marche), n(r.bad_titulaire)]).toEqual([0, 0, 0, 0]);
    expect(n(r.total_x10)).toBeCloseTo(n(r.total_times10), 1);
    expect(readFileSync(join(scaled, 'metadonnees.json'), 'utf8')).toBe(readFileSync(join(first, 'metadonnees.json'), 'utf8'));
  });
});
