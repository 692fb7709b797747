/**
 * The one place that knows published table ids: which chart reads which table and columns, and
 * which charts and key figures each page shows. Wiring a new or renamed table is an edit here
 * (plus its title and code labels in src/i18n/dictionary.ts). A chart whose table is absent from
 * the release is skipped with a build warning, so pages never show invented numbers.
 */
import type { ChartKind } from '../charts/index.ts';
import type { Key } from '../i18n/index.ts';
import type { PageKey } from './routes.ts';

export interface ChartSpec {
  /** Anchor on its page, path of its embed page and files (`/embed/<id>/`, `/graphiques/<id>.csv`). */
  id: string;
  title: Key;
  /** Published table it reads. */
  table: string;
  kind: ChartKind;
  /** Column giving the position: a year, or the category of ranked bars. */
  x: string;
  /** Measure column; several columns make one series each. */
  y: string | string[];
  /** Dimension column splitting the values into series (grouped bars, lines). */
  series?: string;
  /** Keep only the rows whose columns equal these values (or one of these values). */
  where?: Record<string, string | number | boolean | (string | number | boolean)[]>;
  /** Column whose text labels `x` (proper names: facilitators, operations) instead of code labels. */
  label?: string;
  /** Ranked bars: by decreasing value (default) or in the table's order (ordinal categories). */
  order?: 'value' | 'data';
  /** Page the chart belongs to: its permalink and the "see in page" link of its embed. */
  page: PageKey;
}

