/**
 * Operations and contracts: counts per year are fixed by construction (published figures),
 * everything else is drawn.
 */
import {
  BUILDING_LOTS,
  CFA_TYPES,
  DEPARTEMENTS,
  LYCEE_TYPES,
  MOE_LOT,
  OPC_LOT,
  REGIONAL_BUILDINGS,
  RESERVABLE,
  SERVICE_KINDS,
  SERVICE_OPERATIONS_BY_YEAR,
  STATION_LOTS,
  SUPPLY_LOTS,
  TOWNS,
  WORKS_KINDS,
  type Departement,
  type Direction,
  type LotKind,
  type Segment,
  type ServiceKind,
  type Town,
  type WorksKind,
} from './reference.ts';
import { monthIndex, toWorkingDay, addDays, PERIOD_END, type CalendarDate, type MonthIndex } from './calendar.ts';
import type { Rng } from './rng.ts';

export interface YearPlan {
  contracts: number;
  operations: number;
  services: number;
  intellectual: number;
  supplies: number;
  /** Contracts using insertion as an award criterion. */
  criterion: number;
  /** Lots reserved to insertion structures. */
  reserved: number;
}

/**
 * Contracts and operations per year of notification. Totals: 564 contracts, 104 operations;
 * 2018: 79 contracts on 10 operations. Services: 6/75 = 8 % in 2013, 16/79 = 20 % in 2018.
 * Award criterion: 27 contracts in all, 6 in 2018 (on 2 operations).
 */
export const YEAR_PLANS: Readonly<Record<number, YearPlan>> = {
  2012: { contracts: 40, operations: 9, services: 2, intellectual: 0, supplies: 0, criterion: 0, reserved: 0 },
  2013: { contracts: 75, operations: 14, services: 6, intellectual: 0, supplies: 1, criterion: 0, reserved: 0 },
  2014: { contracts: 85, operations: 16, services: 7, intellectual: 0, supplies: 1, criterion: 2, reserved: 0 },
  2015: { contracts: 95, operations: 18, services: 13, intellectual: 4, supplies: 0, criterion: 4, reserved: 1 },
  2016: { contracts: 95, operations: 18, services: 14, intellectual: 5, supplies: 2, criterion: 6, reserved: 2 },
  2017: { contracts: 95, operations: 19, services: 17, intellectual: 6, supplies: 1, criterion: 9, reserved: 2 },
  2018: { contracts: 79, operations: 10, services: 16, intellectual: 5, supplies: 1, criterion: 6, reserved: 2 },
};
export const YEARS = Object.keys(YEAR_PLANS).map(Number);

export type InsertionStructure = 'EI' | 'ACI';

export interface Contract {
  id: string;
  operation: Operation;
  segment: Segment;
  objet: string;
  cpv: string;
  notification: CalendarDate;
  notificationMonth: MonthIndex;
  duree: number;
  typeClause: 'EXECUTION' | 'RESERVE';
  critere: boolean;
  direction: Direction;
  departement: Departement;
  facilitator: string;
  /** Relative size: how many insertion hours it carries. */
  weight: number;
  serviceKind: ServiceKind | undefined;
  /** For a reserved lot: the kind of insertion structure that wins it. */
  reservedTo: InsertionStructure | undefined;
  /** NAF section of the companies winning it. */
  secteur: string;
  /** Whether hours have been recorded on it by the end of the period. */
  withHours: boolean;
  /** Last month of execution inside the period. */
  lastMonth: MonthIndex;
  // Filled once hours are known.
  realisedCentihours: number;
  heuresPrevues: number;
  montant: number;
  procedure: string;
  titulaire: string;
}

export interface Operation {
  id: string;
  name: string;
  departement: Departement;
  year: number;
  direction: Direction;
  kind: WorksKind | ServiceKind;
  contracts: Contract[];
}

const DEPARTEMENT_NAMES: Record<Departement, string> = {
  '44': 'Loire-Atlantique',
  '49': 'Maine-et-Loire',
  '53': 'Mayenne',
  '72': 'Sarthe',
  '85': 'Vendée',
};

