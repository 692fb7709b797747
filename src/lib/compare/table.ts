/**
 * `comparaison-editeurs`: the validated publishers side by side, one row per publisher × measure,
 * with the period and the flags that say what may be compared (annual or multi-year, scope,
 * hours carried out). Written with the release's CSV writer.
 */
import { SECRET, type Protection } from '../disclosure/index.ts';
import { toCSV } from '../release/csv.ts';
import { LICENCE } from '../release/documents.ts';
import { round } from '../release/manifest.ts';
import type { Colonne, Ligne, Texte } from '../release/types.ts';
import { NATURES_HEURES, PERIMETRES, STATUTS } from './codes.ts';
import { comparableMeasures, MEASURE_DEFINITIONS, type PublisherComparison } from './measures.ts';

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
    description: { fr: 'Données validées par le kit (et non chiffres repris d’une publication).', en: 'Data validated by the kit (not figures taken from a publication).' },
  },
  text('statut_en', 'Statut (anglais)', 'Status (English)'),
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
  { nom: 'seuil_secret', type: 'integer', role: 'dimension', titre: { fr: 'Seuil de secret k', en: 'Disclosure threshold k' } },
];


/** The rows of one publisher, in measure order. */
export function comparisonRows(c: PublisherComparison): Ligne[] {
  const x = c.contexte;
  return c.mesures.map((m) => {
    const def = MEASURE_DEFINITIONS[m.id];
    return {
      editeur: x.editeur,
      nom_editeur: x.nom,
      territoire: x.territoire,
      statut: STATUTS.VALIDE.fr,
      statut_en: STATUTS.VALIDE.en,
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
      seuil_secret: x.seuil_secret,
    };
  });
}

export const COMPARISON_ID = 'comparaison-editeurs';

export const COMPARISON_TITLE: Texte = { fr: 'Comparaison des éditeurs', en: 'Publishers compared' };

export const COMPARISON_DESCRIPTION: Texte = {
  fr: "Les jeux validés côte à côte : une ligne par éditeur et par mesure. Les ratios (heures par marché, par personne, parts) se comparent d'un éditeur à l'autre quand les périodes sont de même nature (colonne « annuel ») ; les tailles (marchés, personnes, heures) donnent le contexte. Un éditeur ne compte que ses propres marchés et des heures réalisées. Les valeurs reposant sur moins de k personnes sont « secret ».",
  en: 'The validated datasets side by side: one row per publisher and measure. The ratios (hours per contract, per person, shares) can be compared from one publisher to another when the periods are of the same kind (column "annuel"); the sizes (contracts, persons, hours) give the context. A publisher counts only its own contracts and hours carried out. Values resting on fewer than k persons are "secret".',
};

export interface ComparisonTable {
  colonnes: Colonne[];
  lignes: Ligne[];
  editeurs: PublisherComparison[];
  csv: string;
  json: unknown;
}

/** The comparison of publishers, as rows and as its CSV and JSON files. */
export function compareTable(protections: readonly Protection[]): ComparisonTable {
  const editeurs = [...protections].sort((a, b) => a.cells.ds.meta.id.localeCompare(b.cells.ds.meta.id)).map(comparableMeasures);
  const lignes = editeurs.flatMap(comparisonRows);
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
    })),
    editeurs: editeurs.map((e) => e.contexte),
    colonnes: COMPARISON_COLUMNS.map((c) => ({
      nom: c.nom,
      type: c.type,
      role: c.role,
      titre: c.titre,
      ...(c.description ? { description: c.description } : {}),
    })),
    lignes: lignes.map((row) => Object.fromEntries(COMPARISON_COLUMNS.map((c) => [c.nom, row[c.nom] ?? null]))),
  };
  return { colonnes: COMPARISON_COLUMNS, lignes, editeurs, csv: toCSV(COMPARISON_COLUMNS, lignes), json };
}
