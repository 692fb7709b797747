/**
 * `comparaison-editeurs`: the compared releases side by side — this site's publishers and the
 * included peers — one row per release × measure, with the period and the flags that say what may
 * be compared (annual or multi-year, scope, hours carried out), and where each release comes from
 * (address, version, date, licence, copy). Written with the release's CSV writer.
 */
import { SECRET } from '../../schemas/secret.ts';
import { toCSV } from '../release/csv.ts';
import { LICENCE } from '../release/documents.ts';
import { round } from '../tables/round.ts';
import type { Colonne, Ligne } from '../tables/types.ts';
import { NATURES_HEURES, PERIMETRES, STATUTS } from './codes.ts';
import { MEASURE_DEFINITIONS, type MeasureDefinition } from './measures.ts';
import { COPY_ORIGINS, type ComparedRelease } from './peers.ts';
import type { Bilingual } from '../lang.ts';

const text = (nom: string, fr: string, en: string, role: Colonne['role'] = 'dimension'): Colonne => ({
  nom,
  type: 'string',
  role,
  titre: { fr, en },
});

export const COMPARISON_COLUMNS: Colonne[] = [
  text('editeur', 'Éditeur (identifiant)', 'Publisher (identifier)'),
  text('nom_editeur', 'Éditeur', 'Publisher'),
  text('territoire', 'Territoire', 'Territory'),
  {
    ...text('statut', 'Statut', 'Status'),
    description: {
      fr: '« données validées » : un éditeur de ce site, dont ce site a validé les données ; « publication vérifiée » : la publication d’un pair, dont ce site a vérifié le format, les empreintes et la cohérence. Les mesures des deux sont calculées de la même façon, à partir des tables publiées.',
      en: '"validated data": a publisher of this site, whose data this site validated; "checked release": a peer’s release, whose format, hashes and consistency this site checked. The measures of both are computed the same way, from the published tables.',
    },
  },
  text('statut_en', 'Statut (anglais)', 'Status (English)'),
  {
    ...text('origine', 'Origine', 'Origin'),
    description: {
      fr: '« site » : un éditeur de ce site ; « pair » : la publication d’un autre acheteur, lue à son adresse.',
      en: '"site": a publisher of this site; "pair": another buyer’s release, read from its address.',
    },
  },
  {
    ...text('adresse', 'Adresse de la publication', 'Address of the release'),
    description: {
      fr: 'Le datapackage.json lu : dans la publication de ce site, ou à l’adresse listée pour un pair.',
      en: 'The datapackage.json read: in this site’s publication, or at the address listed for a peer.',
    },
  },
  text('version', 'Version de la publication', 'Version of the release'),
  { nom: 'date_publication', type: 'date', role: 'dimension', titre: { fr: 'Date de publication', en: 'Publication date' } },
  text('licence', 'Licence', 'Licence'),
  {
    ...text('copie', 'Origine de la copie', 'Origin of the copy'),
    description: {
      fr: `Pour un pair : reseau (${COPY_ORIGINS.reseau.fr}), fichier (${COPY_ORIGINS.fichier.fr}) ou cache (${COPY_ORIGINS.cache.fr}).`,
      en: `For a peer: reseau (${COPY_ORIGINS.reseau.en}), fichier (${COPY_ORIGINS.fichier.en}) or cache (${COPY_ORIGINS.cache.en}).`,
    },
  },
  text('date_copie', 'Date de la copie', 'Date of the copy'),
  { nom: 'age_jours', type: 'integer', role: 'mesure', titre: { fr: 'Âge de la copie', en: 'Age of the copy' }, unite: { fr: 'jours', en: 'days' } },
  {
    nom: 'synthetique',
    type: 'boolean',
    role: 'dimension',
    titre: { fr: 'Données synthétiques', en: 'Synthetic data' },
    description: { fr: 'Vrai quand les lignes du jeu sont inventées (exemple).', en: 'True when the dataset rows are invented (sample).' },
  },
  text('perimetre', 'Périmètre', 'Scope'),
  text('libelle_perimetre', 'Périmètre (libellé)', 'Scope (label)'),
  text('nature_heures', 'Nature des heures', 'Kind of hours'),
  text('periode', 'Période', 'Period'),
  { nom: 'periode_debut', type: 'date', role: 'dimension', titre: { fr: 'Début de la période', en: 'Start of the period' } },
  { nom: 'periode_fin', type: 'date', role: 'dimension', titre: { fr: 'Fin de la période', en: 'End of the period' } },
  {
    nom: 'annees_couvertes',
    type: 'integer',
    role: 'dimension',
    titre: { fr: 'Années couvertes', en: 'Years covered' },
    description: { fr: 'Années civiles de la première à la dernière.', en: 'Calendar years from the first to the last.' },
  },
  {
    nom: 'annuel',
    type: 'boolean',
    role: 'dimension',
    titre: { fr: 'Chiffre annuel', en: 'Yearly figure' },
    description: {
      fr: 'Vrai pour une période de 12 mois au plus ; faux pour un total pluriannuel, à ne pas comparer à un chiffre annuel.',
      en: 'True for a period of at most 12 months; false for a multi-year total, not to be compared with a yearly figure.',
    },
  },
  text('mesure', 'Mesure (identifiant)', 'Measure (identifier)'),
  {
    ...text('role_mesure', 'Rôle de la mesure', 'Role of the measure'),
    description: {
      fr: '« contexte » : une taille, pour lire les ratios ; « comparable » : un ratio qui ne dépend pas de la taille de l’acheteur.',
      en: '"contexte": a size, to read the ratios; "comparable": a ratio that does not depend on the size of the buyer.',
    },
  },
  text('libelle_fr', 'Libellé (français)', 'Label (French)'),
  text('libelle_en', 'Libellé (anglais)', 'Label (English)'),
  {
    nom: 'valeur',
    type: 'number',
    role: 'mesure',
    titre: { fr: 'Valeur', en: 'Value' },
    description: {
      fr: 'Arrondie à 2 décimales ; « secret » quand elle repose sur moins de k personnes ; vide quand elle est sans objet.',
      en: 'Rounded to 2 decimals; "secret" when it rests on fewer than k persons; empty when not applicable.',
    },
    decimales: 2,
  },
  text('unite', 'Unité', 'Unit'),
  text('unite_en', 'Unité (anglais)', 'Unit (English)'),
  { nom: 'precision', type: 'integer', role: 'dimension', titre: { fr: "Décimales à l'affichage", en: 'Decimals to display' } },
  text('definition_fr', 'Définition (français)', 'Definition (French)'),
  text('definition_en', 'Définition (anglais)', 'Definition (English)'),
  {
    ...text('calcul', 'Calcul', 'Computation'),
    description: { fr: 'Les cases publiées dont la mesure est faite : table.colonne, ÷ pour un rapport.', en: 'The published cells the measure is made of: table.column, ÷ for a ratio.' },
  },
  { nom: 'seuil_secret', type: 'integer', role: 'dimension', titre: { fr: 'Seuil de secret k', en: 'Disclosure threshold k' } },
];

