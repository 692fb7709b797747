import * as aq from 'arquero';
import type { Dataset } from '../../../src/lib/dataset.ts';
import type { Metadonnees } from '../../../src/schemas/metadonnees.ts';
import { DictionaryColumn } from '../../../src/lib/columns/index.ts';

/** Metadata of a small test publisher. */
export function meta(overrides: Partial<Metadonnees> = {}): Metadonnees {
  return {
    id: 'test',
    nom: 'Région Test',
    siret_acheteur: '12345678901234',
    territoire: 'Test',
    code_region: '52',
    departements: ['44', '49'],
    periode: { debut: '2017-01-01', fin: '2018-12-31' },
    licence: 'Etalab-2.0',
    contact: 'https://example.org/contact',
    seuil_secret: 5,
    niveau_protection: 10,
    synthetique: true,
    version: '2019.1',
    date_publication: '2019-06-30',
    sources: [{ titre: 'Données de test' }],
    // Finance runs the scheme: it is not counted among the directorates executing contracts.
    profil: {
      formes: { fr: { nom: 'la Région Test', de_nom: 'de la Région Test' }, en: { nom: 'the Région Test', de_nom: 'of the Région Test' } },
      directions: [
        { code: 'LYCEES', fr: 'Lycées', en: 'Upper secondary schools', porte_le_dispositif: false },
        { code: 'FINANCES', fr: 'Finances', en: 'Finance', porte_le_dispositif: true },
      ],
    },
    ...overrides,
  };
}

export interface Marche {
  id_marche: string;
  id_operation?: string;
  segment?: string;
  direction?: string;
  departement?: string;
  type_clause?: string;
  critere_attribution?: boolean;
  heures_prevues?: number;
  date_notification?: string;
  id_facilitateur?: string;
  id_titulaire?: string;
}
export interface Participant {
  id_participant: string;
  sexe?: string;
  tranche_age?: string;
  niveau_formation?: string;
  publics?: string[];
  qpv?: boolean;
  rqth?: boolean;
  situation_sortie?: string;
}
export interface Heure {
  id_participant: string;
  id_marche: string;
  mois: string;
  heures: number;
  type_contrat?: string;
  modalite?: string;
  type_structure?: string;
}
export interface Entreprise {
  id_entreprise: string;
  taille?: string;
  secteur?: string;
}

/** Column-wise table from rows (every row has every column after defaults). */
function columns<T extends object>(rows: T[], keys: (keyof T & string)[]) {
  return aq.table(Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k])])));
}

