/**
 * Child process: the DuckDB reference on the same heures.csv, in memory, timed by phase.
 *
 *   load   read_csv into a table (types given, so no type sniffing; decimal commas)
 *   query  the group-by totals of ./totals.ts, results read into JS
 *
 * DuckDB does no validation: no enumerations, ranges, references, anonymisation guard or
 * cross-table rules; it only parses heures.csv. It runs on all cores (`threads`).
 *
 *   node --import tsx scripts/bench/duckdb.ts --csv .cache/bench/x263/pays-de-la-loire/heures.csv
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { Stopwatch, writeResult } from './child.ts';
import { DUCKDB_QUERIES, totalsFromDuckDb, type DuckDbRows } from './totals.ts';

const { values } = parseArgs({
  options: {
    csv: { type: 'string' },
    scale: { type: 'string', default: '0' },
    result: { type: 'string' },
  },
});
if (!values.csv) throw new Error('--csv is required');
const csv = resolve(values.csv).replaceAll("'", "''");

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const rows = async <T>(sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS() as T[];
const threads = Number((await rows<{ threads: string }>(`SELECT current_setting('threads')::VARCHAR AS threads`))[0]?.threads);

const clock = new Stopwatch();
await db.run(`
  CREATE TABLE heures AS SELECT * FROM read_csv('${csv}',
    delim = ';', decimal_separator = ',', header = true,
    columns = {
      'id_participant': 'VARCHAR', 'id_marche': 'VARCHAR', 'mois': 'VARCHAR', 'heures': 'DOUBLE',
      'type_contrat': 'VARCHAR', 'modalite': 'VARCHAR', 'type_structure': 'VARCHAR'
    })`);
clock.lap('load');
const result: DuckDbRows = {
  hoursByYearStructure: await rows(DUCKDB_QUERIES.hoursByYearStructure),
  byContractType: await rows(DUCKDB_QUERIES.byContractType),
  persons: await rows(DUCKDB_QUERIES.persons),
};
clock.lap('query');
const measured = clock.finish();
const n = Number((await rows<{ n: number | bigint }>(`SELECT count(*) AS n FROM heures`))[0]?.n);
db.closeSync();
instance.closeSync();

await writeResult(values.result, {
  engine: 'duckdb',
  scale: Number(values.scale),
  ok: true,
  hourRows: n,
  rowsByFile: { 'heures.csv': n },
  threads,
  totals: totalsFromDuckDb(result),
  ...measured,
});
