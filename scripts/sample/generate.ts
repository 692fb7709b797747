/** Builds the sample, checks it against the published figures and writes it (scaled if asked). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, DEFAULT_SEED, figures } from './model.ts';
import { Rng } from './rng.ts';
import { buildTables, METADATA } from './tables.ts';
import { TARGETS } from './targets.ts';
import { writeTable } from './write.ts';

export interface GenerateOptions {
  out: string;
  /** Copies of the dataset, with suffixed identifiers (1 = the committed sample). */
  scale?: number;
  seed?: number;
  /** Another publisher id and name than the Région's (a second publisher for tests). */
  publisher?: { id?: string; nom?: string };
}

export interface GenerateResult {
  rows: Record<string, number>;
  milliseconds: number;
}

/** Throws when the model does not reproduce a published figure exactly. */
export function checkCalibration(f: ReturnType<typeof figures>): void {
  const problems: string[] = [];
  const expect = (name: string, ok: boolean, got: unknown): void => {
    if (!ok) problems.push(`${name}: ${JSON.stringify(got)}`);
  };
  const near = (x: number, target: number): boolean => Math.abs(x - target) <= TARGETS.shareTolerance;
  expect('contracts', f.contracts === TARGETS.contracts, f.contracts);
  expect('contracts 2018', f.contracts2018 === TARGETS.contracts2018, f.contracts2018);
  expect('operations', f.operations === TARGETS.operations, f.operations);
  expect('operations 2018', f.operations2018 === TARGETS.operations2018, f.operations2018);
  expect('hours', f.hours >= TARGETS.hoursMin && f.hours < TARGETS.hoursMax, f.hours);
  expect('persons', f.persons === TARGETS.persons, f.persons);
  expect('companies that hired', f.hiringCompanies === TARGETS.hiringCompanies, f.hiringCompanies);
  expect('SIAE share', near(f.siaeShare, TARGETS.siaeShare), f.siaeShare);
  expect('work-study share', near(f.workStudyShare, TARGETS.workStudyShare), f.workStudyShare);
  expect('work-study persons', f.workStudyPersons === TARGETS.workStudyPersons, f.workStudyPersons);
  expect('CDI share', near(f.cdiShare, TARGETS.cdiShare), f.cdiShare);
  expect('CDI persons', f.cdiPersons === TARGETS.cdiPersons, f.cdiPersons);
  expect('women May 2014', f.womenMay2014[0] === TARGETS.womenMay2014.women && f.womenMay2014[1] === TARGETS.womenMay2014.persons, f.womenMay2014);
  expect('women end 2017', f.womenEnd2017[0] === TARGETS.womenEnd2017.women && f.womenEnd2017[1] === TARGETS.womenEnd2017.persons, f.womenEnd2017);
  expect('services 2013', Math.round(f.services2013 * 100) === 8, f.services2013);
  expect('services 2018', Math.round(f.services2018 * 100) === 20, f.services2018);
  expect('award criterion', f.awardCriterion === TARGETS.awardCriterion, f.awardCriterion);
  expect('award criterion 2018', f.awardCriterion2018[0] === 6 && f.awardCriterion2018[1] === 2, f.awardCriterion2018);
  expect('facilitators', f.facilitators === TARGETS.facilitators, f.facilitators);
  expect('directions', f.directions === TARGETS.directions, f.directions);
  if (problems.length > 0) throw new Error(`sample is off the published figures:\n  ${problems.join('\n  ')}`);
}

export function generateSample({ out, scale = 1, seed = DEFAULT_SEED, publisher = {} }: GenerateOptions): GenerateResult {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale must be a positive integer, not ${scale}`);
  const t0 = performance.now();
  const model = buildModel(seed);
  checkCalibration(figures(model));
  mkdirSync(out, { recursive: true });
  // Another publisher says nothing of the Région: its profile stays with the Région.
  const { profil, ...base } = METADATA;
  const metadata = publisher.id || publisher.nom ? { ...base, ...publisher } : { ...base, profil };
  writeFileSync(join(out, 'metadonnees.json'), `${JSON.stringify(metadata, null, 2)}\n`);
  const rows: Record<string, number> = {};
  for (const table of buildTables(model, new Rng(seed))) rows[table.file] = writeTable(join(out, table.file), table, scale);
  return { rows, milliseconds: Math.round(performance.now() - t0) };
}