/** A Dataset built from small row lists, with sensible defaults for the columns a test does not care about. */
export function dataset(input: { marches: Marche[]; participants: Participant[]; heures: Heure[]; entreprises?: Entreprise[]; meta?: Partial<Metadonnees> }): Dataset {
  const marches = input.marches.map((m) => ({
    id_acheteur: '12345678901234',
    objet: `Marché ${m.id_marche}`,
    code_cpv: '45000000',
    procedure: 'PROCEDURE_ADAPTEE',
    duree_mois: 24,
    montant: 100000,
    considerations_sociales: ['CLAUSE_SOCIALE'],
    id_operation: 'OP1',
    segment: 'TRAVAUX',
    direction: 'LYCEES',
    departement: '44',
    type_clause: 'EXECUTION',
    critere_attribution: false,
    heures_prevues: 100,
    date_notification: '2017-03-01',
    id_facilitateur: 'F1',
    id_titulaire: 'E001',
    ...m,
  }));
  const titulaires = [...new Set(marches.map((m) => m.id_titulaire))].sort();
  const entreprises = (input.entreprises ?? titulaires.map((id) => ({ id_entreprise: id }))).map((e) => ({
    taille: 'PME',
    secteur: 'F',
    departement: '44',
    ...e,
  }));
  const operations = [...new Set(marches.map((m) => m.id_operation))].sort().map((id) => ({
    id_operation: id,
    nom_operation: `Opération ${id}`,
    departement: '44',
  }));
  const facilitateurs = [...new Set(marches.map((m) => m.id_facilitateur))].sort().map((id) => ({
    id_facilitateur: id,
    nom_facilitateur: `Facilitateur ${id}`,
    type_facilitateur: 'PLIE',
    departement: '44',
  }));
  const participants = input.participants.map((p) => ({
    sexe: 'H',
    tranche_age: '26_49',
    niveau_formation: 'NIVEAU_3',
    publics: ['DELD'],
    qpv: false,
    rqth: false,
    situation_sortie: 'EMPLOI_DURABLE',
    ...p,
  }));
  const heures = input.heures.map((h) => ({
    type_contrat: 'CDDI',
    modalite: 'MISE_A_DISPOSITION',
    type_structure: 'ETTI',
    ...h,
  }));
  return {
    meta: meta(input.meta),
    marches: columns(marches, [
      'id_marche',
      'id_acheteur',
      'id_operation',
      'objet',
      'code_cpv',
      'segment',
      'procedure',
      'date_notification',
      'duree_mois',
      'montant',
      'considerations_sociales',
      'type_clause',
      'critere_attribution',
      'heures_prevues',
      'direction',
      'departement',
      'id_facilitateur',
      'id_titulaire',
    ]),
    operations: columns(operations, ['id_operation', 'nom_operation', 'departement']),
    facilitateurs: columns(facilitateurs, ['id_facilitateur', 'nom_facilitateur', 'type_facilitateur', 'departement']),
    entreprises: columns(entreprises, ['id_entreprise', 'taille', 'secteur', 'departement']),
    participants: columns(participants, ['id_participant', 'sexe', 'tranche_age', 'niveau_formation', 'publics', 'qpv', 'rqth', 'situation_sortie']),
    heures: columns(heures, ['id_participant', 'id_marche', 'mois', 'heures', 'type_contrat', 'modalite', 'type_structure']),
  };
}

/** Three persons, four contracts (one without clause), two years. */
export const tiny = () =>
  dataset({
    marches: [
      {
        id_marche: 'M1',
        id_operation: 'OP1',
        segment: 'TRAVAUX',
        date_notification: '2017-03-01',
        heures_prevues: 100,
        id_titulaire: 'E001',
        critere_attribution: true,
      },
      {
        id_marche: 'M2',
        id_operation: 'OP1',
        segment: 'SERVICES',
        date_notification: '2018-02-01',
        heures_prevues: 50,
        id_titulaire: 'E002',
      },
      {
        id_marche: 'M3',
        id_operation: 'OP2',
        segment: 'SERVICES',
        type_clause: 'RESERVE',
        date_notification: '2018-05-01',
        heures_prevues: 20,
        id_titulaire: 'E003',
        critere_attribution: true,
        direction: 'FINANCES',
      },
      {
        id_marche: 'M4',
        id_operation: 'OP3',
        segment: 'TRAVAUX',
        type_clause: 'AUCUNE',
        date_notification: '2018-06-01',
        heures_prevues: 0,
        id_titulaire: 'E004',
      },
    ],
    participants: [
      { id_participant: 'P1', sexe: 'F', publics: ['RSA', 'QPV'] },
      { id_participant: 'P2', sexe: 'H', publics: ['JEUNE'] },
      { id_participant: 'P3', sexe: 'F', publics: ['RSA'] },
    ],
    heures: [
      {
        id_participant: 'P1',
        id_marche: 'M1',
        mois: '2017-04',
        heures: 10,
        type_contrat: 'CDI',
        type_structure: 'ENTREPRISE',
      },
      {
        id_participant: 'P1',
        id_marche: 'M1',
        mois: '2017-05',
        heures: 20,
        type_contrat: 'CDI',
        type_structure: 'ENTREPRISE',
      },
      {
        id_participant: 'P2',
        id_marche: 'M1',
        mois: '2017-05',
        heures: 5,
        type_contrat: 'APPRENTISSAGE',
        type_structure: 'ENTREPRISE',
      },
      {
        id_participant: 'P2',
        id_marche: 'M2',
        mois: '2018-03',
        heures: 7.5,
        type_contrat: 'CDDI',
        type_structure: 'EI',
      },
      {
        id_participant: 'P3',
        id_marche: 'M2',
        mois: '2018-04',
        heures: 8,
        type_contrat: 'PROFESSIONNALISATION',
        type_structure: 'GEIQ',
      },
    ],
  });