export const CHART_SPECS: ChartSpec[] = [
  // hours
  { id: 'heures-par-annee', title: 'chart.heures-par-annee', table: 'heures-par-annee', kind: 'year-bars', x: 'annee', y: 'heures_realisees', page: 'hours' },
  { id: 'heures-par-segment', title: 'chart.heures-par-segment', table: 'heures-par-annee-et-segment', kind: 'year-groups', x: 'annee', y: 'heures_realisees', series: 'segment', page: 'hours' },
  { id: 'carte-heures-par-departement', title: 'chart.carte-heures-par-departement', table: 'heures-par-departement', kind: 'map', x: 'departement', y: 'heures_realisees', page: 'hours' },
  { id: 'carte-personnes-par-departement', title: 'chart.carte-personnes-par-departement', table: 'heures-par-departement', kind: 'map', x: 'departement', y: 'personnes', page: 'beneficiaries' },
  {
    id: 'heures-par-departement',
    title: 'chart.heures-par-departement',
    table: 'heures-par-annee-et-departement',
    kind: 'year-lines',
    x: 'annee',
    y: 'heures_realisees',
    series: 'departement',
    page: 'hours',
  },
  // contracts
  { id: 'marches-par-annee', title: 'chart.marches-par-annee', table: 'marches-par-annee', kind: 'year-bars', x: 'annee_notification', y: 'nombre_marches', page: 'contracts' },
  {
    id: 'marches-par-segment',
    title: 'chart.marches-par-segment',
    table: 'marches-par-annee-et-segment',
    kind: 'year-groups',
    x: 'annee_notification',
    y: 'nombre_marches',
    series: 'segment',
    page: 'contracts',
  },
  { id: 'part-services', title: 'chart.part-services', table: 'marches-par-annee', kind: 'year-lines', x: 'annee_notification', y: 'part_marches_services', page: 'contracts' },
  // beneficiaries
  { id: 'personnes-par-annee', title: 'chart.personnes-par-annee', table: 'heures-par-annee', kind: 'year-bars', x: 'annee', y: 'personnes', page: 'beneficiaries' },
  { id: 'part-femmes', title: 'chart.part-femmes', table: 'heures-par-annee-et-sexe', kind: 'year-lines', x: 'annee', y: 'part_personnes', where: { sexe: 'F' }, page: 'beneficiaries' },
  { id: 'personnes-par-age', title: 'chart.personnes-par-age', table: 'heures-par-tranche-d-age', kind: 'ranked-bars', x: 'tranche_age', y: 'personnes', order: 'data', page: 'beneficiaries' },
  {
    id: 'personnes-par-niveau-formation',
    title: 'chart.personnes-par-niveau-formation',
    table: 'heures-par-niveau-de-formation',
    kind: 'ranked-bars',
    x: 'niveau_formation',
    y: 'personnes',
    order: 'data',
    page: 'beneficiaries',
  },
  { id: 'personnes-par-public', title: 'chart.personnes-par-public', table: 'heures-par-public', kind: 'ranked-bars', x: 'public', y: 'personnes', page: 'beneficiaries' },
  { id: 'part-qpv', title: 'chart.part-qpv', table: 'heures-par-annee-et-qpv', kind: 'year-lines', x: 'annee', y: 'part_personnes', where: { qpv: true }, page: 'beneficiaries' },
  { id: 'part-rqth', title: 'chart.part-rqth', table: 'heures-par-annee-et-rqth', kind: 'year-lines', x: 'annee', y: 'part_personnes', where: { rqth: true }, page: 'beneficiaries' },
  {
    id: 'personnes-par-situation-sortie',
    title: 'chart.personnes-par-situation-sortie',
    table: 'heures-par-situation-a-la-sortie',
    kind: 'ranked-bars',
    x: 'situation_sortie',
    y: 'personnes',
    order: 'data',
    page: 'employment',
  },
  // does it work? (outcomes)
  {
    id: 'part-situation-sortie',
    title: 'chart.part-situation-sortie',
    table: 'heures-par-situation-a-la-sortie',
    kind: 'ranked-bars',
    x: 'situation_sortie',
    y: 'part_personnes',
    order: 'data',
    page: 'employment',
  },
  {
    id: 'part-emploi-durable-par-annee',
    title: 'chart.part-emploi-durable-par-annee',
    table: 'heures-par-annee-et-situation-a-la-sortie',
    kind: 'year-lines',
    x: 'annee',
    y: 'part_personnes',
    where: { situation_sortie: 'EMPLOI_DURABLE' },
    page: 'employment',
  },
  {
    id: 'contrats-durables-par-annee',
    title: 'chart.contrats-durables-par-annee',
    table: 'heures-par-annee-et-type-de-contrat',
    kind: 'year-lines',
    x: 'annee',
    y: 'part_heures',
    series: 'type_contrat',
    where: { type_contrat: ['CDI', 'APPRENTISSAGE', 'PROFESSIONNALISATION'] },
    page: 'employment',
  },
  { id: 'taux-realisation-par-annee', title: 'chart.taux-realisation-par-annee', table: 'marches-par-annee', kind: 'year-bars', x: 'annee_notification', y: 'taux_realisation', page: 'contracts' },
  // contract types
  { id: 'heures-par-type-contrat', title: 'chart.heures-par-type-contrat', table: 'heures-par-type-de-contrat', kind: 'ranked-bars', x: 'type_contrat', y: 'heures_realisees', page: 'employment' },
  { id: 'personnes-par-type-contrat', title: 'chart.personnes-par-type-contrat', table: 'heures-par-type-de-contrat', kind: 'ranked-bars', x: 'type_contrat', y: 'personnes', page: 'employment' },
  // partners
  {
    id: 'heures-par-type-structure',
    title: 'chart.heures-par-type-structure',
    table: 'heures-par-type-de-structure',
    kind: 'ranked-bars',
    x: 'type_structure',
    y: 'heures_realisees',
    page: 'partners',
  },
  {
    id: 'personnes-par-type-structure',
    title: 'chart.personnes-par-type-structure',
    table: 'heures-par-type-de-structure',
    kind: 'ranked-bars',
    x: 'type_structure',
    y: 'personnes',
    page: 'partners',
  },
  {
    id: 'entreprises-par-taille',
    title: 'chart.entreprises-par-taille',
    table: 'heures-par-taille-d-entreprise',
    kind: 'ranked-bars',
    x: 'taille_entreprise',
    y: 'entreprises',
    order: 'data',
    page: 'partners',
  },
  {
    id: 'heures-par-taille-entreprise',
    title: 'chart.heures-par-taille-entreprise',
    table: 'heures-par-taille-d-entreprise',
    kind: 'ranked-bars',
    x: 'taille_entreprise',
    y: 'heures_realisees',
    order: 'data',
    page: 'partners',
  },
  {
    id: 'heures-par-facilitateur',
    title: 'chart.heures-par-facilitateur',
    table: 'heures-par-facilitateur',
    kind: 'ranked-bars',
    x: 'id_facilitateur',
    label: 'nom_facilitateur',
    y: 'heures_realisees',
    page: 'partners',
  },
];

/** Monthly hours (`mois`, `heures_realisees`): tells which years the data covers in part. */
export const MONTHS_TABLE = 'heures-par-mois';
/** Table of headline figures, one row per indicator: `{ indicateur, valeur, unite }`. */
export const KEY_FIGURES_TABLE = 'chiffres-cles';
/**
 * Table of contracts, one row per contract or lot with a clause (the contracts page lists it, paged;
 * a release without it shows none), and table of operations (one page per row).
 */
export const CONTRACTS_TABLE = 'marches';
export const OPERATIONS_TABLE = 'heures-par-operation';

export interface PageContent {
  /** Indicator codes of the key-figures table shown at the top of the page. */
  keyFigures?: string[];
  /** Charts, in order. */
  charts?: string[];
}

