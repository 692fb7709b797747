/**
 * An outsider's attack on a release, written apart from the production audit (src/lib/audit),
 * used by the tests and by `npm run attack` (a second opinion on a built release):
 * it reads the published CSV files as a journalist downloads them, and solves its linear programs
 * through HiGHS's text interface (CPLEX LP format), not the audit's persistent models.
 *
 * Its knowledge, the same as the audit's model states: every published figure; which
 * combinations of the published dimensions occur in the data (conservative: a real outsider
 * knows less). Its unknowns: the hours of each such combination (≥ 0). For every secret cell that
 * counts 1 to k−1 persons (or fails the company rule), it computes the interval of hours the
 * published files allow, and reports the cells bounded within the protection level.
 */
import type { Highs } from 'highs';
import type { Dataset } from '../../src/lib/dataset.ts';
import { SECRET } from '../../src/schemas/secret.ts';

/** Published columns that name a breakdown (all others are labels or measures). */
const DIMENSIONS = [
  'annee',
  'mois',
  'annee_notification',
  'segment',
  'direction',
  'departement',
  'type_clause',
  'id_operation',
  'id_facilitateur',
  'type_contrat',
  'famille_contrat',
  'modalite',
  'type_structure',
  'famille_structure',
  'sexe',
  'tranche_age',
  'niveau_formation',
  'public',
  'qpv',
  'rqth',
  'situation_sortie',
  'taille_entreprise',
  'secteur_entreprise',
];
const COMPANY = ['taille_entreprise', 'secteur_entreprise'];
const SIAE = new Set(['ETTI', 'AI', 'EI', 'ACI', 'EITI']);
const WORK_STUDY = new Set(['APPRENTISSAGE', 'PROFESSIONNALISATION']);

/** Every hour row with the attributes the tables break it down by, joined by hand. */
function hourRows(ds: Dataset): (Record<string, unknown> & { heures: number; personne: string; entreprise: string; notification: string })[] {
  const byId = <T extends Record<string, unknown>>(rows: T[], key: string) => new Map(rows.map((r) => [String(r[key]), r]));
  const contracts = byId(ds.marches.objects() as Record<string, unknown>[], 'id_marche');
  const persons = byId(ds.participants.objects() as Record<string, unknown>[], 'id_participant');
  const companies = byId(ds.entreprises.objects() as Record<string, unknown>[], 'id_entreprise');
  return (ds.heures.objects() as Record<string, unknown>[]).map((h) => {
    const c = contracts.get(String(h.id_marche))!;
    const p = persons.get(String(h.id_participant))!;
    const e = companies.get(String(c.id_titulaire)) ?? {};
    const mois = String(h.mois);
    return {
      heures: Number(h.heures),
      personne: String(h.id_participant),
      entreprise: String(c.id_titulaire),
      notification: String(c.date_notification),
      mois,
      annee: mois.slice(0, 4),
      annee_notification: String(c.date_notification).slice(0, 4),
      segment: String(c.segment),
      direction: String(c.direction),
      departement: String(c.departement),
      type_clause: String(c.type_clause),
      id_operation: String(c.id_operation),
      id_facilitateur: String(c.id_facilitateur),
      taille_entreprise: String(e.taille),
      secteur_entreprise: String(e.secteur),
      type_contrat: String(h.type_contrat),
      famille_contrat: WORK_STUDY.has(String(h.type_contrat)) ? 'ALTERNANCE' : 'HORS_ALTERNANCE',
      modalite: String(h.modalite),
      type_structure: String(h.type_structure),
      famille_structure: SIAE.has(String(h.type_structure)) ? 'SIAE' : 'HORS_SIAE',
      sexe: String(p.sexe),
      tranche_age: String(p.tranche_age),
      niveau_formation: String(p.niveau_formation),
      public: [...((p.publics as string[] | null) ?? [])].map(String).sort(),
      qpv: String(p.qpv === true),
      rqth: String(p.rqth === true),
      situation_sortie: String(p.situation_sortie),
    };
  });
}

/** A CSV file as published (BOM, comma, quotes), as rows of text. */
export function readCsv(bytes: Uint8Array): Record<string, string>[] {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      field = '';
      record = [];
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header, ...rest] = records;
  return rest.filter((r) => r.length === header!.length).map((r) => Object.fromEntries(header!.map((h, j) => [h, r[j]!])));
}

export interface Finding {
  table: string;
  cell: Record<string, string>;
  heures: number;
  min: number;
  max: number;
}

/** An earlier release published next to the current one: the end of its period and its CSV files by name. */
export interface PublishedEarlier {
  version: string;
  fin: string;
  files: ReadonlyMap<string, Uint8Array>;
}

export interface OutsiderOptions {
  /** Protection level p (0.1 = ±10 %). */
  level?: number;
  /** Stop after this many findings. */
  limit?: number;
  /** Earlier releases still published, read side by side with the current one. */
  earlier?: readonly PublishedEarlier[];
}

/**
 * Attacks every primary secret cell of the release in `files` (paths `donnees/<id>/…`) and of
 * the earlier releases given. Returns the cells bounded closer than the protection level.
 */
