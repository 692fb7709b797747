import { contractKey, NO_CONTRACT, type ContractCell } from '../cells/index.ts';
import type { Protection } from '../protect/index.ts';
import { SECRET } from '../../schemas/secret.ts';
import { HEURES_ANNUELLES_ETP, type Texte } from '../indicators/codes.ts';
import {
  CONTRACT_DIMENSIONS,
  DIMENSIONS,
  type ContractDimension,
  type Dimension,
  type DimValue,
} from '../indicators/dimensions.ts';
import {
  HEADLINE_DEFINITIONS,
  HEADLINE_IDS,
  UNITES,
  headlineFigures,
  type HeadlineDefinition,
} from '../indicators/headline.ts';
import { facilitatorsCount } from '../indicators/measures.ts';
import { ciblesDe, type SujetOdd } from '../sdg.ts';
import { marchesFields } from '../../schemas/marches.ts';
import type { Colonne, Ligne, TableSpec, Valeur } from './types.ts';

/**
 * The list of published tables. This one array feeds the pipeline (the cubes it computes and
 * protects, then the tables step), the data page, the datapackage and the site's routes. A
 * table's rows are read from the protected cells (`TableInput`): no table computes a figure of
 * its own.
 */

// ---------------------------------------------------------------------------------------------
// Columns

const HEURES: Texte = { fr: 'heures', en: 'hours' };
const PCT: Texte = { fr: '%', en: '%' };

const col = {
  heures_realisees: {
    nom: 'heures_realisees',
    type: 'number',
    role: 'mesure',
    titre: { fr: "Heures d'insertion réalisées", en: 'Insertion hours carried out' },
    unite: HEURES,
    decimales: 2,
  },
  etp: {
    nom: 'etp',
    type: 'number',
    role: 'mesure',
    titre: { fr: 'Équivalents temps plein', en: 'Full-time equivalents' },
    description: {
      fr: `Heures réalisées divisées par ${HEURES_ANNUELLES_ETP} (durée légale annuelle du travail).`,
      en: `Hours carried out divided by ${HEURES_ANNUELLES_ETP} (legal annual working time).`,
    },
    unite: { fr: 'ETP', en: 'FTE' },
    decimales: 2,
  },
  personnes: {
    nom: 'personnes',
    type: 'integer',
    role: 'mesure',
    titre: { fr: 'Personnes', en: 'Persons' },
    description: {
      fr: 'Personnes distinctes ayant au moins une heure réalisée dans la cellule.',
      en: 'Distinct persons with at least one hour carried out in the cell.',
    },
    unite: { fr: 'personnes', en: 'persons' },
  },
  entreprises: {
    nom: 'entreprises',
    type: 'integer',
    role: 'mesure',
    titre: { fr: 'Entreprises ayant embauché', en: 'Companies that hired' },
    description: {
      fr: 'Titulaires distincts des marchés ayant des heures réalisées dans la cellule.',
      en: 'Distinct contractors of the contracts with hours carried out in the cell.',
    },
    unite: { fr: 'entreprises', en: 'companies' },
  },
  part_heures: {
    nom: 'part_heures',
    type: 'number',
    role: 'mesure',
    titre: { fr: 'Part des heures', en: 'Share of hours' },
    unite: PCT,
    decimales: 2,
  },
  part_personnes: {
    nom: 'part_personnes',
    type: 'number',
    role: 'mesure',
    titre: { fr: 'Part des personnes', en: 'Share of persons' },
    unite: PCT,
    decimales: 2,
  },
  nombre_marches: {
    nom: 'nombre_marches',
    type: 'integer',
    role: 'mesure',
    titre: { fr: "Marchés avec clause d'insertion", en: 'Contracts with an insertion clause' },
    unite: { fr: 'marchés', en: 'contracts' },
  },
  nombre_operations: {
    nom: 'nombre_operations',
    type: 'integer',
    role: 'mesure',
    titre: { fr: 'Opérations', en: 'Operations' },
    unite: { fr: 'opérations', en: 'operations' },
  },
  nombre_marches_critere: {
    nom: 'nombre_marches_critere',
    type: 'integer',
    role: 'mesure',
    titre: { fr: "Marchés avec critère d'attribution insertion", en: 'Contracts with an insertion award criterion' },
    unite: { fr: 'marchés', en: 'contracts' },
  },
  heures_prevues: {
    nom: 'heures_prevues',
    type: 'number',
    role: 'mesure',
    titre: { fr: "Heures d'insertion prévues", en: 'Planned insertion hours' },
    description: {
      fr: 'Heures inscrites dans les marchés avec clause.',
      en: 'Hours written into the contracts with a clause.',
    },
    unite: HEURES,
    decimales: 2,
  },
  taux_realisation: {
    nom: 'taux_realisation',
    type: 'number',
    role: 'mesure',
    titre: { fr: 'Taux de réalisation', en: 'Completion rate' },
    description: {
      fr: 'Heures réalisées sur ces marchés divisées par les heures prévues (vide sans heures prévues).',
      en: 'Hours carried out on these contracts divided by planned hours (empty without planned hours).',
    },
    unite: PCT,
    decimales: 2,
  },
} as const satisfies Record<string, Colonne>;

