/**
 * Contractors (pseudonymised) and the money side of contracts. Planned hours and amounts are
 * derived from the hours carried out, so that both stay plausible together.
 */
import { PERIOD_END } from './calendar.ts';
import type { Contract } from './contracts.ts';
import type { HourRow } from './persons.ts';
import { DEPARTEMENTS, OUTSIDE_DEPARTEMENTS } from './reference.ts';
import type { Rng } from './rng.ts';
import { TARGETS } from './targets.ts';

export interface Company {
  id: string;
  taille: 'TPE' | 'PME' | 'ETI' | 'GE';
  secteur: string;
  departement: string;
  /** Family of contracts it bids for (repeat winners stay in their trade). */
  family: string;
}

const familyOf = (c: Contract): string =>
  c.reservedTo ? `RESERVE-${c.reservedTo}` : c.segment === 'SERVICES' ? `SERVICES-${c.serviceKind}` : c.segment === 'FOURNITURES' ? `FOURNITURES-${c.secteur}` : c.segment;

const SIZE_WEIGHT = { TPE: 0.3, PME: 1, ETI: 3, GE: 6 } as const;

function drawSize(c: Contract, r: Rng): Company['taille'] {
  if (c.reservedTo)
    return r.table([
      ['TPE', 0.5],
      ['PME', 0.5],
    ]);
  switch (c.segment) {
    case 'TRAVAUX':
      return r.table([
        ['TPE', 0.22],
        ['PME', 0.6],
        ['ETI', 0.12],
        ['GE', 0.06],
      ]);
    case 'PRESTATIONS_INTELLECTUELLES':
      return r.table([
        ['TPE', 0.45],
        ['PME', 0.5],
        ['ETI', 0.05],
      ]);
    case 'FOURNITURES':
      return r.table([
        ['PME', 0.6],
        ['ETI', 0.3],
        ['GE', 0.1],
      ]);
    default:
      return r.table([
        ['TPE', 0.1],
        ['PME', 0.5],
        ['ETI', 0.25],
        ['GE', 0.15],
      ]);
  }
}

function drawDepartement(c: Contract, taille: Company['taille'], r: Rng): string {
  const outside = taille === 'GE' || taille === 'ETI' ? 0.25 : 0.04;
  const x = r.float();
  if (x < 0.03) return '';
  if (x < 0.03 + outside) return r.pick(OUTSIDE_DEPARTEMENTS);
  if (x < 0.15 + outside) return r.pick(DEPARTEMENTS);
  return c.departement;
}

/**
 * Contractors. Exactly `TARGETS.hiringCompanies` distinct companies hold the contracts that have
 * hours: the others of those contracts go to earlier winners of the same trade (larger firms
 * more often). Contracts without hours yet go mostly to new companies.
 */
