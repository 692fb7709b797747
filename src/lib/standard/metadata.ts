/**
 * The metadata file of a publisher folder (`metadonnees.json`) in the standard: a JSON Schema
 * generated from `MetadonneesSchema` and the meaning of each key.
 *
 * The zod schema carries the rules but no descriptions, so the descriptions live here, keyed by
 * the schema's own keys: a test checks that both list the same keys, so neither can drift.
 */
import { z } from 'zod';
import { MetadonneesSchema } from '../../schemas/metadonnees.ts';
import type { Bilingual } from '../lang.ts';

export interface MetadataKey {
  type: Bilingual;
  required: boolean;
  description: Bilingual;
}

export const METADATA_KEYS: Readonly<Record<keyof z.input<typeof MetadonneesSchema>, MetadataKey>> = {
  id: {
    type: { fr: 'texte `[a-z0-9]+(-[a-z0-9]+)*`', en: 'text `[a-z0-9]+(-[a-z0-9]+)*`' },
    required: true,
    description: {
      fr: "Identifiant de l'éditeur ; égal au nom de son dossier (par exemple `departement-ille-et-vilaine`).",
      en: "Publisher identifier; equals its folder's name (e.g. `departement-ille-et-vilaine`).",
    },
  },
  nom: {
    type: { fr: 'texte', en: 'text' },
    required: true,
    description: {
      fr: "Nom de l'acheteur qui publie, par exemple « Département d'Ille-et-Vilaine » (dans une phrase, le site prend les formes de `profil.formes`).",
      en: 'Name of the publishing buyer, e.g. "Département d\'Ille-et-Vilaine" (inside a sentence, the site takes the forms of `profil.formes`).',
    },
  },
  siret_acheteur: {
    type: { fr: '14 chiffres', en: '14 digits' },
    required: true,
    description: {
      fr: "SIRET de l'acheteur ; la colonne `id_acheteur` de marches.csv doit lui être égale.",
      en: 'SIRET of the buyer; column `id_acheteur` of marches.csv must equal it.',
    },
  },
  territoire: {
    type: { fr: 'texte', en: 'text' },
    required: true,
    description: { fr: 'Territoire couvert, par exemple « Ille-et-Vilaine ».', en: 'Territory covered, e.g. "Ille-et-Vilaine".' },
  },
  code_region: {
    type: { fr: '2 ou 3 chiffres', en: '2 or 3 digits' },
    required: true,
    description: { fr: 'Code INSEE de la région, par exemple `53` (Bretagne).', en: 'INSEE code of the region, e.g. `53` (Bretagne).' },
  },
  departements: {
    type: { fr: 'liste de codes', en: 'list of codes' },
    required: true,
    description: {
      fr: 'Codes INSEE des départements du territoire ; les colonnes `departement` des marchés, opérations et facilitateurs doivent en faire partie.',
      en: "INSEE codes of the territory's départements; the `departement` columns of contracts, operations and facilitators must be among them.",
    },
  },
  periode: {
    type: { fr: '`{ "debut": "AAAA-MM-JJ", "fin": "AAAA-MM-JJ" }`', en: '`{ "debut": "YYYY-MM-DD", "fin": "YYYY-MM-DD" }`' },
    required: true,
    description: {
      fr: 'Période couverte ; chaque mois d’heures doit s’y trouver, et chaque marché y être exécuté (il peut avoir été notifié avant).',
      en: 'Period covered; every month of hours must fall inside it, and every contract be executed in it (it may have been notified before).',
    },
  },
  licence: {
    type: { fr: '`"Etalab-2.0"`', en: '`"Etalab-2.0"`' },
    required: true,
    description: { fr: 'Licence des données publiées : Licence Ouverte 2.0.', en: 'Licence of the published data: Licence Ouverte 2.0.' },
  },
  contact: {
    type: { fr: 'texte', en: 'text' },
    required: true,
    description: {
      fr: 'Une boîte de service ou une page de contact (jamais une personne nommée).',
      en: 'A service mailbox or contact page (never a named person).',
    },
  },
  seuil_secret: {
    type: { fr: 'entier ≥ 5 (5 par défaut)', en: 'integer ≥ 5 (default 5)' },
    required: false,
    description: {
      fr: 'Seuil k du secret statistique : aucune case publiée ne compte moins de k personnes.',
      en: 'Disclosure threshold k: no published cell counts fewer than k persons.',
    },
  },
  niveau_protection: {
    type: { fr: 'nombre de 10 à 100 (10 par défaut)', en: 'number from 10 to 100 (default 10)' },
    required: false,
    description: {
      fr: "Niveau de protection des heures secrètes, en % : personne ne doit pouvoir encadrer les heures d'une case secrète à moins de ± ce pourcentage de leur valeur, à partir de tous les chiffres publiés. Jamais moins de 10.",
      en: 'Protection level of hidden hours, in %: no one must be able to bound the hours of a secret cell closer than ± this percentage of their value, from all the published figures together. Never below 10.',
    },
  },
  synthetique: {
    type: { fr: 'booléen', en: 'boolean' },
    required: true,
    description: { fr: 'Vrai quand les lignes sont inventées (données d’exemple).', en: 'True when the rows are invented (sample data).' },
  },
  version: {
    type: { fr: 'texte', en: 'text' },
    required: true,
    description: { fr: 'Version de la publication, par exemple `2019.1`.', en: 'Release version, e.g. `2019.1`.' },
  },
  date_publication: {
    type: { fr: 'date AAAA-MM-JJ', en: 'date YYYY-MM-DD' },
    required: true,
    description: {
      fr: "Date de publication, utilisée à la place de l'horloge pour que deux constructions donnent les mêmes fichiers.",
      en: 'Release date, used instead of the clock so that two builds give the same files.',
    },
  },
  frequence: {
    type: { fr: '`annuelle`, `semestrielle`, `trimestrielle`, `mensuelle` ou `irreguliere`', en: '`annuelle`, `semestrielle`, `trimestrielle`, `mensuelle` or `irreguliere`' },
    required: false,
    description: {
      fr: "Fréquence de publication d'une nouvelle version ; reprise par le catalogue DCAT (moissonnage par data.gouv.fr). Absente : inconnue.",
      en: 'How often a new release is published; used by the DCAT catalogue (harvested by data.gouv.fr). Absent: unknown.',
    },
  },
  sources: {
    type: { fr: 'liste de `{ "titre", "url"? }`', en: 'list of `{ "titre", "url"? }`' },
    required: false,
    description: { fr: 'Sources des chiffres publiés.', en: 'Sources of the published figures.' },
  },
  profil: {
    type: { fr: 'objet (voir « Profil de l’éditeur »)', en: 'object (see “Publisher profile”)' },
    required: false,
    description: {
      fr: "Ce que le site dit de l'éditeur : son nom tel qu'il s'écrit dans une phrase (`formes`), sa présentation, ses objectifs, son texte sur les ODD, la note sur ses données, ses limites, ses directions (`directions`, la liste des codes admis dans la colonne `direction`), sa déclaration d'accessibilité, sa couleur et ses résultats publiés auparavant (`resultats_publies`). Absent : le site nomme l'éditeur sans article et ne dit rien de plus.",
      en: 'What the site says of the publisher: its name as written in a sentence (`formes`), presentation, objectives, SDG text, note on its data, limits, directorates (`directions`, the codes allowed in column `direction`), accessibility statement, colour and earlier published results (`resultats_publies`). Absent: the site names the publisher without article and says nothing more.',
    },
  },
};

