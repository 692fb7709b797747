/** Pseudonymous beneficiaries: sex (calibrated), age band, education, publics, exit situation. */
import { START_BUCKETS, womanPropensity, type AgeBand, type HourRow, type Person } from './persons.ts';
import { monthIndex, type MonthIndex } from './calendar.ts';
import type { Rng } from './rng.ts';

export interface Participant {
  id: string;
  person: Person;
  sexe: 'F' | 'H';
  trancheAge: AgeBand;
  niveauFormation: string;
  publics: string[];
  qpv: boolean;
  rqth: boolean;
  situationSortie: string;
}

/** Canonical order of public codes (as in the eligibility reference files). */
const PUBLIC_ORDER = ['RSA', 'ASS', 'AAH', 'DETLD', 'DELD', 'JEUNE', 'SENIOR', 'TH', 'QPV', 'ZRR', 'PI', 'ASE', 'REF_DA', 'PSH_PR', 'DETENTION_MJ', 'FLE', 'PM', 'CAP_BEP', 'AUTRE'];

/**
 * Women: within each bucket of first month, exactly the published number, chosen among the
 * persons most likely to be women given the work they started on (services, mostly).
 */
function drawSexes(persons: readonly Person[], rng: Rng): Map<Person, 'F' | 'H'> {
  const sexes = new Map<Person, 'F' | 'H'>();
  let lo = -Infinity;
  for (const bucket of START_BUCKETS) {
    const inBucket = persons.filter((p) => p.start > lo && p.start <= bucket.last);
    if (inBucket.length !== bucket.persons) throw new Error(`bucket ≤ ${bucket.last}: ${inBucket.length} persons, expected ${bucket.persons}`);
    const scored = inBucket.map((p) => ({ p, score: womanPropensity(p) + rng.normal(0, 0.9) })).sort((a, b) => b.score - a.score);
    scored.forEach(({ p }, i) => sexes.set(p, i < bucket.women ? 'F' : 'H'));
    lo = bucket.last;
  }
  return sexes;
}

function drawPublics(age: AgeBand, niveau: string, qpv: boolean, rqth: boolean, r: Rng): string[] {
  const set = new Set<string>();
  if (age === 'MOINS_26') {
    set.add('JEUNE');
    if (r.chance(0.15)) set.add('DELD');
    if (r.chance(0.04)) set.add('ASE');
  } else {
    const duration = r.table([
      ['DELD', 0.4],
      ['DETLD', 0.32],
      ['', 0.28],
    ]);
    if (duration) set.add(duration);
    if (age === '50_PLUS' && r.chance(0.75)) set.add('SENIOR');
    if (r.chance(0.3)) set.add('RSA');
    else if (duration && r.chance(0.1)) set.add('ASS');
  }
  if (rqth) {
    set.add('TH');
    if (r.chance(0.3)) set.add('AAH');
  }
  if (qpv) set.add('QPV');
  if ((niveau === 'INFRA_3' || niveau === 'NIVEAU_3') && r.chance(0.18)) set.add('CAP_BEP');
  if (r.chance(0.04)) set.add('ZRR');
  if (r.chance(0.04)) set.add('PI');
  if (r.chance(0.02)) set.add('REF_DA');
  if (r.chance(0.02)) set.add('PSH_PR');
  if (r.chance(0.015)) set.add('DETENTION_MJ');
  if (r.chance(0.03)) set.add('FLE');
  if (r.chance(0.05)) set.add('PM');
  if (set.size === 0) set.add(r.chance(0.8) ? 'DELD' : 'AUTRE');
  return PUBLIC_ORDER.filter((c) => set.has(c));
}

const LATE = monthIndex(2018, 10);

function drawExit(person: Person, lastMonth: MonthIndex, r: Rng): string {
  if (lastMonth >= LATE)
    return r.table([
      ['EN_COURS', 0.85],
      ['INCONNUE', 0.15],
    ]);
  const kinds = person.pathway.segments;
  if (kinds.includes('D'))
    return r.table([
      ['EMPLOI_DURABLE', 0.8],
      ['EMPLOI_TEMPORAIRE', 0.08],
      ['AUTRE', 0.04],
      ['INCONNUE', 0.08],
    ]);
  if (kinds.includes('C') || kinds.includes('B'))
    return r.table([
      ['EMPLOI_DURABLE', 0.45],
      ['FORMATION', 0.15],
      ['EMPLOI_TEMPORAIRE', 0.15],
      ['DEMANDEUR_EMPLOI', 0.12],
      ['INCONNUE', 0.13],
    ]);
  return r.table([
    ['EMPLOI_DURABLE', 0.15],
    ['EMPLOI_TEMPORAIRE', 0.27],
    ['FORMATION', 0.1],
    ['DEMANDEUR_EMPLOI', 0.3],
    ['AUTRE', 0.06],
    ['INCONNUE', 0.12],
  ]);
}

export function buildParticipants(persons: readonly Person[], rows: readonly HourRow[], rng: Rng): Participant[] {
  const r = rng.fork('participants');
  const sexes = drawSexes(persons, r.fork('sexes'));
  const lastMonth = new Map<Person, MonthIndex>();
  const onIntellectual = new Set<Person>();
  for (const row of rows) {
    lastMonth.set(row.person, Math.max(lastMonth.get(row.person) ?? 0, row.month));
    if (row.contract.segment === 'PRESTATIONS_INTELLECTUELLES') onIntellectual.add(row.person);
  }
  const ids = r.distinctInts(persons.length, 100000, 999999);
  return persons.map((person, i) => {
    const workStudy = person.pathway.segments.includes('C') || person.pathway.segments.includes('B');
    const niveauFormation = onIntellectual.has(person)
      ? r.table([
          ['NIVEAU_4', 0.45],
          ['NIVEAU_5_PLUS', 0.35],
          ['NIVEAU_3', 0.2],
        ])
      : workStudy
        ? r.table([
            ['NIVEAU_3', 0.4],
            ['INFRA_3', 0.3],
            ['NIVEAU_4', 0.22],
            ['NIVEAU_5_PLUS', 0.03],
            ['INCONNU', 0.05],
          ])
        : r.table([
            ['INFRA_3', 0.44],
            ['NIVEAU_3', 0.34],
            ['NIVEAU_4', 0.11],
            ['NIVEAU_5_PLUS', 0.03],
            ['INCONNU', 0.08],
          ]);
    const qpv = r.chance(0.17);
    const rqth = r.chance(person.age === '50_PLUS' ? 0.12 : 0.065);
    return {
      id: `P${ids[i]}`,
      person,
      sexe: sexes.get(person) as 'F' | 'H',
      trancheAge: person.age,
      niveauFormation,
      publics: drawPublics(person.age, niveauFormation, qpv, rqth, r),
      qpv,
      rqth,
      situationSortie: drawExit(person, lastMonth.get(person) as MonthIndex, r),
    };
  });
}
