/**
 * Beneficiaries and their hours. Who counts where is fixed by construction (each person follows
 * a pathway whose kinds of contract are known in advance); hours are drawn, then calibrated.
 *
 * Coherent combinations (modalite, type_structure, type_contrat) used here:
 * - ENTREPRISE (the contractor itself) ↔ EMBAUCHE_DIRECTE: CDI, CDD, APPRENTISSAGE, PROFESSIONNALISATION;
 * - ETTI ↔ MISE_A_DISPOSITION: CTTI, or PROFESSIONNALISATION (contrat de professionnalisation intérimaire);
 * - AI ↔ MISE_A_DISPOSITION: CDDI;
 * - GEIQ ↔ MISE_A_DISPOSITION: PROFESSIONNALISATION, APPRENTISSAGE;
 * - EI, ACI ↔ SOUS_TRAITANCE: CDDI (EI also PROFESSIONNALISATION); EITI ↔ SOUS_TRAITANCE: AUTRE
 *   (self-employed worker's contract);
 * - EI or ACI that won a reserved lot is itself the contractor ↔ EMBAUCHE_DIRECTE: CDDI;
 * - ORGANISME_FORMATION ↔ FORMATION: AUTRE (pre-employment training counted by the clause).
 * INTERIM is not used: a classic temp agency is not among the structures of the contract.
 */
import { PERIOD_END, monthIndex, type MonthIndex } from './calendar.ts';
import type { Contract } from './contracts.ts';
import type { Rng } from './rng.ts';
import { SERVICE_KINDS } from './reference.ts';

/** Kind of a stretch of a pathway. A..E are the disjoint classes the shares are calibrated on. */
export type SegmentClass = 'A' | 'B' | 'C' | 'D' | 'CDD' | 'FORM';
/** A: SIAE, not work-study · B: SIAE work-study · C: work-study outside SIAE · D: CDI · E: the rest. */
export type ShareClass = 'A' | 'B' | 'C' | 'D' | 'E';
export const shareClass = (c: SegmentClass): ShareClass => (c === 'CDD' || c === 'FORM' ? 'E' : c);
export const SHARE_CLASSES: readonly ShareClass[] = ['A', 'B', 'C', 'D', 'E'];

export type AgeBand = 'MOINS_26' | '26_49' | '50_PLUS';

export interface Pathway {
  kind: string;
  segments: readonly SegmentClass[];
  count: number;
}

/**
 * 1,435 persons. Work-study (B or C): 25 + 40 + 166 + 8 = 239. CDI: 20 + 8 + 50 = 78.
 */
export const PATHWAYS: readonly Pathway[] = [
  { kind: 'siae', segments: ['A'], count: 1051 },
  { kind: 'siae-then-cdi', segments: ['A', 'D'], count: 20 },
  { kind: 'siae-then-work-study', segments: ['A', 'C'], count: 25 },
  { kind: 'siae-work-study', segments: ['B'], count: 40 },
  { kind: 'work-study', segments: ['C'], count: 166 },
  { kind: 'work-study-then-cdi', segments: ['C', 'D'], count: 8 },
  { kind: 'cdi', segments: ['D'], count: 50 },
  { kind: 'cdd', segments: ['CDD'], count: 45 },
  { kind: 'training-then-siae', segments: ['FORM', 'A'], count: 30 },
];

interface SegmentDraw {
  cls: SegmentClass;
  /** Hours before calibration scaling. */
  hours: number;
  /** Usual hours per month. */
  intensity: number;
}

export interface Person {
  index: number;
  pathway: Pathway;
  segments: SegmentDraw[];
  age: AgeBand;
  start: MonthIndex;
  firstContract: Contract;
}

export interface HourRow {
  person: Person;
  contract: Contract;
  month: MonthIndex;
  /** Hundredths of an hour (integers keep sums exact). */
  centihours: number;
  typeContrat: string;
  modalite: string;
  typeStructure: string;
  shareClass: ShareClass;
}