const dimensionColumn = (d: Dimension): Colonne => ({
  nom: d,
  type: DIMENSIONS[d].type,
  role: 'dimension',
  titre: DIMENSIONS[d].titre,
});

/** Name of the label column of a dimension (none for years, months and yes/no). */
function labelColumn(d: Dimension): Colonne | undefined {
  const spec = DIMENSIONS[d];
  if (!spec.libelle || spec.type === 'boolean') return undefined;
  const nom =
    d === 'id_operation'
      ? 'nom_operation'
      : d === 'id_facilitateur'
        ? 'nom_facilitateur'
        : d === 'departement'
          ? 'nom_departement'
          : `libelle_${d}`;
  return {
    nom,
    type: 'string',
    role: 'dimension',
    titre: { fr: `${spec.titre.fr} (libellé)`, en: `${spec.titre.en} (label)` },
  };
}

// ---------------------------------------------------------------------------------------------
// Values

/** Rounds half away from zero (binary noise corrected), never giving -0. */
export const round = (x: number, decimals = 2) => {
  const f = 10 ** decimals;
  const r = Math.round((x + Number.EPSILON * Math.sign(x)) * f) / f;
  return Object.is(r, -0) ? 0 : r;
};
const ratio = (num: number, den: number): number | null => (den > 0 ? round((100 * num) / den) : null);

function published(d: Dimension, v: DimValue): Valeur {
  const type = DIMENSIONS[d].type;
  return type === 'year' ? Number(v) : v;
}