export function attackPublished(ds: Dataset, files: ReadonlyMap<string, Uint8Array>, highs: Highs, options: OutsiderOptions = {}): Finding[] {
  const { level = 0.1, limit = Infinity, earlier = [] } = options;
  const k = ds.meta.seuil_secret;
  const rows = hourRows(ds);
  // Each earlier release's window: months up to its end, contracts notified by then.
  const windows = earlier.map((e) => rows.map((r) => String(r.mois) <= e.fin.slice(0, 7) && r.notification <= e.fin));
  // The finest combinations that occur (the outsider's unknowns).
  const atomOf = new Map<string, number>();
  const atomRow: number[] = [];
  const atomHours: number[] = [];
  rows.forEach((r, i) => {
    const key = JSON.stringify([...DIMENSIONS.map((d) => r[d]), ...windows.map((w) => w[i])]);
    let a = atomOf.get(key);
    if (a === undefined) {
      atomOf.set(key, (a = atomRow.length));
      atomRow.push(i);
      atomHours.push(0);
    }
    atomHours[a]! += r.heures;
  });
  const matches = (r: Record<string, unknown>, cell: Record<string, string>) => Object.entries(cell).every(([d, v]) => (d === 'public' ? (r.public as string[]).includes(v) : String(r[d]) === v));
  const atomsOf = (cell: Record<string, string>, w = -1) => atomRow.map((i, a) => (matches(rows[i]!, cell) && (w < 0 || windows[w]![i]) ? a : -1)).filter((a) => a >= 0);

  const equalities: { atoms: number[]; value: number }[] = [];
  const secrets: { table: string; cell: Record<string, string>; window: number }[] = [];
  const prefix = `donnees/${ds.meta.id}/`;
  const releases: { tables: [string, Uint8Array][]; window: number }[] = [
    { tables: [...files].filter(([p]) => p.startsWith(prefix) && p.endsWith('.csv') && !p.includes('/', prefix.length)).map(([p, b]) => [p.slice(prefix.length, -4), b]), window: -1 },
    ...earlier.map((e, w) => ({ tables: [...e.files].filter(([n]) => n.endsWith('.csv')).map(([n, b]): [string, Uint8Array] => [n.slice(0, -4), b]), window: w })),
  ];
  for (const { tables, window } of releases) {
    for (const [table, bytes] of tables) {
      for (const row of readCsv(bytes)) {
        if (!('heures_realisees' in row)) continue;
        const cell = Object.fromEntries(DIMENSIONS.filter((d) => d in row).map((d) => [d, row[d]!]));
        // Today's data within the release's window: the audit's own assumption (corrections known).
        if (row.heures_realisees === SECRET) secrets.push({ table: window < 0 ? table : `${earlier[window]!.version}/${table}`, cell, window });
        else equalities.push({ atoms: atomsOf(cell, window), value: atomsOf(cell, window).reduce((s, a) => s + atomHours[a]!, 0) });
      }
    }
  }
  // Shares among the key figures: an interval on their part (rounded to 2 decimals).
  const keyFigures = files.get(`${prefix}chiffres-cles.csv`);
  const total = rows.reduce((s, r) => s + r.heures, 0);
  const intervals: { atoms: number[]; lo: number; hi: number }[] = [];
  for (const r of keyFigures ? readCsv(keyFigures) : []) {
    const parts: Record<string, Record<string, string>> = {
      part_heures_siae: { famille_structure: 'SIAE' },
      part_heures_alternance: { famille_contrat: 'ALTERNANCE' },
      part_heures_cdi: { type_contrat: 'CDI' },
    };
    const part = parts[r.indicateur!];
    if (!part || r.valeur === SECRET || r.valeur === '') continue;
    if (atomsOf(part).length === 0) continue;
    intervals.push({ atoms: atomsOf(part), lo: ((Number(r.valeur) - 0.005) / 100) * total, hi: ((Number(r.valeur) + 0.005) / 100) * total });
  }

  const x = (a: number) => `x${a}`;
  const sum = (atoms: number[]) => atoms.map(x).join(' + ');
  const constraints = [
    ...equalities.filter((e) => e.atoms.length > 0).map((e, i) => ` e${i}: ${sum(e.atoms)} = ${e.value}`),
    ...intervals.flatMap((e, i) => [` l${i}: ${sum(e.atoms)} >= ${e.lo}`, ` u${i}: ${sum(e.atoms)} <= ${e.hi}`]),
  ].join('\n');
  const bound = (atoms: number[], sense: 'Maximize' | 'Minimize') => {
    const lp = `${sense}\n obj: ${sum(atoms)}\nSubject To\n${constraints}\nEnd\n`;
    const out = highs.solve(lp, { presolve: 'on' });
    if (out.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : 0;
    if (out.Status !== 'Optimal') throw new Error(`outsider: ${out.Status}`);
    return out.ObjectiveValue;
  };

  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { table, cell, window } of secrets) {
    if (findings.length >= limit) break;
    const atoms = atomsOf(cell, window);
    const key = atoms.join(',');
    if (atoms.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const inCell = rows.filter((r, i) => matches(r, cell) && (window < 0 || windows[window]![i]));
    const persons = new Set(inCell.map((r) => r.personne)).size;
    const byCompany = new Map<string, number>();
    for (const r of inCell) byCompany.set(r.entreprise, (byCompany.get(r.entreprise) ?? 0) + r.heures);
    const heures = atoms.reduce((s, a) => s + atomHours[a]!, 0);
    const companyCell = Object.keys(cell).some((d) => COMPANY.includes(d));
    const largest = Math.max(0, ...byCompany.values());
    const primary = (persons > 0 && persons < k) || (companyCell && heures > 0 && (byCompany.size < 3 || largest / heures > 0.85));
    if (!primary || heures <= 0) continue;
    const min = bound(atoms, 'Minimize');
    const max = bound(atoms, 'Maximize');
    const tol = 1e-6 * Math.max(1, heures);
    if (min > (1 - level) * heures + tol || max < (1 + level) * heures - tol) findings.push({ table, cell, heures, min, max });
  }
  return findings;
}