export function assignCompanies(contracts: readonly Contract[], rng: Rng): Company[] {
  const r = rng.fork('companies');
  const withHours = contracts.filter((c) => c.withHours);
  const without = contracts.filter((c) => !c.withHours);
  const repeats = withHours.length - TARGETS.hiringCompanies;
  if (repeats < 0) throw new Error(`only ${withHours.length} contracts with hours, fewer than ${TARGETS.hiringCompanies} companies`);

  const ids = r.distinctInts(contracts.length + 10, 1000, 99999).map((n) => `E${String(n).padStart(5, '0')}`);
  const companies: Company[] = [];
  const create = (c: Contract): Company => {
    const taille = drawSize(c, r);
    const company: Company = { id: ids[companies.length] as string, taille, secteur: c.secteur, departement: drawDepartement(c, taille, r), family: familyOf(c) };
    companies.push(company);
    return company;
  };
  const reuse = (c: Contract, among: readonly Company[]): Company | undefined => {
    const same = among.filter((x) => x.family === familyOf(c));
    return same.length > 0 ? r.weighted(same, (x) => SIZE_WEIGHT[x.taille]) : undefined;
  };

  // Repeat wins: larger lots more often, each trade keeping at least one first winner.
  const familySize = new Map<string, number>();
  for (const c of withHours) familySize.set(familyOf(c), (familySize.get(familyOf(c)) ?? 0) + 1);
  const firstLeft = new Map(familySize);
  const repeated = new Set<Contract>();
  while (repeated.size < repeats) {
    const c = r.weighted(withHours, (x) => (repeated.has(x) || (firstLeft.get(familyOf(x)) as number) <= 1 ? 0 : x.weight));
    repeated.add(c);
    firstLeft.set(familyOf(c), (firstLeft.get(familyOf(c)) as number) - 1);
  }
  const firstWinners: Company[] = [];
  for (const c of withHours) {
    if (repeated.has(c)) continue;
    const company = create(c);
    firstWinners.push(company);
    c.titulaire = company.id;
  }
  for (const c of withHours) {
    if (!repeated.has(c)) continue;
    const company = reuse(c, firstWinners);
    if (!company) throw new Error(`no earlier winner for ${c.id}`);
    c.titulaire = company.id;
  }
  for (const c of without) {
    const company = r.chance(0.25) ? reuse(c, companies) : undefined;
    c.titulaire = (company ?? create(c)).id;
  }
  const distinct = new Set(withHours.map((c) => c.titulaire));
  if (distinct.size !== TARGETS.hiringCompanies) throw new Error(`companies that hired: ${distinct.size}`);
  return companies.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Euros (excl. VAT) per planned insertion hour, by kind of contract. */
function euroPerHour(c: Contract, r: Rng): number {
  if (c.segment === 'TRAVAUX') return r.logNormal(1900, 0.35);
  if (c.segment === 'PRESTATIONS_INTELLECTUELLES') return r.logNormal(5200, 0.35);
  if (c.segment === 'FOURNITURES') return r.logNormal(3500, 0.35);
  switch (c.serviceKind) {
    case 'NETTOYAGE':
      return r.logNormal(420, 0.3);
    case 'ESPACES_VERTS':
      return r.logNormal(650, 0.3);
    case 'TRANSPORT':
      return r.logNormal(1100, 0.3);
    default:
      return r.logNormal(850, 0.35);
  }
}

function roundPlanned(h: number): number {
  if (h < 100) return Math.max(35, Math.round(h));
  if (h < 1000) return Math.round(h / 5) * 5;
  return Math.round(h / 10) * 10;
}

function procedureFor(c: Contract, r: Rng): string {
  const euThreshold = c.notification.year < 2014 ? 200_000 : c.notification.year < 2016 ? 207_000 : 209_000;
  switch (c.segment) {
    case 'TRAVAUX':
      return c.montant >= 1_000_000 ? 'APPEL_OFFRES_OUVERT' : c.montant < 90_000 || r.chance(0.55) ? 'PROCEDURE_ADAPTEE' : 'APPEL_OFFRES_OUVERT';
    case 'PRESTATIONS_INTELLECTUELLES':
      return c.montant >= euThreshold ? (r.chance(0.85) ? 'PROCEDURE_NEGOCIATION' : 'APPEL_OFFRES_RESTREINT') : 'PROCEDURE_ADAPTEE';
    default:
      if (c.montant < euThreshold) return 'PROCEDURE_ADAPTEE';
      return r.table([
        ['APPEL_OFFRES_OUVERT', 0.85],
        ['APPEL_OFFRES_RESTREINT', 0.1],
        ['DIALOGUE_COMPETITIF', c.serviceKind === 'INFORMATIQUE' ? 0.3 : 0],
      ]);
  }
}

/**
 * Planned hours: carried-out hours are mostly 80–130 % of planned on finished contracts (a few
 * above, a handful over 150 %, a few below); on running contracts, planned hours cover the whole execution.
 */
export function deriveMoney(contracts: readonly Contract[], rows: readonly HourRow[], rng: Rng): void {
  const r = rng.fork('money');
  for (const c of contracts) c.realisedCentihours = 0;
  for (const row of rows) row.contract.realisedCentihours += row.centihours;
  const perWeight: number[] = [];
  for (const c of contracts) {
    if (!c.withHours) continue;
    const realised = c.realisedCentihours / 100;
    // A handful above 150 % (the validator warns about them, as it would on real data).
    const ratio = r.table([
      [r.uniform(0.8, 1.3), 0.86],
      [r.uniform(1.3, 1.48), 0.06],
      [r.uniform(1.5, 1.8), 0.01],
      [r.uniform(0.6, 0.8), 0.07],
    ]);
    const end = c.notificationMonth + c.duree - 1;
    const elapsed = end <= PERIOD_END ? 1 : Math.max(0.2, (PERIOD_END - c.notificationMonth + 1) / c.duree);
    c.heuresPrevues = roundPlanned(realised / (ratio * elapsed));
    perWeight.push(c.heuresPrevues / c.weight);
  }
  perWeight.sort((a, b) => a - b);
  const typical = perWeight[Math.floor(perWeight.length / 2)] as number;
  for (const c of contracts) {
    if (!c.withHours) c.heuresPrevues = roundPlanned(typical * c.weight * r.logNormal(1, 0.3));
    const amount = c.heuresPrevues * euroPerHour(c, r);
    c.montant = r.chance(0.3) ? Math.round(amount) : Math.round(amount * 100) / 100;
    c.procedure = procedureFor(c, r);
  }
}
