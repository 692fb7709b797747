import { z } from 'zod';

/**
 * The publisher's profile (`profil` of `data/<editeur>/metadonnees.json`): everything the site says
 * of one publisher and nothing the kit could guess. Names are given in the forms a sentence needs
 * (the kit never guesses an article or an elision), texts in French and English.
 * Optional: without it the site names the publisher without article and says nothing of its own.
 */

/** A text in both languages. Texts written by the publisher are read as a small Markdown (paragraphs, lists, links, **bold**). */
export const NonEmptyBilingual = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) });

/** How the name is written inside a sentence, in one language: « la Métropole de Lyon » / « de la Métropole de Lyon ». */
const Formes = z.object({
  /** With its article, as inside a sentence: « le Département d'Ille-et-Vilaine », « Rennes Métropole », “the Département d'Ille-et-Vilaine”. */
  nom: z.string().trim().min(2),
  /** After « de » / “of”, elision and contraction done: « du Département », « de la Métropole », « de l'Eurométropole »; “of the Département”. */
  de_nom: z.string().trim().min(3),
});

/** Internal unit code (a directorate, a service…): capitals, digits and « _ », as the `direction` column of marches.csv writes it. */
export const UNIT_CODE = /^[A-Z0-9][A-Z0-9_]{0,39}$/;

export const Direction = z.object({
  code: z.string().regex(UNIT_CODE, 'code : majuscules, chiffres et « _ » (COLLEGES)'),
  fr: z.string().trim().min(1),
  en: z.string().trim().min(1),
  /** The unit that runs the scheme (not counted among the units executing contracts). */
  porte_le_dispositif: z.boolean().default(false),
});

/** Accessibility compliance levels of the French RGAA statement. */
export const CONFORMITES = ['totalement_conforme', 'partiellement_conforme', 'non_conforme'] as const;

const isoDate = z.iso.date();

/** WCAG contrast ratio of a `#RRGGBB` colour on white. */
export function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'mois AAAA-MM');

/**
 * Results the publisher published before, outside the kit (a results sheet, a report): the key
 * figures are compared with them. `reperes` are the dates those results refer to.
 */
export const ResultatsPublies = z.object({
  /** What and where: « bilan des clauses sociales 2019–2021 ». */
  titre: NonEmptyBilingual,
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** Reference year of « in year Y » figures, first year of the share of service contracts, months of the share of women. */
  reperes: z
    .object({
      annee: z.number().int().min(1990).max(2100).optional(),
      annee_services_debut: z.number().int().min(1990).max(2100).optional(),
      mois_femmes_debut: month.optional(),
      mois_femmes_fin: month.optional(),
    })
    .default({}),
  /** The figures as published, by indicator code of `chiffres-cles` (`{ "heures_realisees": <the published figure> }`). Shares in percent. */
  valeurs: z.record(z.string().regex(/^[a-z0-9_]+$/), z.number()).default({}),
});

export const ProfilSchema = z
  .object({
    formes: z.object({ fr: Formes, en: Formes }),
    /** Presentation and history of the scheme (home page, after the definition of a clause). */
    presentation: NonEmptyBilingual.optional(),
    /** What the publisher asks of companies (employment page). */
    objectifs: NonEmptyBilingual.optional(),
    /** How the publisher links its scheme to the Sustainable Development Goals (SDG page). */
    odd: NonEmptyBilingual.optional(),
    /** For synthetic data: what is invented and what reproduces published results (home page). */
    note_donnees: NonEmptyBilingual.optional(),
    /** Limits of the data that belong to this publisher (methodology page). */
    limites: NonEmptyBilingual.optional(),
    /** The internal units the `direction` column of marches.csv may name; without it, any code is accepted. */
    directions: z.array(Direction).min(1).optional(),
    /** The accessibility statement, as the publisher declares it after its own audit. */
    accessibilite: z
      .object({
        conformite: z.enum(CONFORMITES),
        /** Date of the audit or of the statement. */
        date: isoDate.optional(),
        declaration: NonEmptyBilingual,
      })
      .optional(),
    /** Main colour of the site (`#0b5d7a`): links and headings. Must keep AA contrast on white. */
    couleur: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'couleur #RRGGBB')
      .refine((c) => contrastOnWhite(c) >= 4.5, 'contraste insuffisant sur fond blanc (4,5:1 au moins) / contrast on white below 4.5:1')
      .optional(),
    resultats_publies: ResultatsPublies.optional(),
  })
  .refine((p) => new Set((p.directions ?? []).map((d) => d.code)).size === (p.directions ?? []).length, {
    message: 'directions : un code en double / a duplicate code',
    path: ['directions'],
  });

export type Profil = z.output<typeof ProfilSchema>;