/** Splits `total` into parts, each at least its minimum, the rest drawn by weight. */
function partition(total: number, minimums: number[], weights: number[], rng: Rng): number[] {
  const parts = minimums.slice();
  let rest = total - parts.reduce((a, b) => a + b, 0);
  if (rest < 0) throw new Error(`partition: ${total} is below the minimums`);
  while (rest-- > 0) {
    const i = rng.weightedIndex(weights);
    parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}

function facilitatorFor(town: Town, rng: Rng): string {
  const ids = town.facilitators;
  return ids.length > 1 && rng.chance(0.35) ? (ids[1] as string) : (ids[0] as string);
}

function townsOf(departement: Departement): Town[] {
  return TOWNS.filter((t) => t.departement === departement);
}

function notificationDay(base: CalendarDate, offsetDays: number): CalendarDate {
  let d = addDays(base, offsetDays);
  if (d.year !== base.year) d = base;
  return toWorkingDay(d);
}

interface WorksOperationDraft {
  kind: WorksKind;
  direction: Direction;
  name: string;
  town: Town;
}

function drawWorksOperation(rng: Rng, usedNames: Set<string>): WorksOperationDraft {
  for (let attempt = 0; ; attempt++) {
    const def = rng.weighted(WORKS_KINDS, (k) => k.weight);
    const programme = rng.pick(def.programmes);
    let town: Town;
    let name: string;
    switch (def.kind) {
      case 'LYCEE': {
        town = rng.weighted(TOWNS, (t) => t.weight);
        name = `${rng.table(LYCEE_TYPES)} ${town.of} — ${programme}`;
        break;
      }
      case 'CFA': {
        town = rng.weighted(
          TOWNS.filter((t) => t.weight >= 1),
          (t) => t.weight,
        );
        name = `${rng.pick(CFA_TYPES)} ${town.of} — ${programme}`;
        break;
      }
      case 'BATIMENT_REGIONAL': {
        const b = rng.pick(REGIONAL_BUILDINGS);
        town = TOWNS.find((t) => t.name === b.town) as Town;
        name = `${b.label} (${b.town}) — ${programme}`;
        break;
      }
      case 'GARE': {
        town = rng.weighted(TOWNS, (t) => t.weight);
        name = `${town.weight >= 1 ? 'Gare' : 'Halte ferroviaire'} ${town.of} — ${programme}`;
        break;
      }
    }
    if (!usedNames.has(name) || attempt > 30) {
      if (usedNames.has(name)) name = `${name} (tranche 2)`;
      usedNames.add(name);
      return { kind: def.kind, direction: def.direction, name, town };
    }
  }
}

/** Picks `n` lot kinds of a catalogue (bigger lots more often), in catalogue order. */
function drawLots(catalogue: readonly LotKind[], n: number, rng: Rng): { lot: LotKind; tranche: number }[] {
  const out: { lot: LotKind; tranche: number }[] = [];
  let tranche = 1;
  while (out.length < n) {
    const remaining = catalogue.filter((l) => !out.some((o) => o.lot === l && o.tranche === tranche));
    const take = Math.min(n - out.length, remaining.length);
    const chosen = new Set<LotKind>();
    while (chosen.size < take) chosen.add(rng.weighted(remaining, (l) => l.weight + 0.5));
    for (const l of catalogue) if (chosen.has(l)) out.push({ lot: l, tranche });
    tranche++;
  }
  return out;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Builds the 104 operations and their 564 contracts. Contracts of an operation are notified
 * within its year, so the per-year counts of contracts and operations hold by construction.
 */
export function buildOperations(rng: Rng): Operation[] {
  const operations: Operation[] = [];
  const usedNames = new Set<string>();

  for (const year of YEARS) {
    const plan = YEAR_PLANS[year] as YearPlan;
    const r = rng.fork(`operations-${year}`);
    const serviceKinds = SERVICE_OPERATIONS_BY_YEAR[year] ?? [];
    const worksOps = plan.operations - serviceKinds.length;
    const worksLots = plan.contracts - plan.services - plan.intellectual - plan.supplies;

    // Operation dates: the charter was voted in June 2012, the first clauses were notified after summer.
    const opDates: CalendarDate[] = [];
    for (let i = 0; i < plan.operations; i++) {
      const month = year === 2012 ? r.int(9, 12) : r.table([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((m) => [m, m === 8 ? 0.3 : 1] as const));
      opDates.push({ year, month, day: r.int(1, 28) });
    }

    const drafts = Array.from({ length: worksOps }, () => drawWorksOperation(r, usedNames));
    const worksSizes = partition(
      worksLots,
      drafts.map((d) => (d.kind === 'GARE' ? 2 : 3)),
      drafts.map((d) => (d.kind === 'LYCEE' ? 1.3 : d.kind === 'GARE' ? 0.5 : 0.8) * r.logNormal(1, 0.5)),
      r,
    );
    const reservableIndex = serviceKinds.findIndex((k) => RESERVABLE.has(k));
    const serviceSizes = partition(
      plan.services,
      serviceKinds.map((_, i) => (i === reservableIndex && plan.reserved > 0 ? plan.reserved + 1 : 1)),
      serviceKinds.map((k) => SERVICE_KINDS[k].weight),
      r,
    );

    const yearOps: Operation[] = [];
    const opDate = new Map<Operation, CalendarDate>();
    const dateOf = (op: Operation): CalendarDate => opDate.get(op) as CalendarDate;
    const push = (op: Omit<Operation, 'id' | 'contracts'>, date: CalendarDate): Operation => {
      const o: Operation = { ...op, id: '', contracts: [] };
      opDate.set(o, date);
      yearOps.push(o);
      return o;
    };

    // Works operations.
    drafts.forEach((d, i) => {
      const date = opDates[i] as CalendarDate;
      const op = push({ name: d.name, departement: d.town.departement, year, direction: d.direction, kind: d.kind }, date);
      const scale = r.logNormal(1, 0.4);
      const lots = drawLots(d.kind === 'GARE' ? STATION_LOTS : BUILDING_LOTS, worksSizes[i] as number, r);
      lots.forEach(({ lot, tranche }, j) => {
        const label = tranche > 1 ? `${lot.label} (tranche ${tranche})` : lot.label;
        op.contracts.push(
          draftContract(op, {
            segment: 'TRAVAUX',
            objet: `${d.name} — lot ${pad(j + 1, 2)} : ${label}`,
            cpv: lot.cpv,
            weight: lot.weight * scale * r.logNormal(1, 0.45),
            duree: r.int(lot.months[0], lot.months[1]),
            offsetDays: r.int(0, 40),
            departement: d.town.departement,
            facilitator: facilitatorFor(d.town, r),
            date,
            secteur: 'F',
          }),
        );
      });
    });

    // Maîtrise d'œuvre (and OPC) contracts on works operations, from 2015.
    const worksOperations = yearOps.slice();
    const withMoe = r.shuffle(worksOperations).slice(0, plan.intellectual);
    for (const op of withMoe) {
      const town = TOWNS.find((t) => op.name.includes(t.of)) ?? r.pick(townsOf(op.departement));
      const kind = r.chance(0.8) ? MOE_LOT : OPC_LOT;
      op.contracts.unshift(
        draftContract(op, {
          segment: 'PRESTATIONS_INTELLECTUELLES',
          objet: `${op.name} — ${kind.label.toLowerCase().replace('opc', 'OPC')}`,
          cpv: kind.cpv,
          weight: kind.weight * r.logNormal(1, 0.4),
          duree: r.int(kind.months[0], kind.months[1]),
          offsetDays: 0,
          departement: op.departement,
          facilitator: facilitatorFor(town, r),
          date: dateOf(op),
          secteur: 'M',
        }),
      );
    }

    // Supplies lots on lycée operations.
    const lycees = worksOperations.filter((o) => o.kind === 'LYCEE');
    for (let i = 0; i < plan.supplies; i++) {
      const op = r.pick(lycees.length > 0 ? lycees : worksOperations);
      const town = TOWNS.find((t) => op.name.includes(t.of)) ?? r.pick(townsOf(op.departement));
      const lot = r.pick(SUPPLY_LOTS);
      op.contracts.push(
        draftContract(op, {
          segment: 'FOURNITURES',
          objet: `${op.name} — ${lot.label.toLowerCase()}`,
          cpv: lot.cpv,
          weight: 0.15 * r.logNormal(1, 0.4),
          duree: r.int(3, 8),
          offsetDays: r.int(60, 200),
          departement: op.departement,
          facilitator: facilitatorFor(town, r),
          date: dateOf(op),
          secteur: lot.secteur,
        }),
      );
    }

    // Service operations: one lot per département or per site.
    serviceKinds.forEach((kind, i) => {
      const def = SERVICE_KINDS[kind];
      const date = opDates[worksOps + i] as CalendarDate;
      const n = serviceSizes[i] as number;
      const duree = r.pick(def.months);
      const endYear = year + Math.max(1, Math.round(duree / 12));
      const op = push({ name: `${def.name} ${year}-${endYear}`, departement: '44', year, direction: def.direction, kind }, date);
      const depts = r.shuffle(DEPARTEMENTS);
      for (let j = 0; j < n; j++) {
        const dep = (j === 0 ? '44' : depts[j % depts.length]) as Departement;
        const town = r.weighted(townsOf(dep), (t) => t.weight);
        const where = n <= 5 ? DEPARTEMENT_NAMES[dep] : `secteur ${town.name}`;
        const reserved = i === reservableIndex && j < plan.reserved;
        op.contracts.push(
          draftContract(op, {
            segment: 'SERVICES',
            objet: `${op.name} — lot ${j + 1} : ${def.lot.label} — ${where}`,
            cpv: def.lot.cpv,
            weight: def.weight * r.logNormal(1, 0.4),
            duree,
            offsetDays: r.int(0, 20),
            departement: dep,
            facilitator: facilitatorFor(town, r),
            date,
            secteur: def.secteur,
            serviceKind: kind,
            reservedTo: reserved ? (kind === 'ESPACES_VERTS' ? 'ACI' : 'EI') : undefined,
          }),
        );
      }
    });

    markAwardCriterion(yearOps, plan, r);

    // Identifiers in order of notification, as a consultation register numbers them.
    const key = (op: Operation): number => {
      const d = dateOf(op);
      return monthIndex(d.year, d.month) * 40 + d.day;
    };
    const dated = yearOps.slice().sort((a, b) => key(a) - key(b));
    const numbers = r.distinctInts(dated.length, 1, 400).sort((a, b) => a - b);
    dated.forEach((op, k) => {
      op.id = `OP${year}-${pad(k + 1, 2)}`;
      const consultation = pad(numbers[k] as number, 4);
      op.contracts.forEach((c, j) => {
        c.id = `${year}-${consultation}-L${pad(j + 1, 2)}`;
      });
    });
    operations.push(...dated);
  }
  return operations;
}

interface ContractDraft {
  segment: Segment;
  objet: string;
  cpv: string;
  weight: number;
  duree: number;
  offsetDays: number;
  departement: Departement;
  facilitator: string;
  date: CalendarDate;
  secteur: string;
  serviceKind?: ServiceKind;
  reservedTo?: InsertionStructure | undefined;
}

function draftContract(op: Operation, d: ContractDraft): Contract {
  const notification = notificationDay(d.date, d.offsetDays);
  const notificationMonth = monthIndex(notification.year, notification.month);
  return {
    id: '',
    operation: op,
    segment: d.segment,
    objet: d.objet,
    cpv: d.cpv,
    notification,
    notificationMonth,
    duree: d.duree,
    typeClause: d.reservedTo ? 'RESERVE' : 'EXECUTION',
    critere: false,
    direction: op.direction,
    departement: d.departement,
    facilitator: d.facilitator,
    weight: d.weight,
    serviceKind: d.serviceKind,
    reservedTo: d.reservedTo,
    secteur: d.reservedTo ? 'N' : d.secteur,
    withHours: true,
    lastMonth: Math.min(notificationMonth + d.duree - 1, PERIOD_END),
    realisedCentihours: 0,
    heuresPrevues: 0,
    montant: 0,
    procedure: '',
    titulaire: '',
  };
}

/**
 * Insertion as an award criterion: on the year's largest works operations, up to three lots
 * each (in 2018 exactly two operations, three lots each).
 */
function markAwardCriterion(ops: Operation[], plan: YearPlan, r: Rng): void {
  let left = plan.criterion;
  if (left === 0) return;
  const size = (o: Operation): number => o.contracts.reduce((s, c) => s + (c.segment === 'TRAVAUX' ? c.weight : 0), 0);
  const candidates = ops.filter((o) => o.contracts.filter((c) => c.segment === 'TRAVAUX').length >= 3).sort((a, b) => size(b) - size(a));
  const pool = r.shuffle(candidates.slice(0, Math.max(2, Math.ceil(candidates.length / 2))));
  for (const op of pool) {
    if (left === 0) break;
    const lots = op.contracts.filter((c) => c.segment === 'TRAVAUX').sort((a, b) => b.weight - a.weight);
    for (const c of lots.slice(0, Math.min(3, left))) {
      c.critere = true;
      left--;
    }
  }
  if (left > 0) throw new Error(`award criterion: ${left} contracts could not be placed`);
}
