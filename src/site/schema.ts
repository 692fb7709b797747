import { z } from 'zod';
import type { Profil } from '../schemas/profil.ts';
import { BilingualSchema, ReleaseColumnSchema, type ReleasePublisher } from '../schemas/release.ts';

/**
 * Shapes of the files the site reads besides the release itself. The release — `datapackage.json`,
 * each table's JSON, `protection.json` — is read with its one schema (src/schemas/release.ts), the
 * one its writer checks what it writes with; this module names its types as the site's code uses
 * them, and describes the validation report and the comparison's files. The site parses them
 * instead of trusting them, so a change in what is written fails the build with a readable message
 * rather than rendering `undefined`. Pure module: no `node:` imports, usable from tests and scripts.
 */

export type { ReleaseCell as Cell, ReleaseColumn as Column, ReleaseDatapackage as Datapackage, ReleaseRow as Row, ReleaseTableJson as PublishedTable } from '../schemas/release.ts';

/**
 * A publisher as the site shows it: the release's publisher block (`releasePublisher`, read from
 * its data package) and the profile its data package declares, if any.
 */
export type Publisher = ReleasePublisher & { profil?: Profil };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/);

/**
 * Validation report (`PUBLICATION_DIR/validation/<editeur>.json`), as the validator writes it
 * (src/lib/validate/report.ts). Read loosely: only the fields the page shows.
 */
const SeveritySchema = z.string();
export const ValidationIssueSchema = z
  .object({
    severity: SeveritySchema,
    rule: z.string(),
    file: z.string(),
    sheet: z.string().optional(),
    line: z.number().optional(),
    cell: z.string().optional(),
    column: z.string().optional(),
    value: z.string().optional(),
    message: BilingualSchema,
  })
  .loose();
export type ValidationIssue = z.output<typeof ValidationIssueSchema>;

export const ValidationReportSchema = z
  .object({
    publisher: z.string(),
    files: z.array(z.object({ file: z.string(), sheet: z.string().optional(), encoding: z.string().optional(), delimiter: z.string().optional(), rows: z.number() }).loose()).default([]),
    issues: z.array(ValidationIssueSchema).default([]),
    summary: z
      .array(
        z
          .object({
            rule: z.string(),
            severity: SeveritySchema,
            count: z.number(),
            fr: z.string(),
            en: z.string(),
            fix: BilingualSchema.optional(),
            files: z.record(z.string(), z.number()).optional(),
          })
          .loose(),
      )
      .default([]),
    errorCount: z.number(),
    warningCount: z.number(),
  })
  .loose();
export type ValidationReport = z.output<typeof ValidationReportSchema>;

/**
 * The comparison of releases (`donnees/comparaison/comparaison-editeurs.json`, written by
 * src/lib/compare/table.ts): one row per release × measure — this site's publishers and included
 * peers — with the flags that say what may be compared (`annuel`, `perimetre`, `nature_heures`) and
 * where the release comes from. A release of this format always counts its buyer's own contracts and
 * hours carried out: any other value is a release bug.
 */
const PerimetreSchema = z.enum(['MARCHES_PROPRES', 'MARCHES_PROPRES_ET_AUTRES', 'PLUSIEURS_DONNEURS_ORDRE', 'NON_PRECISE']);
const NatureHeuresSchema = z.enum(['REALISEES', 'PREVUES', 'GENEREES', 'NON_PRECISEE']);
export const MeasureInfoSchema = z.object({
  id: z.string(),
  titre: BilingualSchema,
  definition: BilingualSchema,
  unite: BilingualSchema,
  role: z.enum(['contexte', 'comparable']),
  precision: z.number().int().min(0),
  /** The published cells the measure is made of. */
  calcul: z.string(),
});
export type MeasureInfo = z.output<typeof MeasureInfoSchema>;

/** Where a compared release's copy comes from (src/lib/compare/peers.ts). */
const CopyOriginSchema = z.enum(['reseau', 'fichier', 'cache']);

export const ComparisonRowSchema = z
  .object({
    editeur: z.string(),
    nom_editeur: z.string(),
    territoire: z.string(),
    statut: z.string(),
    statut_en: z.string(),
    // A publisher of this site, or a peer's release read from its address.
    origine: z.enum(['site', 'pair']),
    adresse: z.string(),
    version: z.string(),
    date_publication: isoDate,
    licence: z.string(),
    copie: CopyOriginSchema.nullable(),
    date_copie: z.string().nullable(),
    age_jours: z.number().int().min(0).nullable(),
    synthetique: z.boolean(),
    perimetre: z.literal('MARCHES_PROPRES'),
    nature_heures: z.literal('REALISEES'),
    periode: z.string(),
    periode_debut: isoDate,
    periode_fin: isoDate,
    annees_couvertes: z.number().int(),
    annuel: z.boolean(),
    mesure: z.string(),
    role_mesure: z.enum(['contexte', 'comparable']),
    valeur: z.union([z.number(), z.literal('secret'), z.null()]),
    seuil_secret: z.number().int(),
  })
  .loose();