const SEGMENT_HOURS: Record<SegmentClass, { median: number; sigma: number; min: number; max: number; intensity: [number, number] }> = {
  A: { median: 62, sigma: 1.4, min: 14, max: 2400, intensity: [45, 150] },
  B: { median: 380, sigma: 0.5, min: 70, max: 1400, intensity: [80, 140] },
  C: { median: 280, sigma: 0.55, min: 35, max: 1300, intensity: [70, 130] },
  D: { median: 290, sigma: 0.6, min: 35, max: 1400, intensity: [110, 151.67] },
  CDD: { median: 150, sigma: 0.6, min: 21, max: 700, intensity: [90, 151.67] },
  FORM: { median: 95, sigma: 0.35, min: 21, max: 210, intensity: [35, 140] },
};

function drawAge(pathway: Pathway, rng: Rng): AgeBand {
  const first = pathway.segments[0];
  if (first === 'C')
    return rng.table([
      ['MOINS_26', 0.78],
      ['26_49', 0.2],
      ['50_PLUS', 0.02],
    ]);
  if (first === 'B')
    return rng.table([
      ['MOINS_26', 0.4],
      ['26_49', 0.55],
      ['50_PLUS', 0.05],
    ]);
  if (first === 'D')
    return rng.table([
      ['MOINS_26', 0.15],
      ['26_49', 0.65],
      ['50_PLUS', 0.2],
    ]);
  if (pathway.segments.includes('C'))
    return rng.table([
      ['MOINS_26', 0.7],
      ['26_49', 0.3],
    ]);
  return rng.table([
    ['MOINS_26', 0.26],
    ['26_49', 0.54],
    ['50_PLUS', 0.2],
  ]);
}

export function drawPersons(rng: Rng): Omit<Person, 'start' | 'firstContract'>[] {
  const r = rng.fork('persons');
  const out: Omit<Person, 'start' | 'firstContract'>[] = [];
  for (const pathway of PATHWAYS) {
    for (let i = 0; i < pathway.count; i++) {
      const segments = pathway.segments.map((cls) => {
        const s = SEGMENT_HOURS[cls];
        const hours = Math.min(s.max, Math.max(s.min, r.logNormal(s.median, s.sigma)));
        return { cls, hours, intensity: r.uniform(s.intensity[0], s.intensity[1]) };
      });
      out.push({ index: out.length, pathway, segments, age: drawAge(pathway, r) });
    }
  }
  return r.shuffle(out).map((p, index) => ({ ...p, index }));
}

/** Whether a kind of stretch can be carried out on a contract. */
export function compatible(cls: SegmentClass, c: Contract): boolean {
  if (c.reservedTo) return cls === 'A';
  switch (cls) {
    case 'A':
      return c.segment !== 'PRESTATIONS_INTELLECTUELLES';
    case 'B':
    case 'FORM':
      return c.segment === 'TRAVAUX' || c.segment === 'SERVICES';
    default:
      return true;
  }
}

const activeAt = (c: Contract, m: MonthIndex): boolean => c.withHours && m >= c.notificationMonth && m <= c.lastMonth;
const windowLength = (c: Contract): number => c.lastMonth - c.notificationMonth + 1;

export class ContractIndex {
  readonly byMonth = new Map<MonthIndex, Contract[]>();
  constructor(readonly contracts: readonly Contract[]) {
    for (const c of contracts) {
      if (!c.withHours) continue;
      for (let m = c.notificationMonth; m <= c.lastMonth; m++) {
        const list = this.byMonth.get(m) ?? [];
        list.push(c);
        this.byMonth.set(m, list);
      }
    }
  }

  /** Hours capacity of a month: the weight of active contracts, spread over their windows. */
  capacity(m: MonthIndex): number {
    return (this.byMonth.get(m) ?? []).reduce((s, c) => s + c.weight / windowLength(c), 0);
  }

  pick(m: MonthIndex, cls: SegmentClass, rng: Rng, opts: { departement?: string; months?: number; exclude?: Contract } = {}): Contract | undefined {
    const candidates = (this.byMonth.get(m) ?? []).filter((c) => compatible(cls, c) && c !== opts.exclude);
    if (candidates.length === 0) return undefined;
    return rng.weighted(candidates, (c) => {
      let w = c.weight / Math.sqrt(windowLength(c));
      // Design and supplies contracts employ few people: they get the odd hire, not a crew.
      if (c.segment === 'PRESTATIONS_INTELLECTUELLES' || c.segment === 'FOURNITURES') w *= 0.2;
      if (opts.departement && c.departement === opts.departement) w *= 4;
      if (opts.months && c.lastMonth - m + 1 < opts.months) w *= 0.3;
      return w;
    });
  }
}

