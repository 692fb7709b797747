/**
 * Other territories' published results (`data/references/resultats-publies-autres-territoires.csv`):
 * a zod schema of the file, a parser on our CSV layer, and a normaliser that turns each row into
 * a comparable record carrying what must never be mixed silently — one year or several, the
 * buyer's own contracts or a whole territory, hours carried out or planned — plus the caveats of
 * the source (AMBIGU, INCERTAIN, approximations) and, when possible, derived ratios.
 *
 * These figures are published as the territories announced them, with the status « publié, non
 * vérifié », apart from the validated datasets. docs/comparaison.md explains every flag.
 */
import { z } from 'zod';
import { decodeBytes, parseCsv, parseDecimal, parseInteger } from '../csv/index.ts';
import { toCSV } from '../release/csv.ts';
import type { Colonne, Ligne } from '../tables/types.ts';
import { UNITES } from '../indicators/headline.ts';
import { NATURES_HEURES, PERIMETRES, STATUTS, type NatureHeures, type PeriodeComparee, type Perimetre } from './codes.ts';
import type { Bilingual } from '../lang.ts';

export const REFERENCES_FILE = 'resultats-publies-autres-territoires.csv';

/** Columns of the file, in order. */
export const REFERENCE_COLUMNS = [
  'territoire',
  'type_territoire',
  'periode',
  'heures_realisees',
  'personnes',
  'marches',
  'operations',
  'part_femmes',
  'part_siae_heures',
  'autre',
  'source',
  'date_source',
  'exact_quote',
] as const;

export const TYPES_TERRITOIRE = {
  national: { fr: 'National', en: 'National' },
  region: { fr: 'Région', en: 'Region' },
  departement: { fr: 'Département', en: 'Département' },
  metropole: { fr: 'Métropole ou intercommunalité', en: 'Metropolitan area or inter-municipality' },
  commune: { fr: 'Commune', en: 'Municipality' },
  acheteur: { fr: 'Acheteur ou grand projet', en: 'Buyer or major project' },
} as const satisfies Record<string, Bilingual>;
export type TypeTerritoire = keyof typeof TYPES_TERRITOIRE;

// ---------------------------------------------------------------------------------------------
// Schema of one row (cells as read by src/lib/csv: trimmed strings, '' when empty)

const required = z.string().trim().min(1, 'valeur obligatoire / required value');

const optionalNumber = (read: typeof parseDecimal, what: string) =>
  z.string().transform((s, ctx) => {
    if (s.trim() === '') return null;
    const r = read(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `${what} illisible / unreadable ${what}: « ${s} »` });
      return z.NEVER;
    }
    return r.value;
  });

const count = optionalNumber(parseInteger, 'entier').pipe(z.number().int().min(0).nullable());
const hours = optionalNumber(parseDecimal, 'nombre').pipe(z.number().min(0).nullable());
/** A percentage written with a dot (`15.1` = 15.1 %). */
const share = optionalNumber(parseDecimal, 'pourcentage').pipe(z.number().min(0).max(100).nullable());

