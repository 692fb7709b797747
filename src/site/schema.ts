import { z } from 'zod';
import { ProfilSchema } from '../schemas/profil.ts';
import { FIELD_TYPES, publisherIdOf } from '../schemas/release.ts';

/**
 * Shapes of the published files the site reads (what the release step writes into
 * `PUBLICATION_DIR/donnees/<editeur>/`). The site parses them instead of trusting them, so a change
 * in the release fails the build with a readable message rather than rendering `undefined`.
 * Pure module: no `node:` imports, usable from tests and scripts.
 */

/** A text in both languages of the site. */
export const BilingualSchema = z.object({ fr: z.string(), en: z.string() });
export type Bilingual = z.output<typeof BilingualSchema>;

export const SECRET = 'secret' as const;

/** A published cell: a value, missing (`null`), or hidden by statistical secret (`"secret"`). */
export const CellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Cell = z.output<typeof CellSchema>;

export const ColumnSchema = z.object({
  nom: z.string().min(1),
  type: z.enum(FIELD_TYPES),
  role: z.enum(['dimension', 'mesure']),
  titre: BilingualSchema,
  unite: BilingualSchema.optional(),
  description: BilingualSchema.optional(),
});
export type Column = z.output<typeof ColumnSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/);
const PeriodSchema = z.object({ debut: isoDate, fin: isoDate });

export const PublishedTableSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    titre: BilingualSchema,
    description: BilingualSchema.optional(),
    editeur: z.union([z.string(), z.object({ id: z.string(), nom: z.string() }).loose()]),
    // The release may write the period as an object or as a label ("2019-2021").
    periode: z.union([PeriodSchema, z.string()]).optional(),
    version: z.string().optional(),
    licence: z.union([z.string(), z.object({ id: z.string() }).loose()]).optional(),
    colonnes: z.array(ColumnSchema).min(1),
    lignes: z.array(z.record(z.string(), CellSchema.optional())),
  })
  .transform((t) => ({
    ...t,
    // Missing keys are missing values: normalise them to null once, here.
    lignes: t.lignes.map((r) => Object.fromEntries(t.colonnes.map((c) => [c.nom, r[c.nom] ?? null]))),
  }));
export type PublishedTable = z.output<typeof PublishedTableSchema>;
export type Row = PublishedTable['lignes'][number];

export const PublisherSchema = z.object({
  id: z.string(),
  nom: z.string(),
  territoire: z.string(),
  periode: PeriodSchema,
  synthetique: z.boolean(),
  seuil_secret: z.number().int().min(1),
  date_publication: isoDate,
  // What the site says of the publisher (src/schemas/profil.ts); a malformed one is read as absent.
  profil: ProfilSchema.optional().catch(undefined),
});
export type Publisher = z.output<typeof PublisherSchema>;

export const ResourceSchema = z
  .object({
    name: z.string().optional(),
    title: z.string().optional(),
    path: z.string(),
    format: z.string().optional(),
    mediatype: z.string().optional(),
    bytes: z.number().int().optional(),
    hash: z.string().optional(),
  })
  .loose();

const DatapackageBase = z
  .object({
    name: z.string(),
    title: z.string().optional(),
    title_en: z.string().optional(),
    description: z.string().optional(),
    version: z.string(),
    created: z.string().optional(),
    licenses: z.array(z.object({ name: z.string().optional(), title: z.string().optional(), path: z.string().optional() }).loose()).default([]),
    sources: z.array(z.object({ title: z.string(), path: z.string().optional() }).loose()).default([]),
    editeur: PublisherSchema.optional(),
    // Standard and custom properties the release writes today, from which `editeur` is derived
    // when the datapackage has no `editeur` block.
    contributors: z.array(z.object({ title: z.string(), role: z.string().optional() }).loose()).optional(),
    temporal: z.object({ start: isoDate, end: isoDate }).optional(),
    spatial: z.object({ territoire: z.string().optional() }).loose().optional(),
    synthetique: z.boolean().optional(),
    seuil_secret: z.number().int().optional(),
    // Whom to write to about the data, as the release writes it (src/schemas/release.ts).
    contact: z.string().optional(),
    profil: z.unknown().optional(),
    resources: z.array(ResourceSchema).default([]),
  })
  .loose();

/** The publisher block, given or derived from the datapackage's other properties. */
function publisherOf(dp: z.output<typeof DatapackageBase>): Publisher | undefined {
  if (dp.editeur) return dp.editeur;
  const profil = ProfilSchema.safeParse(dp.profil);
  const nom = dp.contributors?.find((c) => c.role === 'publisher')?.title ?? dp.contributors?.[0]?.title;
  if (!nom || !dp.temporal || dp.synthetique === undefined || dp.seuil_secret === undefined || !dp.created) return undefined;
  return {
    id: publisherIdOf(dp.name),
    nom,
    territoire: dp.spatial?.territoire ?? nom,
    periode: { debut: dp.temporal.start, fin: dp.temporal.end },
    synthetique: dp.synthetique,
    seuil_secret: dp.seuil_secret,
    date_publication: dp.created.slice(0, 10),
    ...(profil.success ? { profil: profil.data } : {}),
  };
}

export const DatapackageSchema = DatapackageBase.transform((dp, ctx) => {
  const editeur = publisherOf(dp);
  if (!editeur) {
    ctx.addIssue({
      code: 'custom',
      message:
        'datapackage.json : bloc « editeur » absent et impossible à déduire (contributors, temporal, synthetique, seuil_secret, created) / publisher block missing',
    });
    return z.NEVER;
  }
  return { ...dp, editeur };
});
export type Datapackage = z.output<typeof DatapackageSchema>;

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
    files: z
      .array(z.object({ file: z.string(), sheet: z.string().optional(), encoding: z.string().optional(), delimiter: z.string().optional(), rows: z.number() }).loose())
      .default([]),
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
const TextPair = BilingualSchema;
const PerimetreSchema = z.enum(['MARCHES_PROPRES', 'MARCHES_PROPRES_ET_AUTRES', 'PLUSIEURS_DONNEURS_ORDRE', 'NON_PRECISE']);
const NatureHeuresSchema = z.enum(['REALISEES', 'PREVUES', 'GENEREES', 'NON_PRECISEE']);
export const MeasureInfoSchema = z.object({
  id: z.string(),
  titre: TextPair,
  definition: TextPair,
  unite: TextPair,
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
    titre: TextPair,
    description: TextPair,
    licence: z.object({ id: z.string(), titre: z.string().optional(), url: z.string().optional() }).loose(),
    mesures: z.array(MeasureInfoSchema).min(1),
    colonnes: z.array(ColumnSchema).min(1),
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
    titre: TextPair,
    description: TextPair,
    site: z.object({ nom: z.string().min(1), description: TextPair.optional(), contact: z.string().optional() }).optional(),
    colonnes: z.array(ColumnSchema).min(1),
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
    titre: TextPair,
    description: TextPair,
    statut: TextPair,
    colonnes: z.array(ColumnSchema).min(1),
    lignes: z.array(ReferenceResultSchema),
  })
  .loose();
export type References = z.output<typeof ReferencesSchema>;