/** Persons whose first month with hours falls in each bucket (women shares are computed on them). */
export const START_BUCKETS: readonly { last: MonthIndex; persons: number; women: number }[] = [
  { last: monthIndex(2014, 5), persons: 300, women: 9 },
  { last: monthIndex(2017, 12), persons: 850, women: 140 },
  { last: PERIOD_END, persons: 285, women: 66 },
];
/** A person with two stretches starts early enough for both to fit in the period. */
const LAST_START_TWO_STRETCHES = monthIndex(2018, 9);

const bucketOf = (m: MonthIndex): number => START_BUCKETS.findIndex((b) => m <= b.last);

/**
 * Gives each person a first month and a first contract. Every contract that has hours gets at
 * least one person first (so "companies that hired" is known by construction), then the others
 * start in proportion to the work going on, within the fixed number of starts per bucket.
 */
export function placeStarts(drafts: Omit<Person, 'start' | 'firstContract'>[], index: ContractIndex, rng: Rng): Person[] {
  const r = rng.fork('starts');
  const quota = START_BUCKETS.map((b) => b.persons);
  const pool = drafts.slice();
  const persons: Person[] = [];
  const take = (accept: (p: Omit<Person, 'start' | 'firstContract'>) => boolean): Omit<Person, 'start' | 'firstContract'> | undefined => {
    const candidates = pool.filter(accept);
    if (candidates.length === 0) return undefined;
    // Uniform over persons, i.e. pathways in proportion to how many of them are left.
    const chosen = r.pick(candidates);
    pool.splice(pool.indexOf(chosen), 1);
    return chosen;
  };

  const withHours = index.contracts
    .filter((c) => c.withHours)
    .slice()
    .sort((a, b) => a.notificationMonth - b.notificationMonth || (a.id < b.id ? -1 : 1));
  for (const c of withHours) {
    const span = windowLength(c);
    const early = Math.max(1, Math.ceil(span * 0.4));
    const months: MonthIndex[] = [];
    for (let m = c.notificationMonth; m < c.notificationMonth + early && m <= c.lastMonth; m++) months.push(m);
    let usable = months.filter((m) => (quota[bucketOf(m)] as number) > 0);
    if (usable.length === 0) {
      usable = [];
      for (let m = c.notificationMonth; m <= c.lastMonth; m++) if ((quota[bucketOf(m)] as number) > 0) usable.push(m);
    }
    if (usable.length === 0) throw new Error(`no start month left for contract ${c.id}`);
    const m = r.weighted(usable, (x) => 1 / (1 + x - c.notificationMonth));
    const person = take((p) => compatible(p.segments[0]?.cls as SegmentClass, c) && (p.segments.length === 1 || m <= LAST_START_TWO_STRETCHES));
    if (!person) throw new Error(`no person left for contract ${c.id}`);
    quota[bucketOf(m)]! -= 1;
    persons.push({ ...person, start: m, firstContract: c });
  }

  // Remaining start slots, by bucket, in proportion to the capacity of each month.
  const firstMonth = Math.min(...withHours.map((c) => c.notificationMonth));
  const slots: MonthIndex[] = [];
  START_BUCKETS.forEach((b, i) => {
    const lo = i === 0 ? firstMonth : (START_BUCKETS[i - 1] as { last: MonthIndex }).last + 1;
    const months: MonthIndex[] = [];
    for (let m = lo; m <= b.last; m++) months.push(m);
    // Starts follow the work going on, with a drift upwards as the scheme spreads.
    const weights = months.map((m) => index.capacity(m) * Math.exp(0.018 * (m - lo)));
    for (let k = 0; k < (quota[i] as number); k++) slots.push(months[r.weightedIndex(weights)] as MonthIndex);
  });
  if (slots.length !== pool.length) throw new Error(`start slots ${slots.length} ≠ persons left ${pool.length}`);
  const ordered = r.shuffle(slots);
  const early = ordered.filter((m) => m <= LAST_START_TWO_STRETCHES);
  const late = ordered.filter((m) => m > LAST_START_TWO_STRETCHES);
  const two = pool.filter((p) => p.segments.length > 1);
  const one = pool.filter((p) => p.segments.length === 1);
  const assigned: [Omit<Person, 'start' | 'firstContract'>, MonthIndex][] = [];
  two.forEach((p, i) => assigned.push([p, early[i] as MonthIndex]));
  const rest = [...early.slice(two.length), ...late];
  one.forEach((p, i) => assigned.push([p, rest[i] as MonthIndex]));
  for (const [p, m] of assigned) {
    const first = p.segments[0] as SegmentDraw;
    const c = index.pick(m, first.cls, r, { months: Math.round(first.hours / first.intensity) });
    if (!c) throw new Error(`no contract for a ${first.cls} start in month ${m}`);
    persons.push({ ...p, start: m, firstContract: c });
  }
  return persons.sort((a, b) => a.index - b.index);
}