/** Person measures of one cell, hidden as a block when the cell is secret. */
function personMeasures(
  p: Protection,
  values: Record<string, DimValue>,
  opts: { partDe?: Record<string, DimValue>; entreprises?: boolean },
): Ligne {
  const cell = p.cell(values);
  const hidden = p.isHidden(values) || !cell;
  const out: Ligne = {};
  out.heures_realisees = hidden ? SECRET : round(cell.heures);
  out.etp = hidden ? SECRET : round(cell.heures / HEURES_ANNUELLES_ETP);
  out.personnes = hidden ? SECRET : cell.personnes.size;
  if (opts.entreprises)
    out.entreprises = hidden ? SECRET : cell.entreprises;
  if (opts.partDe) {
    const parent = p.cell(opts.partDe);
    const parentHidden = p.isHidden(opts.partDe) || !parent;
    out.part_heures = hidden || parentHidden ? SECRET : ratio(cell.heures, parent.heures);
    out.part_personnes = hidden || parentHidden ? SECRET : ratio(cell.personnes.size, parent.personnes.size);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Table builders

const lc = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const SECRET_NOTE: Texte = {
  fr: 'Les cellules de moins de k personnes (seuil de secret) sont marquées « secret », ainsi que les cellules masquées pour empêcher de les retrouver par différence.',
  en: 'Cells of fewer than k persons (disclosure threshold) are marked "secret", as are the cells hidden so that they cannot be recovered by subtraction.',
};

interface HoursTableOptions {
  id: string;
  dims: Dimension[];
  /** Dimensions of the denominator of the shares (`[]`: the total; `['annee']`: the year). */
  partDe?: Dimension[];
  /** Add contract measures (planned hours, contracts, completion rate): 1-D contract dimension only. */
  marches?: ContractDimension;
  entreprises?: boolean;
  titre?: Texte;
  description?: Texte;
}

function hoursTable(o: HoursTableOptions): TableSpec {
  const dimCols = o.dims.flatMap((d) =>
    [dimensionColumn(d), labelColumn(d)].filter((c): c is Colonne => c !== undefined),
  );
  const measures: Colonne[] = [col.heures_realisees, col.etp, col.personnes];
  if (o.entreprises) measures.push(col.entreprises);
  if (o.partDe) {
    const within =
      o.partDe.length === 0 ? { fr: "de l'ensemble", en: 'of the total' } : { fr: "de l'année", en: 'of the year' };
    measures.push(
      {
        ...col.part_heures,
        description: {
          fr: `Part des heures réalisées ${within.fr}.`,
          en: `Share of the hours carried out ${within.en}.`,
        },
      },
      {
        ...col.part_personnes,
        description: { fr: `Part des personnes ${within.fr}.`, en: `Share of the persons ${within.en}.` },
      },
    );
  }
  if (o.marches) measures.push(col.nombre_marches, col.heures_prevues, col.taux_realisation);
  const names = o.dims.map((d) => DIMENSIONS[d].titre);
  const by: Texte = {
    fr: names.map((n) => lc(n.fr)).join(' et par '),
    en: names.map((n) => lc(n.en)).join(' and by '),
  };
  const notes = o.dims.map((d) => DIMENSIONS[d].note).filter((n): n is Texte => n !== undefined);
  const companyNote: Texte | undefined = o.dims.some((d) => DIMENSIONS[d].entreprises)
    ? {
        fr: "Règle des entreprises (pratique de l'INSEE) : une cellule compte au moins 3 entreprises et aucune ne dépasse 85 % de ses heures, sinon elle est secrète.",
        en: 'Company rule (INSEE practice): a cell counts at least 3 companies and none holds more than 85 % of its hours, otherwise it is secret.',
      }
    : undefined;
  const parts = [...notes, ...(companyNote ? [companyNote] : []), SECRET_NOTE];
  const sujets: SujetOdd[] = ['heures', ...o.dims];
  return {
    id: o.id,
    titre: o.titre ?? {
      fr: `Heures réalisées et personnes par ${by.fr}`,
      en: `Hours carried out and persons by ${by.en}`,
    },
    description: o.description ?? {
      fr: [
        `Heures d'insertion réalisées, équivalents temps plein et personnes bénéficiaires, par ${by.fr}.`,
        ...parts.map((n) => n.fr),
      ].join(' '),
      en: [
        `Insertion hours carried out, full-time equivalents and beneficiaries, by ${by.en}.`,
        ...parts.map((n) => n.en),
      ].join(' '),
    },
    colonnes: [...dimCols, ...measures],
    cle: [...o.dims],
    odd: ciblesDe(...sujets),
    cubes: [o.dims],
    compute({ protection: p }) {
      const ds = p.cells.ds;
      const contracts = o.marches ? p.cells.contracts([o.marches]) : undefined;
      return p.grid(o.dims).map((values) => {
        const row: Ligne = {};
        for (const d of o.dims) {
          row[d] = published(d, values[d]!);
          const label = labelColumn(d);
          if (label) row[label.nom] = DIMENSIONS[d].libelle!(values[d]!, ds).fr;
        }
        const partDe = o.partDe ? Object.fromEntries(o.partDe.map((d) => [d, values[d]!])) : undefined;
        Object.assign(row, personMeasures(p, values, { partDe, entreprises: o.entreprises }));
        if (o.marches && contracts) {
          const c = contracts.get(contractKey([values[o.marches]]));
          const planned = c?.heures_prevues ?? 0;
          row.nombre_marches = c?.nombre_marches ?? 0;
          row.heures_prevues = round(planned);
          row.taux_realisation =
            row.heures_realisees === SECRET ? SECRET : ratio(Number(row.heures_realisees), planned);
        }
        return row;
      });
    },
  };
}

const SLUGS: Partial<Record<Dimension, string>> = {
  segment: 'segment',
  direction: 'direction',
  departement: 'departement',
  type_clause: 'type-de-clause',
  id_operation: 'operation',
  id_facilitateur: 'facilitateur',
  type_contrat: 'type-de-contrat',
  modalite: 'modalite',
  type_structure: 'type-de-structure',
  sexe: 'sexe',
  tranche_age: 'tranche-d-age',
  niveau_formation: 'niveau-de-formation',
  public: 'public',
  qpv: 'qpv',
  rqth: 'rqth',
  situation_sortie: 'situation-a-la-sortie',
  taille_entreprise: 'taille-d-entreprise',
  secteur_entreprise: 'secteur-d-activite',
};

/** Breakdowns published by themselves (margin) and by year (trend). */
const BY_YEAR: Dimension[] = [
  'segment',
  'direction',
  'departement',
  'type_clause',
  'type_contrat',
  'modalite',
  'type_structure',
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
/** Breakdowns published by themselves only (many values: a table by year would be mostly secret). */
const ALONE: Dimension[] = ['id_operation', 'id_facilitateur'];

const isContractDim = (d: Dimension): d is ContractDimension => (CONTRACT_DIMENSIONS as readonly string[]).includes(d);

// ---------------------------------------------------------------------------------------------
// Special tables

const synthese: TableSpec = {
  id: 'synthese',
  titre: { fr: 'Synthèse du dispositif', en: 'Summary of the scheme' },
  description: {
    fr: "Une ligne : marchés avec clause, opérations, heures prévues et réalisées, taux de réalisation, équivalents temps plein, personnes, entreprises ayant embauché et facilitateurs, sur toute la période. C'est le total de toutes les autres tables.",
    en: 'One row: contracts with a clause, operations, planned and carried out hours, completion rate, full-time equivalents, persons, companies that hired and facilitators, over the whole period. It is the total of every other table.',
  },
  colonnes: [
    col.nombre_marches,
    col.nombre_operations,
    col.nombre_marches_critere,
    col.heures_prevues,
    col.heures_realisees,
    col.taux_realisation,
    col.etp,
    col.personnes,
    col.entreprises,
    {
      nom: 'facilitateurs',
      type: 'integer',
      role: 'mesure',
      titre: { fr: 'Facilitateurs', en: 'Facilitators' },
      unite: { fr: 'structures', en: 'organisations' },
    },
  ],
  cle: [],
  odd: ciblesDe('heures', 'marches', 'id_facilitateur'),
  cubes: [[]],
  compute({ protection: p }) {
    const c = p.cells.contracts([]).get(contractKey([])) ?? NO_CONTRACT;
    const planned = c.heures_prevues;
    const m = personMeasures(p, {}, {});
    return [
      {
        nombre_marches: c.nombre_marches,
        nombre_operations: c.nombre_operations,
        nombre_marches_critere: c.nombre_marches_critere,
        heures_prevues: round(planned),
        heures_realisees: m.heures_realisees ?? null,
        taux_realisation: m.heures_realisees === SECRET ? SECRET : ratio(Number(m.heures_realisees), planned),
        etp: m.etp ?? null,
        personnes: m.personnes ?? null,
        // Companies are not persons: the count of contractors that hired is public procurement data.
        entreprises: p.cells.cell({})!.entreprises,
        facilitateurs: facilitatorsCount(p.cells.ds),
      },
    ];
  },
};

const chiffresCles: TableSpec = {
  id: 'chiffres-cles',
  titre: { fr: 'Chiffres clés', en: 'Key figures' },
  description: {
    fr: 'Les chiffres publiés par le programme, recalculés à partir des données, avec leur définition. La valeur est arrondie à 2 décimales ; la colonne « precision » donne le nombre de décimales à afficher.',
    en: 'The programme\'s published figures, computed again from the data, with their definition. The value is rounded to 2 decimals; the "precision" column gives the number of decimals to display.',
  },
  colonnes: [
    { nom: 'indicateur', type: 'string', role: 'dimension', titre: { fr: 'Indicateur', en: 'Indicator' } },
    { nom: 'libelle_fr', type: 'string', role: 'dimension', titre: { fr: 'Libellé (français)', en: 'Label (French)' } },
    { nom: 'libelle_en', type: 'string', role: 'dimension', titre: { fr: 'Libellé (anglais)', en: 'Label (English)' } },
    { nom: 'valeur', type: 'number', role: 'mesure', titre: { fr: 'Valeur', en: 'Value' }, decimales: 2 },
    { nom: 'unite', type: 'string', role: 'dimension', titre: { fr: 'Unité', en: 'Unit' } },
    {
      nom: 'precision',
      type: 'integer',
      role: 'dimension',
      titre: { fr: "Décimales à l'affichage", en: 'Decimals to display' },
    },
    {
      nom: 'reference',
      type: 'string',
      role: 'dimension',
      titre: { fr: 'Période ou date de référence', en: 'Reference period or date' },
    },
    {
      nom: 'definition_fr',
      type: 'string',
      role: 'dimension',
      titre: { fr: 'Définition (français)', en: 'Definition (French)' },
    },
    {
      nom: 'definition_en',
      type: 'string',
      role: 'dimension',
      titre: { fr: 'Définition (anglais)', en: 'Definition (English)' },
    },
  ],
  cle: ['indicateur'],
  odd: ciblesDe(...HEADLINE_IDS),
  cubes: [[], ['annee'], ['type_contrat'], ['famille_contrat'], ['famille_structure'], ['sexe']],
  compute({ protection: p }) {
    const references = p.cells.references;
    const yearCell = (offset: 0 | -1) => ({ annee: String(references.annee + offset) });
    const figures = headlineFigures(p.cells);
    return HEADLINE_IDS.map((id) => {
      const def: HeadlineDefinition = HEADLINE_DEFINITIONS[id];
      const f = figures[id];
      const prot = def.protection;
      const hidden =
        prot !== null &&
        ('cellules' in prot
          ? prot.cellules.some((c) => p.isHidden(c))
          : 'annee' in prot
            ? p.isHidden(yearCell(prot.annee))
            : p.womenShareHidden(references[prot.femmesAuMois]));
      return {
        indicateur: id,
        libelle_fr: def.titre.fr,
        libelle_en: def.titre.en,
        // Not applicable (reference outside the data, empty denominator) stays empty, even when its cells are unknown.
        valeur: f.valeur === null ? null : hidden ? SECRET : round(f.valeur),
        unite: UNITES[def.unite].fr,
        precision: def.precision,
        reference: f.reference,
        definition_fr: def.definition.fr,
        definition_en: def.definition.en,
      };
    });
  },
};

const marchesParAnnee: TableSpec = {
  id: 'marches-par-annee',
  titre: { fr: 'Marchés avec clause par année de notification', en: 'Contracts with a clause by year of notification' },
  description: {
    fr:
      "Marchés avec clause d'insertion notifiés chaque année : nombre, opérations, critère d'attribution, part des marchés de services, heures prévues, puis heures réalisées sur ces marchés (quelle que soit l'année de réalisation), personnes et taux de réalisation. " +
      SECRET_NOTE.fr,
    en:
      'Contracts with an insertion clause notified each year: count, operations, award criterion, share of service contracts, planned hours, then hours carried out on these contracts (whatever the year they were carried out), persons and completion rate. ' +
      SECRET_NOTE.en,
  },
  colonnes: [
    dimensionColumn('annee_notification'),
    col.nombre_marches,
    col.nombre_operations,
    col.nombre_marches_critere,
    {
      nom: 'part_marches_services',
      type: 'number',
      role: 'mesure',
      titre: { fr: 'Part des marchés de services', en: 'Share of service contracts' },
      description: {
        fr: 'Marchés du segment « services » divisés par les marchés avec clause de l’année.',
        en: 'Contracts of the "services" segment divided by the contracts with a clause of the year.',
      },
      unite: PCT,
      decimales: 2,
    },
    col.heures_prevues,
    col.heures_realisees,
    col.etp,
    col.personnes,
    col.taux_realisation,
  ],
  cle: ['annee_notification'],
  odd: ciblesDe('marches', 'heures'),
  cubes: [['annee_notification']],
  compute({ protection: p }) {
    const contracts = p.cells.contracts(['annee_notification']);
    const bySegment = p.cells.contracts(['annee_notification', 'segment']);
    return p.grid(['annee_notification']).map((values) => {
      const year = String(values.annee_notification);
      const c = contracts.get(contractKey([year]));
      const n = c?.nombre_marches ?? 0;
      const planned = c?.heures_prevues ?? 0;
      const m = personMeasures(p, values, {});
      return {
        annee_notification: Number(year),
        nombre_marches: n,
        nombre_operations: c?.nombre_operations ?? 0,
        nombre_marches_critere: c?.nombre_marches_critere ?? 0,
        part_marches_services: ratio(bySegment.get(contractKey([year, 'SERVICES']))?.nombre_marches ?? 0, n),
        heures_prevues: round(planned),
        heures_realisees: m.heures_realisees ?? null,
        etp: m.etp ?? null,
        personnes: m.personnes ?? null,
        taux_realisation: m.heures_realisees === SECRET ? SECRET : ratio(Number(m.heures_realisees), planned),
      };
    });
  },
};

const marchesParAnneeEtSegment: TableSpec = {
  id: 'marches-par-annee-et-segment',
  titre: {
    fr: 'Marchés avec clause par année de notification et segment',
    en: 'Contracts with a clause by year of notification and segment',
  },
  description: {
    fr: "Nombre de marchés avec clause d'insertion, opérations et heures prévues par année de notification et segment d'achat (travaux, services, fournitures, prestations intellectuelles), et part de chaque segment dans les marchés de l'année. Données sur les marchés : pas de secret.",
    en: 'Number of contracts with an insertion clause, operations and planned hours by year of notification and segment (works, services, supplies, intellectual services), and the share of each segment in the year’s contracts. Contract data: no secrecy applies.',
  },
  colonnes: [
    dimensionColumn('annee_notification'),
    dimensionColumn('segment'),
    labelColumn('segment')!,
    col.nombre_marches,
    col.nombre_operations,
    col.heures_prevues,
    {
      nom: 'part_marches',
      type: 'number',
      role: 'mesure',
      titre: { fr: "Part des marchés de l'année", en: 'Share of the year’s contracts' },
      unite: PCT,
      decimales: 2,
    },
  ],
  cle: ['annee_notification', 'segment'],
  odd: ciblesDe('marches'),
  cubes: [],
  compute({ protection: p }) {
    const byYear = p.cells.contracts(['annee_notification']);
    const cells = p.cells.contracts(['annee_notification', 'segment']);
    return p.grid(['annee_notification', 'segment']).map((values) => {
      const year = String(values.annee_notification);
      const c: ContractCell | undefined = cells.get(contractKey([year, values.segment]));
      return {
        annee_notification: Number(year),
        segment: String(values.segment),
        libelle_segment: DIMENSIONS.segment.libelle!(values.segment!, p.cells.ds).fr,
        nombre_marches: c?.nombre_marches ?? 0,
        nombre_operations: c?.nombre_operations ?? 0,
        heures_prevues: round(c?.heures_prevues ?? 0),
        part_marches: ratio(c?.nombre_marches ?? 0, byYear.get(contractKey([year]))?.nombre_marches ?? 0),
      };
    });
  },
};

/** A column of the contracts table documented by the data contract (`src/schemas/marches.ts`). */
const contractField = (
  nom: keyof typeof marchesFields,
  type: Colonne['type'],
  role: Colonne['role'],
  extra: Partial<Colonne> = {},
): Colonne => ({
  nom,
  type,
  role,
  titre: marchesFields[nom].title,
  description: marchesFields[nom].description,
  ...extra,
});

/** Contract attributes published with their label column. */
const CONTRACT_LABELLED: Dimension[] = ['segment', 'type_clause', 'id_operation', 'direction', 'departement', 'id_facilitateur', 'taille_entreprise'];
const labelled = (d: Dimension): Colonne[] => [dimensionColumn(d), labelColumn(d)!];

/**
 * One row per contract (or lot) with a clause: its public procurement fields (those of the
 * national DECP data, which publish every contract) and its planned hours, with the operation,
 * directorate, département, facilitator and contractor size it is counted under.
 *
 * No figure carried out (hours, persons) is published per contract: a contract has one
 * contractor, so its hours are one company's (the INSEE rule wants 3), most contracts count
 * fewer than k persons, and contracts add up to every table of the release at once (operations,
 * segments, directorates, départements, facilitators, sizes, years), which let an outsider pin
 * secret cells by difference. Hours carried out are published by operation and by every
 * attribute of the contracts instead. The contractor's pseudonym is left out: it is not the public
 * identity of the company (DECP's SIRET), so it tells a reader nothing, and it would let anyone
 * group one company's contracts.
 */
const marches: TableSpec = {
  id: 'marches',
  titre: { fr: "Marchés avec clause d'insertion", en: 'Contracts with an insertion clause' },
  description: {
    fr: "Un marché (ou lot) par ligne, avec clause d'insertion : identifiant et champs publics des données essentielles de la commande publique (DECP), opération, direction, département, facilitateur, taille de l'entreprise titulaire et heures d'insertion prévues. Les heures réalisées ne sont pas publiées par marché (un marché, c'est une seule entreprise, souvent moins de k personnes) : elles le sont par opération et par chacun de ces attributs.",
    en: 'One contract (or lot) with an insertion clause per row: identifier and public fields of the national procurement data (DECP), operation, directorate, département, facilitator, size of the contractor and planned insertion hours. Hours carried out are not published per contract (a contract is a single company, often fewer than k persons): they are published by operation and by each of these attributes.',
  },
  colonnes: [
    contractField('id_marche', 'string', 'dimension'),
    contractField('objet', 'string', 'dimension'),
    contractField('date_notification', 'date', 'dimension'),
    dimensionColumn('annee_notification'),
    ...labelled('segment'),
    contractField('code_cpv', 'string', 'dimension'),
    contractField('duree_mois', 'integer', 'mesure', { unite: { fr: 'mois', en: 'months' } }),
    contractField('montant', 'number', 'mesure', { unite: { fr: '€ HT', en: '€ excl. VAT' }, decimales: 2 }),
    ...labelled('type_clause'),
    contractField('critere_attribution', 'boolean', 'dimension'),
    { ...col.heures_prevues, description: marchesFields.heures_prevues.description },
    ...CONTRACT_LABELLED.filter((d) => !['segment', 'type_clause'].includes(d)).flatMap(labelled),
  ],
  cle: ['id_marche'],
  odd: ciblesDe('marches'),
  cubes: [],
  compute({ protection: p }) {
    const ds = p.cells.ds;
    const m = ds.marches;
    const n = m.numRows();
    const get = (name: string) => m.array(name) as unknown as ArrayLike<unknown>;
    const ids = get('id_marche');
    const objets = get('objet');
    const dates = get('date_notification');
    const cpv = get('code_cpv');
    const durees = get('duree_mois');
    const montants = get('montant');
    const clauses = get('type_clause');
    const criteres = get('critere_attribution');
    const prevues = get('heures_prevues');
    const titulaires = get('id_titulaire');
    const attributes = new Map(CONTRACT_LABELLED.filter((d) => d !== 'taille_entreprise').map((d) => [d, get(d)]));
    const sizes = new Map<string, string>();
    const ent = ds.entreprises.array('id_entreprise');
    const taille = ds.entreprises.array('taille');
    for (let i = 0; i < ent.length; i++) sizes.set(String(ent[i]), String(taille[i]));
    // Labels looked up once per value (names of operations and facilitators by id too).
    const labels = new Map<string, string>();
    const labelOf = (d: Dimension, v: string) => {
      const key = `${d}\u0001${v}`;
      let l = labels.get(key);
      if (l === undefined) labels.set(key, (l = DIMENSIONS[d].libelle!(v, ds).fr));
      return l;
    };
    const order: number[] = [];
    for (let i = 0; i < n; i++) if (clauses[i] !== 'AUCUNE') order.push(i);
    order.sort((a, b) => cmp(String(dates[a]), String(dates[b])) || cmp(String(ids[a]), String(ids[b])));
    return order.map((i) => {
      const attr = (d: Dimension): string =>
        d === 'taille_entreprise' ? (sizes.get(String(titulaires[i])) ?? '') : String(attributes.get(d)![i]);
      const row: Ligne = {
        id_marche: String(ids[i]),
        objet: String(objets[i]),
        date_notification: String(dates[i]),
        annee_notification: Number(String(dates[i]).slice(0, 4)),
        segment: attr('segment'),
        libelle_segment: labelOf('segment', attr('segment')),
        code_cpv: String(cpv[i]),
        duree_mois: Number(durees[i]),
        montant: round(Number(montants[i])),
        type_clause: attr('type_clause'),
        libelle_type_clause: labelOf('type_clause', attr('type_clause')),
        critere_attribution: criteres[i] === true,
        heures_prevues: round(Number(prevues[i])),
      };
      for (const d of CONTRACT_LABELLED) {
        if (d === 'segment' || d === 'type_clause') continue;
        const v = attr(d);
        row[d] = v;
        row[labelColumn(d)!.nom] = labelOf(d, v);
      }
      return row;
    });
  },
};
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// The manifest

export const TABLES: readonly TableSpec[] = [
  chiffresCles,
  synthese,
  hoursTable({ id: 'heures-par-annee', dims: ['annee'], partDe: [], entreprises: true }),
  hoursTable({ id: 'heures-par-mois', dims: ['mois'] }),
  marchesParAnnee,
  marchesParAnneeEtSegment,
  marches,
  ...[...BY_YEAR, ...ALONE].map((d) =>
    hoursTable({
      id: `heures-par-${SLUGS[d]}`,
      dims: [d],
      partDe: [],
      marches: isContractDim(d) ? d : undefined,
      entreprises: DIMENSIONS[d].entreprises,
    }),
  ),
  ...BY_YEAR.map((d) =>
    hoursTable({
      id: `heures-par-annee-et-${SLUGS[d]}`,
      dims: ['annee', d],
      partDe: ['annee'],
      entreprises: DIMENSIONS[d].entreprises,
    }),
  ),
];

/** The table with this id (throws on an unknown id: ids are stable, a typo is a bug). */
export function table(id: string): TableSpec {
  const t = TABLES.find((x) => x.id === id);
  if (!t) throw new Error(`Table inconnue / unknown table: ${id}`);
  return t;
}
