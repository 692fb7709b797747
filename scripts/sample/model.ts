/**
 * The synthetic dataset of the Région Pays de la Loire, in memory: operations and contracts,
 * persons and their hours (calibrated on the published figures), participants, companies.
 */
import { calibratedHours } from './calibrate.ts';
import { monthIndex, type MonthIndex } from './calendar.ts';
import { assignCompanies, deriveMoney, type Company } from './companies.ts';
import { buildOperations, type Contract, type Operation } from './contracts.ts';
import { buildParticipants, type Participant } from './participants.ts';
import { ContractIndex, drawPersons, placeStarts, type HourRow } from './persons.ts';
import { Rng } from './rng.ts';

export const DEFAULT_SEED = 0.2019063;

export interface SampleModel {
  operations: Operation[];
  contracts: Contract[];
  companies: Company[];
  participants: Participant[];
  rows: HourRow[];
}

/** Contracts that have no hours yet at the end of the period: the latest ones, and a few others. */
function markWithHours(contracts: readonly Contract[], rng: Rng): void {
  const r = rng.fork('with-hours');
  for (const c of contracts) {
    const m = c.notificationMonth;
    if (m >= monthIndex(2018, 10)) c.withHours = false;
    else if (m >= monthIndex(2018, 7)) c.withHours = r.chance(0.5);
    else c.withHours = !r.chance(c.segment === 'TRAVAUX' || c.segment === 'SERVICES' ? 0.008 : 0.08);
  }
}

export function buildModel(seed = DEFAULT_SEED): SampleModel {
  const rng = new Rng(seed);
  const operations = buildOperations(rng.fork('contracts'));
  const contracts = operations.flatMap((o) => o.contracts);
  markWithHours(contracts, rng);
  const index = new ContractIndex(contracts);
  const persons = placeStarts(drawPersons(rng), index, rng);
  const rows = calibratedHours(persons, index, rng);
  const participants = buildParticipants(persons, rows, rng);
  deriveMoney(contracts, rows, rng);
  const companies = assignCompanies(contracts, rng);
  // Follow-up export order: by contract, then person, then month.
  const pid = new Map(participants.map((p) => [p.person, p.id]));
  rows.sort((a, b) =>
    a.contract.id !== b.contract.id
      ? a.contract.id < b.contract.id
        ? -1
        : 1
      : pid.get(a.person) !== pid.get(b.person)
        ? (pid.get(a.person) as string) < (pid.get(b.person) as string)
          ? -1
          : 1
        : a.month - b.month || (a.typeContrat < b.typeContrat ? -1 : 1),
  );
  return { operations, contracts, companies, participants, rows };
}

/** The published figures, computed on the model (the generator refuses to write a miscalibrated sample). */
export function figures(model: SampleModel) {
  const { contracts, rows, participants } = model;
  const byPerson = new Map(participants.map((p) => [p.person, p]));
  const total = rows.reduce((s, r) => s + r.centihours, 0);
  const share = (f: (r: HourRow) => boolean): number => rows.reduce((s, r) => s + (f(r) ? r.centihours : 0), 0) / total;
  const persons = (f: (r: HourRow) => boolean): number => new Set(rows.filter(f).map((r) => r.person)).size;
  const SIAE = new Set(['ETTI', 'AI', 'EI', 'ACI', 'EITI']);
  const workStudy = (r: HourRow): boolean => r.typeContrat === 'APPRENTISSAGE' || r.typeContrat === 'PROFESSIONNALISATION';
  const firstMonth = new Map<unknown, MonthIndex>();
  for (const r of rows) firstMonth.set(r.person, Math.min(firstMonth.get(r.person) ?? Infinity, r.month));
  const women = (last: MonthIndex): [number, number] => {
    const started = [...firstMonth].filter(([, m]) => m <= last).map(([p]) => byPerson.get(p as Participant['person']) as Participant);
    return [started.filter((p) => p.sexe === 'F').length, started.length];
  };
  const year = (y: number) => contracts.filter((c) => c.notification.year === y);
  const servicesShare = (y: number): number => year(y).filter((c) => c.segment === 'SERVICES').length / year(y).length;
  const withRows = new Set(rows.map((r) => r.contract));
  const hoursByYear: Record<number, number> = {};
  for (const r of rows) hoursByYear[Math.floor(r.month / 12)] = (hoursByYear[Math.floor(r.month / 12)] ?? 0) + r.centihours / 100;
  return {
    contracts: contracts.length,
    contracts2018: year(2018).length,
    operations: new Set(contracts.map((c) => c.operation)).size,
    operations2018: new Set(year(2018).map((c) => c.operation)).size,
    hours: total / 100,
    persons: persons(() => true),
    hiringCompanies: new Set([...withRows].map((c) => c.titulaire)).size,
    companies: model.companies.length,
    siaeShare: share((r) => SIAE.has(r.typeStructure)),
    workStudyShare: share(workStudy),
    workStudyPersons: persons(workStudy),
    cdiShare: share((r) => r.typeContrat === 'CDI'),
    cdiPersons: persons((r) => r.typeContrat === 'CDI'),
    womenMay2014: women(monthIndex(2014, 5)),
    womenEnd2017: women(monthIndex(2017, 12)),
    services2013: servicesShare(2013),
    services2018: servicesShare(2018),
    awardCriterion: contracts.filter((c) => c.critere).length,
    awardCriterion2018: [
      year(2018).filter((c) => c.critere).length,
      new Set(
        year(2018)
          .filter((c) => c.critere)
          .map((c) => c.operation),
      ).size,
    ],
    facilitators: new Set(contracts.map((c) => c.facilitator)).size,
    directions: new Set(contracts.map((c) => c.direction)).size,
    contractsWithHours: withRows.size,
    hoursByYear,
  };
}