interface Structure {
  modalite: string;
  typeStructure: string;
  typeContrat: string;
}

const SIAE: Record<string, Structure> = {
  ETTI: { modalite: 'MISE_A_DISPOSITION', typeStructure: 'ETTI', typeContrat: 'CTTI' },
  AI: { modalite: 'MISE_A_DISPOSITION', typeStructure: 'AI', typeContrat: 'CDDI' },
  EI: { modalite: 'SOUS_TRAITANCE', typeStructure: 'EI', typeContrat: 'CDDI' },
  ACI: { modalite: 'SOUS_TRAITANCE', typeStructure: 'ACI', typeContrat: 'CDDI' },
  EITI: { modalite: 'SOUS_TRAITANCE', typeStructure: 'EITI', typeContrat: 'AUTRE' },
};

function chooseStructure(cls: SegmentClass, c: Contract, age: AgeBand, month: MonthIndex, r: Rng): Structure {
  switch (cls) {
    case 'A': {
      if (c.reservedTo) return { modalite: 'EMBAUCHE_DIRECTE', typeStructure: c.reservedTo, typeContrat: 'CDDI' };
      let kind: string;
      // EITI (self-employed insertion) only exist as an experiment from 2018.
      if (c.segment === 'TRAVAUX')
        kind = r.table([
          ['ETTI', 0.62],
          ['EI', 0.12],
          ['AI', 0.13],
          ['ACI', 0.1],
          ['EITI', month >= monthIndex(2018, 1) ? 0.03 : 0],
        ]);
      else if (c.segment === 'FOURNITURES')
        kind = r.table([
          ['ETTI', 0.6],
          ['EI', 0.2],
          ['AI', 0.2],
        ]);
      else
        switch (c.serviceKind) {
          case 'NETTOYAGE':
            kind = r.table([
              ['EI', 0.45],
              ['AI', 0.35],
              ['ETTI', 0.2],
            ]);
            break;
          case 'ESPACES_VERTS':
            kind = r.table([
              ['ACI', 0.6],
              ['EI', 0.2],
              ['AI', 0.2],
            ]);
            break;
          case 'TRANSPORT':
            kind = r.table([
              ['ETTI', 0.6],
              ['AI', 0.4],
            ]);
            break;
          case 'RESTAURATION':
            kind = r.table([
              ['EI', 0.4],
              ['ETTI', 0.3],
              ['AI', 0.3],
            ]);
            break;
          default:
            kind = r.table([
              ['ETTI', 0.4],
              ['AI', 0.4],
              ['EI', 0.2],
            ]);
        }
      return SIAE[kind] as Structure;
    }
    case 'B':
      return (c.segment === 'TRAVAUX' ? r.chance(0.7) : r.chance(0.3))
        ? { modalite: 'MISE_A_DISPOSITION', typeStructure: 'ETTI', typeContrat: 'PROFESSIONNALISATION' }
        : { modalite: 'SOUS_TRAITANCE', typeStructure: 'EI', typeContrat: 'PROFESSIONNALISATION' };
    case 'C': {
      const geiq = r.chance(c.segment === 'TRAVAUX' ? 0.5 : 0.15);
      const young = age === 'MOINS_26';
      if (geiq) return { modalite: 'MISE_A_DISPOSITION', typeStructure: 'GEIQ', typeContrat: young && r.chance(0.2) ? 'APPRENTISSAGE' : 'PROFESSIONNALISATION' };
      return { modalite: 'EMBAUCHE_DIRECTE', typeStructure: 'ENTREPRISE', typeContrat: young && r.chance(0.65) ? 'APPRENTISSAGE' : 'PROFESSIONNALISATION' };
    }
    case 'D':
      return { modalite: 'EMBAUCHE_DIRECTE', typeStructure: 'ENTREPRISE', typeContrat: 'CDI' };
    case 'CDD':
      return { modalite: 'EMBAUCHE_DIRECTE', typeStructure: 'ENTREPRISE', typeContrat: 'CDD' };
    case 'FORM':
      return { modalite: 'FORMATION', typeStructure: 'ORGANISME_FORMATION', typeContrat: 'AUTRE' };
  }
}