/** Drops the safe-integer bounds zod adds to `.int()`: they say nothing about the data. */
function withoutSafeIntegerBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutSafeIntegerBounds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !((k === 'maximum' || k === 'minimum') && Math.abs(Number(v)) === Number.MAX_SAFE_INTEGER))
      .map(([k, v]) => [k, withoutSafeIntegerBounds(v)]),
  );
}

/** JSON Schema (draft 2020-12) of `metadonnees.json`, generated from `MetadonneesSchema`, with each key's description. */
export function metadataJsonSchema(meta: { title: string; description: string; version: string; path: string }) {
  const generated = withoutSafeIntegerBounds(z.toJSONSchema(MetadonneesSchema, { io: 'input' })) as {
    $schema: string;
    properties: Record<string, Record<string, unknown>>;
    [k: string]: unknown;
  };
  const { $schema, properties, ...rest } = generated;
  return {
    $schema,
    $id: meta.path,
    title: meta.title,
    description: meta.description,
    version: meta.version,
    ...rest,
    properties: Object.fromEntries(
      Object.entries(properties).map(([k, p]) => {
        const key = METADATA_KEYS[k as keyof typeof METADATA_KEYS];
        return [k, key ? { description: key.description.fr, description_en: key.description.en, ...p } : p];
      }),
    ),
  };
}
