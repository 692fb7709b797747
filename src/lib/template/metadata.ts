/**
 * The metadata template `npm run init` writes: every key of `MetadonneesSchema`, with its
 * explanation in a `//` key just before it (JSON has no comments; the validator drops these
 * keys) and, where the kit cannot know the value, `À COMPLÉTER : …`, which the validator reports
 * field by field (`meta.a_completer`) until it is replaced.
 */
import type { z } from 'zod';
import type { MetadonneesSchema } from '../../schemas/metadonnees.ts';
import { METADATA_KEYS } from '../standard/metadata.ts';
import { COMMENT_PREFIX, TO_FILL } from '../validate/meta.ts';

type MetaKey = keyof z.input<typeof MetadonneesSchema>;

/** What the template says about one key: its starting value and, beyond its description, a hint. */
interface TemplateValue {
  /** The value written: a real default, or `À COMPLÉTER : <hint>`. */
  value: (ctx: TemplateContext) => unknown;
  /** Said after the key's description (how to find the value). */
  hint?: string;
}

export interface TemplateContext {
  /** The publisher id (the folder's name). */
  id: string;
  /** Today, `YYYY-MM-DD`, from the caller's clock. */
  today: string;
}

const fill = (hint: string) => `${TO_FILL} : ${hint}`;

/**
 * One entry per key of the schema (the type makes a new key of the schema an error here until the
 * template says how to start it).
 */
const TEMPLATE: Readonly<Record<MetaKey, TemplateValue>> = {
  id: { value: ({ id }) => id, hint: 'Déjà rempli : le nom du dossier.' },
  nom: { value: () => fill("nom de l'acheteur, par exemple « Département d'Ille-et-Vilaine »") },
  siret_acheteur: {
    value: () => fill('14 chiffres'),
    hint: "Le SIRET de l'acheteur figure dans vos données essentielles (DECP) et sur annuaire-entreprises.data.gouv.fr.",
  },
  territoire: { value: () => fill('territoire couvert, par exemple « Ille-et-Vilaine »') },
  code_region: { value: () => fill('code INSEE de la région, par exemple 53 pour la Bretagne') },
  departements: {
    value: () => [fill('codes INSEE des départements, par exemple "35"')],
    hint: 'Une liste entre crochets : ["35"] ou ["44", "49", "53", "72", "85"].',
  },
  periode: {
    value: () => ({ debut: fill('premier jour, AAAA-MM-JJ'), fin: fill('dernier jour, AAAA-MM-JJ') }),
    hint: 'Par exemple du 2022-01-01 au 2023-12-31. Un marché notifié avant la période est accepté si son exécution y entre.',
  },
  licence: { value: () => 'Etalab-2.0', hint: 'Ne pas changer : la licence des données publiques.' },
  contact: { value: () => fill('boîte de service ou page de contact, par exemple clauses.sociales@votre-collectivite.fr') },
  seuil_secret: { value: () => 5, hint: '5 au moins ; 11 est le seuil prudent des données fiscales.' },
  niveau_protection: {
    value: () => 10,
    hint: "En % : personne ne doit pouvoir encadrer les heures d'une case secrète à moins de ± ce pourcentage, à partir de tous les chiffres publiés. 10 au moins.",
  },
  synthetique: { value: () => false, hint: 'false pour vos vraies données ; true pour des données inventées.' },
  version: { value: ({ today }) => `${today.slice(0, 4)}.1`, hint: 'Changez-la à chaque nouvelle publication (2024.1, 2024.2…).' },
  date_publication: { value: ({ today }) => today, hint: 'La date du jour où vous publiez, AAAA-MM-JJ.' },
  frequence: { value: () => 'annuelle', hint: 'annuelle, semestrielle, trimestrielle, mensuelle ou irreguliere : à quel rythme vous publiez (le catalogue DCAT le dit aux portails).' },
  sources: {
    value: () => [],
    hint: 'Facultatif : [{ "titre": "Suivi des clauses, maison de l\'emploi de …", "url": "https://…" }].',
  },
  profil: {
    // The kit never guesses an article: the forms are asked for, the rest is optional (docs/publier.md).
    value: () => ({
      formes: {
        fr: {
          nom: fill('votre nom dans une phrase, avec son article : « le Département d’Ille-et-Vilaine », « la Métropole de Lyon », « Rennes Métropole »'),
          de_nom: fill('votre nom après « de » : « du Département d’Ille-et-Vilaine », « de la Métropole de Lyon », « de Rennes Métropole »'),
        },
        en: {
          nom: fill('en anglais, avec son article : « the Département d’Ille-et-Vilaine », « Rennes Métropole »'),
          de_nom: fill('en anglais, après « of » : « of the Département d’Ille-et-Vilaine », « of Rennes Métropole »'),
        },
      },
      directions: [{ code: 'COLLEGES', fr: fill('nom de la direction, par exemple « Collèges »'), en: fill('en anglais, par exemple « Lower secondary schools »') }],
    }),
    hint: 'Facultatif mais conseillé : presentation, objectifs, odd, limites, accessibilite, couleur et resultats_publies se décrivent dans docs/publier.md. Sans directions, tout code de direction est accepté.',
  },
};

/** The explanation of a key: its description in the standard, then the template's hint. */
function explanation(key: MetaKey): string {
  const described = METADATA_KEYS[key].description.fr.replace(/`/g, '');
  const hint = TEMPLATE[key].hint;
  return hint ? `${described} ${hint}` : described;
}

/** `metadonnees.json` as `npm run init` writes it (FR explanations in `//` keys). */
export function metadataTemplate(ctx: TemplateContext): string {
  const out: Record<string, unknown> = {
    [COMMENT_PREFIX]:
      "Métadonnées de l'éditeur. Remplacez chaque « À COMPLÉTER » par la vraie valeur, puis lancez npm run validate. Les clés qui commencent par // sont des explications : le validateur les ignore, vous pouvez les garder ou les effacer. Référence : docs/contrat-de-donnees.md.",
  };
  for (const key of Object.keys(TEMPLATE) as MetaKey[]) {
    out[`${COMMENT_PREFIX}${key}`] = explanation(key);
    out[key] = TEMPLATE[key].value(ctx);
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}
