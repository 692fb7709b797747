import { z } from 'zod';
import { siret } from './field.ts';
import { ProfilSchema } from './profil.ts';
import { PUBLISHER_ID } from './publisher-id.ts';

/** Update frequencies a publisher may declare (`frequence`). */
export const FREQUENCES = ['annuelle', 'semestrielle', 'trimestrielle', 'mensuelle', 'irreguliere'] as const;
export type Frequence = (typeof FREQUENCES)[number];

/** A release version: part of file names and addresses (`donnees/<editeur>/<version>/`), so no path characters. */
export const VERSION_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/;

/** ISO calendar date `YYYY-MM-DD`. */
const isoDate = z.iso.date();

/**
 * Metadata of one publisher (`data/<editeur>/metadonnees.json`).
 * Dates of a release come from here, never from the clock, so two builds are byte-identical.
 */
export const MetadonneesSchema = z
  .object({
    id: z.string().regex(PUBLISHER_ID, 'identifiant en minuscules, chiffres et tirets'),
    nom: z.string().min(2),
    siret_acheteur: siret,
    territoire: z.string().min(2),
    code_region: z.string().regex(/^\d{2,3}$/),
    departements: z.array(z.string().regex(/^(\d{2}|2A|2B|\d{3})$/)).min(1),
    periode: z.object({ debut: isoDate, fin: isoDate }),
    licence: z.literal('Etalab-2.0'),
    contact: z.string().min(3),
    seuil_secret: z.number().int().min(2).default(5),
    // Protection level of hidden hours, in percent: an outsider must not bound them closer (never below 10).
    niveau_protection: z.number().min(10).max(100).default(10),
    synthetique: z.boolean(),
    // Part of published file names (`<editeur>-<version>.xlsx`, zip entries): no path characters.
    version: z.string().regex(VERSION_PATTERN, 'version : lettres, chiffres, « . », « _ », « - »'),
    date_publication: isoDate,
    // A source link is shown on pages: web addresses only (no `javascript:`, `data:`…).
    // How often a new release is published (optional): the catalogue's update frequency
    // (DCAT `dct:accrualPeriodicity`, src/lib/catalogue/vocabulary.ts).
    frequence: z.enum(FREQUENCES).optional(),
    sources: z.array(z.object({ titre: z.string(), url: z.url({ protocol: /^https?$/ }).optional() })).default([]),
    // What the site says of this publisher: name forms, texts, directorates, accessibility statement,
    // earlier published results (src/schemas/profil.ts). Optional.
    profil: ProfilSchema.optional(),
  })
  .refine((m) => m.periode.debut <= m.periode.fin, {
    message: 'periode.debut doit précéder periode.fin / period start must precede its end',
    path: ['periode'],
  });

export type Metadonnees = z.output<typeof MetadonneesSchema>;