export const ReferenceRowSchema = z.strictObject({
  territoire: required,
  type_territoire: z.enum(Object.keys(TYPES_TERRITOIRE) as [TypeTerritoire, ...TypeTerritoire[]]),
  periode: required,
  heures_realisees: hours,
  personnes: count,
  marches: count,
  operations: count,
  part_femmes: share,
  part_siae_heures: share,
  autre: z.string(),
  source: required.refine((s) => /https?:\/\//.test(s), 'la source doit contenir une adresse / the source must hold a URL'),
  date_source: required,
  exact_quote: required,
});
export type ReferenceRow = z.output<typeof ReferenceRowSchema>;

export interface ReferenceIssue {
  /** Physical line of the file (the header is line 1). */
  line: number;
  message: string;
}

export interface ParsedReferences {
  rows: (ReferenceRow & { line: number })[];
  issues: ReferenceIssue[];
}

/**
 * Reads the file (bytes or text) with our CSV layer: `;` delimiter, UTF-8. Every row is checked
 * by {@link ReferenceRowSchema}; problems are returned with their line, never skipped silently.
 */
export function parseReferences(input: Uint8Array | string): ParsedReferences {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeBytes(input).text;
  const csv = parseCsv(text, { delimiter: ';' });
  const issues: ReferenceIssue[] = csv.issues.map((i) => ({ line: i.line, message: i.message.fr }));
  const header = csv.header.map((h) => h.toLowerCase());
  const missing = REFERENCE_COLUMNS.filter((c) => !header.includes(c));
  const extra = header.filter((h) => !(REFERENCE_COLUMNS as readonly string[]).includes(h));
  if (missing.length || extra.length) {
    issues.push({
      line: 1,
      message: `En-tête inattendu / unexpected header: manquantes / missing [${missing.join(', ')}], en trop / extra [${extra.join(', ')}]`,
    });
    return { rows: [], issues };
  }
  const rows: ParsedReferences['rows'] = [];
  for (let i = 0; i < csv.rowCount; i++) {
    const line = csv.rowLines[i]!;
    const raw = Object.fromEntries(REFERENCE_COLUMNS.map((c) => [c, csv.columns[header.indexOf(c)]![i]!]));
    const parsed = ReferenceRowSchema.safeParse(raw);
    if (parsed.success) rows.push({ ...parsed.data, line });
    else for (const issue of parsed.error.issues) issues.push({ line, message: `${issue.path.join('.')}: ${issue.message}` });
  }
  return { rows, issues };
}

// ---------------------------------------------------------------------------------------------
// Period

export interface ParsedPeriod extends PeriodeComparee {
  /** False when the source gives no year (`n.c.`). */
  connue: boolean;
  /** `≈`, `vers`, a start « début des travaux », a forecast: the bounds are approximate. */
  approchee: boolean;
  /** A yearly average (`moyenne annuelle`): annual, but not one particular year. */
  moyenne_annuelle: boolean;
}

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

/**
 * Reads the `periode` cell: `2014` (one year), `2019-2021`, `2005-06/2013 (cumul au 30/06/2013)`,
 * `2018-13/10/2023 (cumul)`, `début des travaux (≈2016)-03/2021 (cumul)` (multi-year totals),
 * `≈2022 (moyenne annuelle)` (a yearly average), `2019 (et prévision 2020)` (one year, with a
 * forecast in the note), `n.c. (vers 2012-2013)` (unknown). Notes in parentheses never move the
 * bounds, except a lone year standing for a start (`(≈2016)`).
 */
export function parsePeriod(raw: string): ParsedPeriod {
  const libelle = raw.trim();
  const unknown: ParsedPeriod = {
    libelle,
    annee_debut: null,
    annee_fin: null,
    annees_couvertes: null,
    annuel: false,
    connue: false,
    approchee: true,
    moyenne_annuelle: false,
  };
  if (/^n\.\s?c\.?/i.test(libelle)) return unknown;
  // A parenthesis holding only a year is a bound (« début des travaux (≈2016) »), not a note.
  const inlined = libelle.replace(/\(\s*([≈~]?\s*(?:19|20)\d{2})\s*\)/g, '$1');
  const notes = [...inlined.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!.toLowerCase());
  const main = inlined.replace(/\([^)]*\)/g, ' ');
  const years = [...main.matchAll(YEAR)].map((m) => Number(m[0]));
  if (years.length === 0) return unknown;
  const annee_debut = Math.min(...years);
  const annee_fin = Math.max(...years);
  const moyenne_annuelle = notes.some((n) => n.includes('moyenne annuelle'));
  const cumul = notes.some((n) => n.includes('cumul'));
  return {
    libelle,
    annee_debut,
    annee_fin,
    annees_couvertes: annee_fin - annee_debut + 1,
    annuel: annee_debut === annee_fin && !cumul,
    connue: true,
    approchee: /[≈~]|\bvers\b|début/i.test(main) || notes.some((n) => /prévision|vers\b/.test(n)),
    moyenne_annuelle,
  };
}

// ---------------------------------------------------------------------------------------------
// Scope

/** The `[périmètre: …]` prefix of `autre`, and the rest of the cell. */
export function splitScope(autre: string): { perimetre: string | null; note: string } {
  const m = /^\s*\[\s*périmètre\s*:\s*([^\]]*)\]\s*/iu.exec(autre);
  return m ? { perimetre: m[1]!.trim(), note: autre.slice(m[0].length).trim() } : { perimetre: null, note: autre.trim() };
}