/** Rounds to the half hour, in hundredths. */
const halfHours = (hours: number): number => Math.round(hours * 2) * 50;
const FULL_TIME = 15167;

/**
 * Lays out each person's hours month by month. `scale` multiplies the drawn hours of each
 * share class (used to calibrate totals before the final exact adjustment).
 */
export function walk(persons: readonly Person[], index: ContractIndex, scale: Record<ShareClass, number>, rng: Rng): HourRow[] {
  const rows: HourRow[] = [];
  for (const person of persons) {
    const r = rng.fork(`walk-${person.index}`);
    let month = person.start;
    let contract: Contract = person.firstContract;
    person.segments.forEach((seg, s) => {
      const last = s === person.segments.length - 1;
      const limit = last ? PERIOD_END : PERIOD_END - 1;
      let hours = seg.hours * scale[shareClass(seg.cls)];
      if (s > 0) {
        // A hire after a first stretch: on the same contract when it still runs (the company hires).
        const wanted = Math.max(1, Math.round(hours / seg.intensity));
        const next = activeAt(contract, month) && compatible(seg.cls, contract) ? contract : index.pick(month, seg.cls, r, { departement: contract.departement, months: wanted });
        if (!next) throw new Error(`no contract for person ${person.index} in month ${month}`);
        contract = next;
      }
      // Hours counted on a design or supplies contract are a small share of the person's time.
      if (contract.segment === 'PRESTATIONS_INTELLECTUELLES' || contract.segment === 'FOURNITURES') hours *= 0.4;
      const months = Math.max(1, Math.round(hours / seg.intensity));
      let structure = chooseStructure(seg.cls, contract, person.age, month, r);
      const moves = seg.cls === 'A' || seg.cls === 'B' || seg.cls === 'FORM';
      for (let j = 0; j < months && month <= limit; j++) {
        if (!activeAt(contract, month)) {
          if (!moves) break;
          const next = index.pick(month, seg.cls, r, { departement: contract.departement });
          if (!next) break;
          if (next.reservedTo || contract.reservedTo) structure = chooseStructure(seg.cls, next, person.age, month, r);
          contract = next;
        }
        let h = halfHours((hours / months) * r.uniform(0.8, 1.2));
        const fullTime = seg.cls === 'D' || seg.cls === 'CDD' || seg.cls === 'C';
        if (fullTime && h > 14500) h = FULL_TIME;
        h = Math.min(Math.max(h, 350), 17500);
        const base = { person, month, typeContrat: structure.typeContrat, modalite: structure.modalite, typeStructure: structure.typeStructure, shareClass: shareClass(seg.cls) };
        // Now and then a month is shared between two sites of the same insertion structure.
        const other = seg.cls === 'A' && !contract.reservedTo && h >= 4000 && r.chance(0.05) ? index.pick(month, 'A', r, { departement: contract.departement, exclude: contract }) : undefined;
        if (other && !other.reservedTo) {
          const part = halfHours((h / 100) * r.uniform(0.25, 0.5));
          rows.push({ ...base, contract, centihours: h - part });
          rows.push({ ...base, contract: other, centihours: part });
        } else {
          rows.push({ ...base, contract, centihours: h });
        }
        month++;
      }
    });
  }
  return rows;
}

/** Propensity of a person to be a woman, from the kind of work of the first contract. */
export function womanPropensity(person: Person): number {
  const c = person.firstContract;
  if (c.segment === 'SERVICES' && c.serviceKind) return SERVICE_KINDS[c.serviceKind].women;
  if (c.segment === 'PRESTATIONS_INTELLECTUELLES') return 1.2;
  if (c.segment === 'FOURNITURES') return 0.6;
  return person.segments[0]?.cls === 'C' ? 0.3 : 0;
}
