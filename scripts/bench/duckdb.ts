/**
 * Child process: the DuckDB reference, in memory, timed by phase.
 *
 *   load   read_csv into tables (types given, so no type sniffing; decimal commas)
 *   query  the group-by totals of ./totals.ts on `heures`, results read into JS
 *
 * Two variants:
 * - `--csv heures.csv`: heures.csv only (the comparison issue 2 names);
 * - `--dir <publisher folder>`: the six tables, like for like with ours as far as reading goes:
 *   every column typed from the data contract (numbers DOUBLE, integers BIGINT, dates DATE, the rest
 *   VARCHAR, see `typed`), then the same queries on `heures`. The folder is the UTF-8
 *   copy of the sample (datasets.ts `utf8Dir`): DuckDB cannot read Windows-1252 without an
 *   extension this machine cannot download, so it is spared that decoding.
 * DuckDB does no validation either way: no enumerations, ranges, references, anonymisation guard
 * or cross-table rules. It runs on all cores (`threads`).
 *
 *   node --import tsx scripts/bench/duckdb.ts --csv .cache/bench/x263/pays-de-la-loire/heures.csv
 *   node --import tsx scripts/bench/duckdb.ts --dir .cache/bench/x263/pays-de-la-loire
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import type { FieldDef } from '../../src/schemas/field.ts';
import { TABLES } from '../../src/schemas/index.ts';
import { Stopwatch, writeResult } from './child.ts';
import { DUCKDB_QUERIES, totalsFromDuckDb, type DuckDbRows } from './totals.ts';

const { values } = parseArgs({
  options: {
    csv: { type: 'string' },
    dir: { type: 'string' },
    scale: { type: 'string', default: '0' },
    result: { type: 'string' },
  },
});
if (!values.csv === !values.dir) throw new Error('one of --csv or --dir is required');
const quoted = (path: string) => resolve(path).replaceAll("'", "''");

const setupStart = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const setupMs = performance.now() - setupStart;
const rows = async <T>(sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS() as T[];
const threads = Number((await rows<{ threads: string }>(`SELECT current_setting('threads')::VARCHAR AS threads`))[0]?.threads);

const clock = new Stopwatch();
if (values.csv) {
  await db.run(`
  CREATE TABLE heures AS SELECT * FROM read_csv('${quoted(values.csv)}',
    delim = ';', decimal_separator = ',', header = true,
    columns = {
      'id_participant': 'VARCHAR', 'id_marche': 'VARCHAR', 'mois': 'VARCHAR', 'heures': 'DOUBLE',
      'type_contrat': 'VARCHAR', 'modalite': 'VARCHAR', 'type_structure': 'VARCHAR'
    })`);
} else {
  for (const def of TABLES) await loadTable(def.name, join(values.dir!, def.file), def.fields);
}
clock.lap('load');
const result: DuckDbRows = {
  hoursByYearStructure: await rows(DUCKDB_QUERIES.hoursByYearStructure),
  byContractType: await rows(DUCKDB_QUERIES.byContractType),
  persons: await rows(DUCKDB_QUERIES.persons),
};
clock.lap('query');
const measured = clock.finish();
const n = Number((await rows<{ n: number | bigint }>(`SELECT count(*) AS n FROM heures`))[0]?.n);
const rowsByFile = values.csv ? { 'heures.csv': n } : await rowsByTable();
db.closeSync();
instance.closeSync();

await writeResult(values.result, {
  engine: 'duckdb',
  scale: Number(values.scale),
  ok: true,
  hourRows: n,
  rowsByFile,
  threads,
  setupMs,
  totals: totalsFromDuckDb(result),
  ...measured,
});

/**
 * The SQL expression typing a column read as text: numbers and integers without thousands
 * separators and with a decimal point (the sample writes `1 254 300,00`, which `read_csv`'s DOUBLE
 * refuses), dates from `dd/mm/yyyy` or ISO; the rest stays text. A value that does not convert is
 * an error (CAST, not TRY_CAST): the sample is valid, so every value must.
 */
function typed(column: string, field: FieldDef | undefined): string {
  const c = `"${column.replaceAll('"', '""')}"`;
  const number = `replace(regexp_replace(trim(${c}), '[ \u00a0\u202f]', '', 'g'), ',', '.')`;
  if (field?.kind === 'number') return `CAST(${number} AS DOUBLE) AS ${c}`;
  if (field?.kind === 'integer') return `CAST(CAST(${number} AS DOUBLE) AS BIGINT) AS ${c}`;
  if (field?.kind === 'date') return `CAST(CASE WHEN ${c} LIKE '%/%' THEN strptime(trim(${c}), '%d/%m/%Y') ELSE CAST(trim(${c}) AS DATE) END AS DATE) AS ${c}`;
  return c;
}

/** One table, every column typed as the data contract says (see {@link typed}). */
async function loadTable(name: string, path: string, fields: Readonly<Record<string, FieldDef>>): Promise<void> {
  const source = `read_csv('${quoted(path)}', delim = ';', header = true, all_varchar = true)`;
  const header = (await db.runAndReadAll(`SELECT * FROM ${source} LIMIT 0`)).columnNames();
  const select = header.map((c) => typed(c, fields[c.trim().toLowerCase()])).join(', ');
  await db.run(`CREATE TABLE ${name} AS SELECT ${select} FROM ${source}`);
}

async function rowsByTable(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const def of TABLES) out[def.file] = Number((await rows<{ n: number | bigint }>(`SELECT count(*) AS n FROM ${def.name}`))[0]?.n);
  return out;
}