export type ComparisonRow = z.output<typeof ComparisonRowSchema>;

export const ComparisonSchema = z
  .object({
    id: z.literal('comparaison-editeurs'),
    titre: BilingualSchema,
    description: BilingualSchema,
    licence: z.object({ id: z.string(), titre: z.string().optional(), url: z.string().optional() }).loose(),
    mesures: z.array(MeasureInfoSchema).min(1),
    colonnes: z.array(ReleaseColumnSchema).min(1),
    lignes: z.array(ComparisonRowSchema),
  })
  .loose()
  .superRefine((c, ctx) => {
    const known = new Set(c.mesures.map((m) => m.id));
    c.lignes.forEach((r, i) => {
      if (!known.has(r.mesure)) ctx.addIssue({ code: 'custom', path: ['lignes', i, 'mesure'], message: `mesure inconnue / unknown measure: ${r.mesure}` });
    });
  });
export type Comparison = z.output<typeof ComparisonSchema>;

/**
 * The listed peers (`donnees/comparaison/pairs.json`, src/lib/compare/peers.ts): each included or
 * not, with the reason in French and English, its publisher, version, date, licence and copy; and,
 * for a site that only compares, the site's name.
 */
export const PeerRowSchema = z
  .object({
    adresse: z.string(),
    inclus: z.boolean(),
    code_raison: z.string().nullable(),
    raison: z.string().nullable(),
    raison_en: z.string().nullable(),
    editeur: z.string().nullable(),
    nom_editeur: z.string().nullable(),
    version: z.string().nullable(),
    date_publication: isoDate.nullable(),
    licence: z.string().nullable(),
    copie: CopyOriginSchema.nullable(),
    date_copie: z.string().nullable(),
    age_jours: z.number().int().min(0).nullable(),
  })
  .loose()
  .refine((r) => r.inclus || (r.raison !== null && r.raison_en !== null), 'un pair non inclus dit pourquoi / a peer not included says why');
export type PeerRow = z.output<typeof PeerRowSchema>;

export const PeersSchema = z
  .object({
    id: z.literal('pairs'),
    titre: BilingualSchema,
    description: BilingualSchema,
    site: z.object({ nom: z.string().min(1), description: BilingualSchema.optional(), contact: z.string().optional() }).optional(),
    colonnes: z.array(ReleaseColumnSchema).min(1),
    lignes: z.array(PeerRowSchema),
  })
  .loose();
export type Peers = z.output<typeof PeersSchema>;

/**
 * Other territories' published results (`donnees/comparaison/resultats-publies-autres-territoires.json`,
 * src/lib/compare/references.ts): status « publié, non vérifié », each row with its flags and source.
 */
const count = z.number().min(0).nullable();
export const ReferenceResultSchema = z
  .object({
    rang: z.number().int().min(1),
    territoire: z.string().min(1),
    libelle_type_territoire: z.string(),
    periode: z.string(),
    annee_debut: z.number().int().nullable(),
    annee_fin: z.number().int().nullable(),
    annuel: z.boolean(),
    moyenne_annuelle: z.boolean(),
    periode_connue: z.boolean(),
    periode_approchee: z.boolean(),
    perimetre: PerimetreSchema,
    libelle_perimetre: z.string(),
    libelle_perimetre_en: z.string(),
    precision_perimetre: z.string(),
    nature_heures: NatureHeuresSchema,
    libelle_nature_heures: z.string(),
    libelle_nature_heures_en: z.string(),
    heures: count,
    personnes: count,
    marches: count,
    operations: count,
    part_femmes: count,
    part_heures_siae: count,
    heures_par_personne: count,
    heures_par_marche: count,
    ambigu: z.boolean(),
    incertain: z.boolean(),
    approximation: z.boolean(),
    avertissements: z.string(),
    avertissements_en: z.string(),
    note: z.string(),
    source: z.string(),
    url: z.string().regex(/^https?:\/\//, 'adresse http(s) attendue / http(s) URL expected'),
    date_source: z.string(),
    citation: z.string(),
  })
  .loose();
export type ReferenceResult = z.output<typeof ReferenceResultSchema>;

export const ReferencesSchema = z
  .object({
    id: z.literal('resultats-publies-autres-territoires'),
    titre: BilingualSchema,
    description: BilingualSchema,
    statut: BilingualSchema,
    colonnes: z.array(ReleaseColumnSchema).min(1),
    lignes: z.array(ReferenceResultSchema),
  })
  .loose();
export type References = z.output<typeof ReferencesSchema>;