export const PAGE_CONTENT: Partial<Record<PageKey, PageContent>> = {
  home: {
    // The shares of work-study and CDI hours are shown in « Does it work? » (OUTCOME_KEY_FIGURES).
    keyFigures: ['heures_realisees', 'personnes', 'heures_annee', 'personnes_annee', 'marches_avec_clause', 'operations', 'entreprises_ayant_embauche', 'part_heures_siae'],
    charts: ['heures-par-annee', 'part-femmes'],
  },
  hours: { keyFigures: ['heures_realisees', 'heures_annee'], charts: ['heures-par-annee', 'heures-par-segment', 'carte-heures-par-departement', 'heures-par-departement'] },
  beneficiaries: {
    keyFigures: ['personnes', 'part_femmes_debut', 'part_femmes_fin'],
    charts: [
      'personnes-par-annee',
      'part-femmes',
      'carte-personnes-par-departement',
      'personnes-par-age',
      'personnes-par-niveau-formation',
      'personnes-par-public',
      'part-qpv',
      'part-rqth',
      'personnes-par-situation-sortie',
    ],
  },
  employment: {
    keyFigures: ['part_heures_alternance', 'personnes_alternance', 'part_heures_cdi', 'personnes_cdi'],
    charts: ['part-situation-sortie', 'part-emploi-durable-par-annee', 'contrats-durables-par-annee', 'heures-par-type-contrat', 'personnes-par-type-contrat', 'personnes-par-situation-sortie'],
  },
  contracts: {
    keyFigures: ['marches_avec_clause', 'operations', 'marches_avec_clause_annee', 'operations_annee', 'marches_critere_attribution', 'part_marches_services_annee'],
    charts: ['marches-par-annee', 'taux-realisation-par-annee', 'marches-par-segment', 'part-services'],
  },
  partners: {
    keyFigures: ['entreprises_ayant_embauche', 'facilitateurs', 'part_heures_siae', 'directions_executantes'],
    charts: ['heures-par-type-structure', 'personnes-par-type-structure', 'entreprises-par-taille', 'heures-par-taille-entreprise', 'heures-par-facilitateur'],
  },
};

/**
 * « Does it work? »: figures read from one published cell each (a secret cell shows as secret),
 * with the chart that details them. Key figures of the lasting contracts follow them.
 */
export interface OutcomeSpec {
  /** Dictionary keys `outcome.<id>` (label) and `outcome.<id>.def` (definition). */
  id: 'emploi_durable' | 'taux_realisation';
  table: string;
  column: string;
  /** The row: columns equal to these values (the only row of a one-row table when empty). */
  where: Record<string, string | number | boolean>;
  /** Chart detailing the figure (its anchor on its page). */
  chart: string;
}
export const OUTCOMES: OutcomeSpec[] = [
  { id: 'emploi_durable', table: 'heures-par-situation-a-la-sortie', column: 'part_personnes', where: { situation_sortie: 'EMPLOI_DURABLE' }, chart: 'part-situation-sortie' },
  { id: 'taux_realisation', table: 'synthese', column: 'taux_realisation', where: {}, chart: 'taux-realisation-par-annee' },
];
/** Key figures of the lasting contracts, shown with the outcomes. */
export const OUTCOME_KEY_FIGURES = ['part_heures_cdi', 'part_heures_alternance'];

/** Hours page explorer: tables filtered together by years, segment and département. */
export const HOURS_EXPLORER_TABLES = ['heures-par-annee-et-segment', 'heures-par-annee-et-departement'];

export interface SdgTarget {
  code: string;
  wording: Key;
  why: Key;
  keyFigures?: string[];
  /** Charts drawn in the section. */
  charts: string[];
}

/** SDG targets: main ones draw their charts; related ones link to them (page weight). */
export const SDG_TARGETS: { goal: Key; targets: SdgTarget[] }[] = [
  {
    goal: 'sdg.goal8',
    targets: [
      { code: '8.5', wording: 'sdg.t8_5', why: 'sdg.why8_5', keyFigures: ['part_heures_cdi', 'part_femmes_fin'], charts: ['part-femmes', 'part-rqth', 'heures-par-type-contrat'] },
      { code: '8.6', wording: 'sdg.t8_6', why: 'sdg.why8_6', keyFigures: ['part_heures_alternance', 'personnes_alternance'], charts: ['personnes-par-age', 'personnes-par-niveau-formation'] },
    ],
  },
  {
    goal: 'sdg.goal17',
    targets: [
      {
        code: '17.17',
        wording: 'sdg.t17_17',
        why: 'sdg.why17_17',
        keyFigures: ['entreprises_ayant_embauche', 'facilitateurs', 'part_heures_siae'],
        charts: ['heures-par-type-structure', 'heures-par-facilitateur'],
      },
    ],
  },
];
export const SDG_RELATED: SdgTarget[] = [
  { code: '8.3', wording: 'sdg.t8_3', why: 'sdg.why8_3', charts: ['personnes-par-situation-sortie'] },
  { code: '10.2', wording: 'sdg.t10_2', why: 'sdg.why10_2', charts: ['personnes-par-public', 'part-qpv'] },
  { code: '12.7', wording: 'sdg.t12_7', why: 'sdg.why12_7', keyFigures: ['marches_avec_clause', 'marches_critere_attribution'], charts: ['marches-par-annee', 'part-services'] },
];

export const chartSpec = (id: string): ChartSpec | undefined => CHART_SPECS.find((c) => c.id === id);