/** The rows of one release, in measure order. */
export function comparisonRows(r: ComparedRelease): Ligne[] {
  const c = r.comparison;
  const x = c.contexte;
  const statut = r.origine === 'site' ? STATUTS.VALIDE : STATUTS.PUBLICATION_VERIFIEE;
  return c.mesures.map((m) => {
    const def: MeasureDefinition = MEASURE_DEFINITIONS[m.id];
    return {
      editeur: x.editeur,
      nom_editeur: x.nom,
      territoire: x.territoire,
      statut: statut.fr,
      statut_en: statut.en,
      origine: r.origine,
      adresse: r.adresse,
      version: x.version,
      date_publication: x.date_publication,
      licence: x.licence.titre,
      copie: r.copie?.origine ?? null,
      date_copie: r.copie?.date ?? null,
      age_jours: r.copie?.age_jours ?? null,
      synthetique: x.synthetique,
      perimetre: x.perimetre,
      libelle_perimetre: PERIMETRES[x.perimetre].fr,
      nature_heures: x.nature_heures,
      periode: x.periode.libelle,
      periode_debut: x.periode.debut,
      periode_fin: x.periode.fin,
      annees_couvertes: x.periode.annees_couvertes,
      annuel: x.periode.annuel,
      mesure: m.id,
      role_mesure: def.role,
      libelle_fr: def.titre.fr,
      libelle_en: def.titre.en,
      valeur: typeof m.valeur === 'number' ? round(m.valeur) : m.valeur,
      unite: def.unite.fr,
      unite_en: def.unite.en,
      precision: def.precision,
      definition_fr: def.definition.fr,
      definition_en: def.definition.en,
      calcul: def.calcul,
      seuil_secret: x.seuil_secret,
    };
  });
}