/**
 * Classifies the scope text:
 * - own contracts plus other buyers' (subsidised, supported for others, another client's line);
 * - several buyers: a territory, « tous donneurs d'ordre », a programme (PNRU, projets de rénovation urbaine,
 *   ouvrages olympiques), the portfolio of a facilitator (« suivis par »), or several buyers named;
 * - the buyer's own contracts: « marchés propres », « marchés de la Métropole »…;
 * - otherwise not stated.
 */
export function classifyScope(text: string | null): Perimetre {
  if (text === null || text.trim() === '') return 'NON_PRECISE';
  const t = text.toLowerCase();
  if (/subventionn|y compris pour d'autres|y\.\s?c\./.test(t)) return 'MARCHES_PROPRES_ET_AUTRES';
  if (
    /donneurs? d'ordre|ma[iî]tres? d'ouvrage|territoire|facilitateur|suivis par|pnru|projets de rénovation urbaine|ouvrages olympiques/.test(t) ||
    // Several buyers named in a list: « SGP, RATP, SNCF Réseau… ».
    /\b[A-Z]{2,}[\w-]*\s*(?:,|\+)\s*[A-Z]{2,}/.test(text)
  )
    return 'PLUSIEURS_DONNEURS_ORDRE';
  if (/march[ée]s/.test(t)) return 'MARCHES_PROPRES';
  return 'NON_PRECISE';
}

// ---------------------------------------------------------------------------------------------
// Kind of hours, caveats

/** The `AMBIGU: …` or `INCERTAIN: …` sentence of `autre` (up to the next full stop), or ''. */
export function caveatSentence(autre: string): string {
  const m = /\b(?:AMBIGU|INCERTAIN)\b\s*:?([\s\S]*?)(?:\.(?:\s|$)|$)/.exec(autre);
  return m ? m[0] : '';
}

/**
 * What the hours are, from the quoted sentence and the caveat of `autre`:
 * - PREVUES: « clausées », « inscrit dans les clauses », « heures prévues dans les marchés »;
 * - GENEREES: « ont généré », « générant », or the caveat about « générées »;
 * - NON_PRECISEE: the note says the nature is not stated (« non précisée », « non explicite »,
 *   « verbe non visible »), or the quote has no verb saying so;
 * - REALISEES: the quote says carried out (« réalisées », « effectuées », « travaillées », hours of
 *   work, hours persons « ont pu bénéficier de », « ont profité »). A quote about persons only
 *   (« 2 953 bénéficiaires ») says nothing about the hours: NON_PRECISEE.
 */
export function natureOfHours(quote: string, autre: string): NatureHeures {
  const caveat = caveatSentence(autre).toLowerCase();
  const q = quote.toLowerCase();
  const both = `${q} ${caveat}`;
  if (/clausées|inscrit dans les clauses|prévues dans les marchés/.test(both)) return 'PREVUES';
  if (/ont généré|générant|génèrent|générées/.test(q) || /génér/.test(caveat)) return 'GENEREES';
  if (/non précisée?|non explicite|verbe non visible/.test(autre.toLowerCase())) return 'NON_PRECISEE';
  if (/réalis|effectu|travaillées|heures de travail|bénéficier d|profité/.test(q)) return 'REALISEES';
  return 'NON_PRECISEE';
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
};

const APPROXIMATION =
  /(?<![\p{L}])(un peu plus de|plus de|près de|pas moins de|environ|quelque|[~≈])\s*(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)(?:\s*(millions?|M)(?![\p{L}]))?/giu;

/** A number written in a sentence (`370 000`, `2,8` + `millions`, `deux millions`). */
function sentenceNumber(digits: string, million: string | undefined): number {
  const word = NUMBER_WORDS[digits.toLowerCase()];
  const base = word ?? Number(digits.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
  return million ? Math.round(base * 1e6) : base;
}

/** The fields of a row whose value may be approximate. */
const APPROXIMABLE = ['heures_realisees', 'personnes', 'marches', 'operations', 'part_femmes', 'part_siae_heures'] as const;

/**
 * Approximations of the row's own figures: a « plus de », « près de », « pas moins de », « ~ »…
 * followed by a number equal to one of the row's values (the file enters them as the round
 * number). Returns `champ : phrase` for each, e.g. `heures_realisees : près de 370 000`.
 */
export function approximations(row: ReferenceRow): string[] {
  const out: string[] = [];
  for (const text of [row.exact_quote, row.autre]) {
    for (const m of text.matchAll(APPROXIMATION)) {
      const n = sentenceNumber(m[2]!, m[3]);
      for (const f of APPROXIMABLE) {
        const v = row[f];
        if (v !== null && Math.abs(v - n) < 1e-9) {
          const entry = `${f} : ${m[0].trim()}`;
          if (!out.some((e) => e.startsWith(`${f} :`))) out.push(entry);
        }
      }
    }
  }
  return out;
}

/** Every URL of the `source` cell. */
export function sourceUrls(source: string): string[] {
  return [...source.matchAll(/https?:\/\/[^\s;)]+/g)].map((m) => m[0]);
}

// ---------------------------------------------------------------------------------------------
// Normalised record

export interface PublishedResult {
  /** Rank in the file (1 = first data row). */
  rang: number;
  territoire: string;
  type_territoire: TypeTerritoire;
  periode: ParsedPeriod;
  perimetre: Perimetre;
  /** The scope as the file states it (inside `[périmètre: …]`). */
  precision_perimetre: string;
  nature_heures: NatureHeures;
  /** Hours announced (carried out or not: see `nature_heures`). */
  heures: number | null;
  personnes: number | null;
  marches: number | null;
  operations: number | null;
  part_femmes: number | null;
  part_heures_siae: number | null;
  /** Derived when both figures are given (same period, same scope, same caveats). */
  heures_par_personne: number | null;
  heures_par_marche: number | null;
  ambigu: boolean;
  incertain: boolean;
  approximation: boolean;
  approximations: string[];
  avertissements: Bilingual;
  /** `autre` without its scope prefix. */
  note: string;
  source: string;
  urls: string[];
  date_source: string;
  citation: string;
  statut: Bilingual;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function caveats(r: Omit<PublishedResult, 'avertissements'>): Bilingual {
  const fr: string[] = [];
  const en: string[] = [];
  const p = r.periode;
  if (!p.connue) {
    fr.push('Période non précisée par la source.');
    en.push('Period not stated by the source.');
  } else if (p.moyenne_annuelle) {
    fr.push('Moyenne annuelle, pas une année précise.');
    en.push('Yearly average, not one particular year.');
  } else if (!p.annuel) {
    fr.push(`Total pluriannuel (${p.annee_debut}–${p.annee_fin}) : à ne pas comparer à un chiffre annuel.`);
    en.push(`Multi-year total (${p.annee_debut}–${p.annee_fin}): not comparable with a yearly figure.`);
  }
  if (p.connue && p.approchee) {
    fr.push('Période approximative.');
    en.push('Approximate period.');
  }
  if (r.perimetre !== 'MARCHES_PROPRES') {
    fr.push(`Périmètre : ${PERIMETRES[r.perimetre].fr.toLowerCase()}, pas les seuls marchés d'un acheteur.`);
    en.push(`Scope: ${PERIMETRES[r.perimetre].en.toLowerCase()}, not one buyer's own contracts.`);
  }
  if (r.nature_heures !== 'REALISEES') {
    fr.push(`${NATURES_HEURES[r.nature_heures].fr}.`);
    en.push(`${NATURES_HEURES[r.nature_heures].en}.`);
  }
  if (r.ambigu) {
    fr.push('Marqué AMBIGU : à ne pas comparer directement.');
    en.push('Marked AMBIGU (ambiguous): not to be compared directly.');
  }
  if (r.incertain) {
    fr.push('Marqué INCERTAIN : à ne pas comparer directement.');
    en.push('Marked INCERTAIN (uncertain): not to be compared directly.');
  }
  if (r.approximation) {
    fr.push(`Valeur approchée (${r.approximations.join(' ; ')}).`);
    en.push(`Approximate value (${r.approximations.join('; ')}).`);
  }
  return { fr: fr.join(' '), en: en.join(' ') };
}

/** One row of the file made comparable: flags, caveats, derived ratios, source kept. */
export function normaliseReference(row: ReferenceRow, rang: number): PublishedResult {
  const { perimetre, note } = splitScope(row.autre);
  const approx = approximations(row);
  const base = {
    rang,
    territoire: row.territoire,
    type_territoire: row.type_territoire,
    periode: parsePeriod(row.periode),
    perimetre: classifyScope(perimetre),
    precision_perimetre: perimetre ?? '',
    nature_heures: natureOfHours(row.exact_quote, row.autre),
    heures: row.heures_realisees,
    personnes: row.personnes,
    marches: row.marches,
    operations: row.operations,
    part_femmes: row.part_femmes,
    part_heures_siae: row.part_siae_heures,
    heures_par_personne: row.heures_realisees !== null && row.personnes ? round2(row.heures_realisees / row.personnes) : null,
    heures_par_marche: row.heures_realisees !== null && row.marches ? round2(row.heures_realisees / row.marches) : null,
    ambigu: /\bAMBIGU\b/.test(row.autre),
    incertain: /\bINCERTAIN\b/.test(row.autre),
    approximation: approx.length > 0,
    approximations: approx,
    note,
    source: row.source,
    urls: sourceUrls(row.source),
    date_source: row.date_source,
    citation: row.exact_quote,
    statut: STATUTS.PUBLIE_NON_VERIFIE,
  };
  return { ...base, avertissements: caveats(base) };
}

/** Parses and normalises the whole file; throws on any problem (nothing is published from a broken file). */
export function publishedResults(input: Uint8Array | string): PublishedResult[] {
  const { rows, issues } = parseReferences(input);
  if (issues.length > 0) {
    throw new Error(`${REFERENCES_FILE} : ${issues.map((i) => `ligne ${i.line} : ${i.message}`).join(' ; ')}`);
  }
  return rows.map((r, i) => normaliseReference(r, i + 1));
}

// ---------------------------------------------------------------------------------------------
// Published table

const col = (nom: string, type: Colonne['type'], fr: string, en: string, description?: Bilingual): Colonne => ({
  nom,
  type,
  role: 'dimension',
  titre: { fr, en },
  ...(description ? { description } : {}),
});
const measure = (nom: string, fr: string, en: string, unite: Bilingual, description?: Bilingual): Colonne => ({
  nom,
  type: 'number',
  role: 'mesure',
  titre: { fr, en },
  unite,
  decimales: 2,
  ...(description ? { description } : {}),
});

export const REFERENCE_TABLE_COLUMNS: Colonne[] = [
  col('rang', 'integer', 'Rang dans le fichier source', 'Rank in the source file'),
  col('statut', 'string', 'Statut', 'Status', {
    fr: '« publié, non vérifié » : chiffre repris tel que le territoire l’a publié, pas un jeu validé.',
    en: '"published, not verified": a figure as the territory published it, not a validated dataset.',
  }),
  col('statut_en', 'string', 'Statut (anglais)', 'Status (English)'),
  col('territoire', 'string', 'Territoire ou acheteur', 'Territory or buyer'),
  col('type_territoire', 'string', 'Type de territoire', 'Kind of territory'),
  col('libelle_type_territoire', 'string', 'Type de territoire (libellé)', 'Kind of territory (label)'),
  col('periode', 'string', 'Période (telle que publiée)', 'Period (as published)'),
  col('annee_debut', 'integer', 'Première année', 'First year'),
  col('annee_fin', 'integer', 'Dernière année', 'Last year'),
  col('annees_couvertes', 'integer', 'Années couvertes', 'Years covered'),
  col('annuel', 'boolean', 'Chiffre annuel', 'Yearly figure', {
    fr: 'Vrai pour une année (ou une moyenne annuelle) ; faux pour un total pluriannuel ou une période inconnue.',
    en: 'True for one year (or a yearly average); false for a multi-year total or an unknown period.',
  }),
  col('moyenne_annuelle', 'boolean', 'Moyenne annuelle', 'Yearly average'),
  col('periode_connue', 'boolean', 'Période connue', 'Period known'),
  col('periode_approchee', 'boolean', 'Période approximative', 'Approximate period'),
  col('perimetre', 'string', 'Périmètre', 'Scope', {
    fr: "MARCHES_PROPRES : marchés de l'acheteur ; PLUSIEURS_DONNEURS_ORDRE : un territoire, un programme ou un facilitateur, tous acheteurs ; MARCHES_PROPRES_ET_AUTRES : les deux mêlés.",
    en: "MARCHES_PROPRES: the buyer's own contracts; PLUSIEURS_DONNEURS_ORDRE: a territory, a programme or a facilitator, all buyers; MARCHES_PROPRES_ET_AUTRES: both mixed.",
  }),
  col('libelle_perimetre', 'string', 'Périmètre (libellé)', 'Scope (label)'),
  col('libelle_perimetre_en', 'string', 'Périmètre (libellé anglais)', 'Scope (English label)'),
  col('precision_perimetre', 'string', 'Périmètre selon la source', 'Scope as the source states it'),
  col('nature_heures', 'string', 'Nature des heures', 'Kind of hours', {
    fr: 'REALISEES, PREVUES, GENEREES (prévues ou réalisées, non dit) ou NON_PRECISEE, lu dans la citation et la note.',
    en: 'REALISEES (carried out), PREVUES (planned), GENEREES (planned or carried out, not said) or NON_PRECISEE (not stated), read from the quote and the note.',
  }),
  col('libelle_nature_heures', 'string', 'Nature des heures (libellé)', 'Kind of hours (label)'),
  col('libelle_nature_heures_en', 'string', 'Nature des heures (libellé anglais)', 'Kind of hours (English label)'),
  measure('heures', "Heures d'insertion annoncées", 'Insertion hours announced', UNITES.heures, {
    fr: 'Colonne heures_realisees du fichier source ; voir nature_heures.',
    en: 'Column heures_realisees of the source file; see nature_heures.',
  }),
  measure('personnes', 'Personnes', 'Persons', UNITES.personnes),
  measure('marches', 'Marchés', 'Contracts', UNITES.marches),
  measure('operations', 'Opérations', 'Operations', UNITES.operations),
  measure('part_femmes', 'Part des femmes', 'Share of women', UNITES.pourcentage),
  measure('part_heures_siae', 'Part des heures via une SIAE', 'Share of hours through an SIAE', UNITES.pourcentage),
  measure(
    'heures_par_personne',
    'Heures par personne',
    'Hours per person',
    { fr: 'heures par personne', en: 'hours per person' },
    {
      fr: 'Heures divisées par personnes, quand la source donne les deux (même période, même périmètre).',
      en: 'Hours divided by persons, when the source gives both (same period, same scope).',
    },
  ),
  measure(
    'heures_par_marche',
    'Heures par marché',
    'Hours per contract',
    { fr: 'heures par marché', en: 'hours per contract' },
    {
      fr: 'Heures divisées par marchés, quand la source donne les deux.',
      en: 'Hours divided by contracts, when the source gives both.',
    },
  ),
  col('ambigu', 'boolean', 'Marqué AMBIGU', 'Marked AMBIGU (ambiguous)'),
  col('incertain', 'boolean', 'Marqué INCERTAIN', 'Marked INCERTAIN (uncertain)'),
  col('approximation', 'boolean', 'Valeur approchée', 'Approximate value'),
  col('approximations', 'string', 'Approximations relevées', 'Approximations found'),
  col('avertissements', 'string', 'Avertissements', 'Caveats'),
  col('avertissements_en', 'string', 'Avertissements (anglais)', 'Caveats (English)'),
  col('note', 'string', 'Note', 'Note'),
  col('source', 'string', 'Source', 'Source'),
  col('url', 'string', 'Adresse de la source', 'Source URL'),
  col('date_source', 'string', 'Date de la source', 'Date of the source'),
  col('citation', 'string', 'Citation exacte', 'Exact quote'),
];

/** A normalised result as a published row. */
export function referenceRow(r: PublishedResult): Ligne {
  return {
    rang: r.rang,
    statut: r.statut.fr,
    statut_en: r.statut.en,
    territoire: r.territoire,
    type_territoire: r.type_territoire,
    libelle_type_territoire: TYPES_TERRITOIRE[r.type_territoire].fr,
    periode: r.periode.libelle,
    annee_debut: r.periode.annee_debut,
    annee_fin: r.periode.annee_fin,
    annees_couvertes: r.periode.annees_couvertes,
    annuel: r.periode.annuel,
    moyenne_annuelle: r.periode.moyenne_annuelle,
    periode_connue: r.periode.connue,
    periode_approchee: r.periode.approchee,
    perimetre: r.perimetre,
    libelle_perimetre: PERIMETRES[r.perimetre].fr,
    libelle_perimetre_en: PERIMETRES[r.perimetre].en,
    precision_perimetre: r.precision_perimetre,
    nature_heures: r.nature_heures,
    libelle_nature_heures: NATURES_HEURES[r.nature_heures].fr,
    libelle_nature_heures_en: NATURES_HEURES[r.nature_heures].en,
    heures: r.heures,
    personnes: r.personnes,
    marches: r.marches,
    operations: r.operations,
    part_femmes: r.part_femmes,
    part_heures_siae: r.part_heures_siae,
    heures_par_personne: r.heures_par_personne,
    heures_par_marche: r.heures_par_marche,
    ambigu: r.ambigu,
    incertain: r.incertain,
    approximation: r.approximation,
    approximations: r.approximations.join(' ; '),
    avertissements: r.avertissements.fr,
    avertissements_en: r.avertissements.en,
    note: r.note,
    source: r.source,
    url: r.urls[0] ?? '',
    date_source: r.date_source,
    citation: r.citation,
  };
}

export const REFERENCES_ID = 'resultats-publies-autres-territoires';

export const REFERENCES_TITLE: Bilingual = {
  fr: "Résultats publiés par d'autres territoires (non vérifiés)",
  en: "Other territories' published results (not verified)",
};

export const REFERENCES_DESCRIPTION: Bilingual = {
  fr: "Chiffres clés publiés par d'autres territoires sur leurs clauses d'insertion, repris tels quels de communiqués et de pages officielles (lus en novembre 2026), chacun avec sa source, sa date et la phrase citée. Non vérifiés : à lire à part des jeux validés. Chaque ligne dit si le chiffre est annuel ou pluriannuel, s'il couvre les marchés propres d'un acheteur ou tout un territoire, si les heures sont réalisées, prévues ou « générées », et porte les réserves de la source (AMBIGU, INCERTAIN, valeur approchée).",
  en: 'Headline figures other territories published on their insertion clauses, taken as they are from press releases and official pages (read in November 2026), each with its source, date and quoted sentence. Not verified: read apart from the validated datasets. Each row says whether the figure is yearly or multi-year, covers one buyer\'s own contracts or a whole territory, counts hours carried out, planned or "generated", and carries the source\'s caveats (AMBIGU, INCERTAIN, approximate value).',
};

export interface ReferencesTable {
  resultats: PublishedResult[];
  colonnes: Colonne[];
  lignes: Ligne[];
  csv: string;
  json: unknown;
}

/** The published table of other territories' results, as rows, CSV and JSON. */
export function referencesTable(input: Uint8Array | string): ReferencesTable {
  const resultats = publishedResults(input);
  const lignes = resultats.map(referenceRow);
  const json = {
    id: REFERENCES_ID,
    titre: REFERENCES_TITLE,
    description: REFERENCES_DESCRIPTION,
    statut: STATUTS.PUBLIE_NON_VERIFIE,
    fichier_source: `data/references/${REFERENCES_FILE}`,
    perimetres: PERIMETRES,
    natures_heures: NATURES_HEURES,
    types_territoire: TYPES_TERRITOIRE,
    colonnes: REFERENCE_TABLE_COLUMNS.map((c) => ({
      nom: c.nom,
      type: c.type,
      role: c.role,
      titre: c.titre,
      ...(c.unite ? { unite: c.unite } : {}),
      ...(c.description ? { description: c.description } : {}),
    })),
    lignes: resultats.map((r, i) => ({
      ...Object.fromEntries(REFERENCE_TABLE_COLUMNS.map((c) => [c.nom, lignes[i]![c.nom] ?? null])),
      // Lists stay lists in JSON (the CSV joins them with ` ; `).
      approximations: r.approximations,
      urls: r.urls,
    })),
  };
  return { resultats, colonnes: REFERENCE_TABLE_COLUMNS, lignes, csv: toCSV(REFERENCE_TABLE_COLUMNS, lignes), json };
}