/**
 * A deterministic mid-sized dataset (120 persons, 10 contracts, 2 years) where most cells are
 * published and a few are secret. `label` may carry text that a spreadsheet would run.
 */
export function medium(options: { operationName?: string; k?: number } = {}): Dataset {
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const marches: Marche[] = Array.from({ length: 10 }, (_, i) => ({
    id_marche: `M${String(i).padStart(2, '0')}`,
    id_operation: `OP${i % 3}`,
    segment: pick(['TRAVAUX', 'TRAVAUX', 'SERVICES']),
    date_notification: `${2017 + (i % 2)}-0${1 + (i % 9)}-10`,
    id_titulaire: `E00${i % 6}`,
    id_facilitateur: `F${i % 2}`,
    heures_prevues: 500 + 50 * i,
    critere_attribution: i % 4 === 0,
  }));
  const participants: Participant[] = Array.from({ length: 120 }, (_, i) => ({
    id_participant: `P${String(i).padStart(4, '0')}`,
    sexe: rnd() < 0.2 ? 'F' : 'H',
    tranche_age: pick(['MOINS_26', '26_49', '26_49', '50_PLUS']),
    publics: [pick(['RSA', 'DELD', 'JEUNE', 'TH'])],
    qpv: rnd() < 0.3,
  }));
  const heures: Heure[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < 600; i++) {
    const p = participants[i % participants.length]!.id_participant;
    const m = pick(marches);
    const year = Math.max(Number(m.date_notification!.slice(0, 4)), 2017 + Math.floor(rnd() * 2));
    const mois = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`;
    const type_contrat = pick(['CDI', 'CDDI', 'CDDI', 'CTTI', 'APPRENTISSAGE', 'PROFESSIONNALISATION']);
    const type_structure = pick(['ENTREPRISE', 'ETTI', 'ETTI', 'EI', 'GEIQ']);
    const key = [p, m.id_marche, mois, type_contrat, type_structure].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    heures.push({
      id_participant: p,
      id_marche: m.id_marche,
      mois,
      heures: 7 + Math.floor(rnd() * 140) + 0.5,
      type_contrat,
      type_structure,
    });
  }
  const ds = dataset({ marches, participants, heures, meta: { seuil_secret: options.k ?? 5, id: 'region-test' } });
  if (options.operationName === undefined) return ds;
  const names = ds.operations.array('nom_operation') as string[];
  return {
    ...ds,
    operations: ds.operations.assign({ nom_operation: names.map((n, i) => (i === 0 ? options.operationName! : n)) }),
  };
}

/** Columns as the validator builds them (value ids and distinct values) or as plain arrays. */
export function makeTable(columns: Record<string, unknown[]>, dictionary: boolean): aq.ColumnTable {
  if (!dictionary) return aq.table(columns);
  const out: Record<string, DictionaryColumn> = {};
  for (const [name, cells] of Object.entries(columns)) {
    const values: unknown[] = [null];
    const ids = new Uint32Array(cells.length);
    cells.forEach((v, i) => {
      // The validator's dictionaries keep null at 0 and each distinct value once.
      let id = values.findIndex((w) => Object.is(w, v) || (Array.isArray(v) && JSON.stringify(w) === JSON.stringify(v)));
      if (id < 0) id = values.push(v) - 1;
      ids[i] = id;
    });
    out[name] = new DictionaryColumn(ids, values);
  }
  return aq.table(out);
}