export const COMPARISON_ID = 'comparaison-editeurs';

export const COMPARISON_TITLE: Bilingual = { fr: 'Comparaison des éditeurs', en: 'Publishers compared' };

export const COMPARISON_DESCRIPTION: Bilingual = {
  fr: "Les publications comparées côte à côte — les éditeurs de ce site et les publications paires incluses — : une ligne par publication et par mesure, chaque mesure calculée de la même façon à partir des tables publiées (colonnes definition_fr et calcul). Les ratios (heures par marché, par personne, parts, taux de réalisation) se comparent d'un éditeur à l'autre quand les périodes sont de même nature (colonne « annuel ») ; les tailles (marchés, personnes, heures) donnent le contexte. Un éditeur ne compte que ses propres marchés et des heures réalisées. « secret » : la mesure demande une case masquée par la publication de l'éditeur ; elle n'est pas calculable et n'est jamais estimée.",
  en: 'The compared releases side by side — this site’s publishers and the included peer releases —: one row per release and measure, each measure computed the same way from the published tables (columns definition_en and calcul). The ratios (hours per contract, per person, shares, completion rate) can be compared from one publisher to another when the periods are of the same kind (column "annuel"); the sizes (contracts, persons, hours) give the context. A publisher counts only its own contracts and hours carried out. "secret": the measure needs a cell the publisher’s release hides; it is not computable and never estimated.',
};

export interface ComparisonTable {
  colonnes: Colonne[];
  lignes: Ligne[];
  releases: ComparedRelease[];
  csv: string;
  json: unknown;
}

/** The order of the table: this site's publishers, then peers, each by id. */
const order = (a: ComparedRelease, b: ComparedRelease) => (a.origine === b.origine ? 0 : a.origine === 'site' ? -1 : 1) || a.comparison.contexte.editeur.localeCompare(b.comparison.contexte.editeur);

/** The comparison of releases, as rows and as its CSV and JSON files. */
export function compareTable(compared: readonly ComparedRelease[]): ComparisonTable {
  const releases = [...compared].sort(order);
  const lignes = releases.flatMap(comparisonRows);
  const json = {
    id: COMPARISON_ID,
    titre: COMPARISON_TITLE,
    description: COMPARISON_DESCRIPTION,
    licence: { id: 'Etalab-2.0', titre: LICENCE.title, url: LICENCE.path },
    secret: SECRET,
    perimetres: PERIMETRES,
    natures_heures: NATURES_HEURES,
    mesures: Object.entries(MEASURE_DEFINITIONS).map(([id, d]) => ({
      id,
      titre: d.titre,
      definition: d.definition,
      unite: d.unite,
      role: d.role,
      precision: d.precision,
      calcul: d.calcul,
    })),
    editeurs: releases.map((r) => ({ ...r.comparison.contexte, origine: r.origine, adresse: r.adresse, ...(r.copie ? { copie: r.copie } : {}) })),
    colonnes: COMPARISON_COLUMNS.map((c) => ({
      nom: c.nom,
      type: c.type,
      role: c.role,
      titre: c.titre,
      ...(c.description ? { description: c.description } : {}),
    })),
    lignes: lignes.map((row) => Object.fromEntries(COMPARISON_COLUMNS.map((c) => [c.nom, row[c.nom] ?? null]))),
  };
  return { colonnes: COMPARISON_COLUMNS, lignes, releases, csv: toCSV(COMPARISON_COLUMNS, lignes), json };
}
