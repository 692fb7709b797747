import { z } from 'zod';
import { regionOf, REGIONS } from '../../schemas/enums.ts';
import { METADATA_FILE } from '../../schemas/index.ts';
import { MetadonneesSchema, type Metadonnees } from '../../schemas/metadonnees.ts';
import { findPhone, namedPerson } from './anonymity.ts';
import { findControl, showControls } from './controls.ts';
import type { IssueCollector } from './report.ts';
import type { MetaChecks } from './rules.ts';
import type { Bilingual } from '../lang.ts';

const frenchErrors = z.locales.fr().localeError;
const englishErrors = z.locales.en().localeError;

/** zod's own sentence for an issue, in a language (its locales ship with zod). */
function zodSentence(localeError: typeof frenchErrors, issue: z.core.$ZodIssue): string {
  const out = localeError(issue as unknown as z.core.$ZodRawIssue);
  const text = typeof out === 'string' ? out : (out?.message ?? issue.message);
  return text.replace(/\.$/, '');
}

/** What the validator learnt from `metadonnees.json`. */
export interface MetaResult {
  /** The metadata, when they are valid. */
  meta?: Metadonnees;
  /** The parts of the metadata the tables can be checked against, each one when it is valid on its own. */
  checks: MetaChecks;
}

/**
 * A key starting with `//` is a comment: `npm run init` writes the explanation of each field next
 * to it (`"//nom": "…"`), since JSON has no comments. Comments are dropped before the schema
 * reads the object, at every depth.
 */
export const COMMENT_PREFIX = '//';

function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !k.startsWith(COMMENT_PREFIX))
      .map(([k, v]) => [k, withoutComments(v)]),
  );
}

/** The mark of a value still to fill in, as `npm run init` writes it: `À COMPLÉTER : …`. */
export const TO_FILL = 'À COMPLÉTER';
const TO_FILL_KEY = /^a completer\b\s*[:：-]?\s*/i;
const plainText = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Every string left as `À COMPLÉTER…`, by path (`nom`, `periode.debut`, `departements`), with what follows the mark. */
function placeholders(value: unknown, path: string[] = []): { path: string; hint: string }[] {
  if (typeof value === 'string') {
    const m = TO_FILL_KEY.exec(plainText(value).trim());
    return m ? [{ path: path.join('.'), hint: value.trim().slice(m[0].length).trim() }] : [];
  }
  if (Array.isArray(value)) {
    // A list with a placeholder is to fill in as a whole (`departements`).
    return value.some((v) => placeholders(v).length > 0) ? [{ path: path.join('.'), hint: placeholders(value.find((v) => placeholders(v).length > 0))[0]!.hint }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => placeholders(v, [...path, k]));
}

/** True when `path` is `field` or inside it (`periode.debut` is inside `periode`). */
const within = (path: string, field: string) => path === field || path.startsWith(`${field}.`);

/** The fields the tables are checked against, and which checks each holds back while it is wrong. */
const CHECKS_OF: Readonly<Record<Exclude<keyof MetaChecks, 'directions'>, Bilingual>> = {
  siret_acheteur: {
    fr: "SIRET de l'acheteur de chaque marché (marches, id_acheteur)",
    en: "the buyer's SIRET of each contract (marches, id_acheteur)",
  },
  departements: {
    fr: 'département des marchés, opérations et facilitateurs (colonnes departement), et accord avec code_region',
    en: 'département of contracts, operations and facilitators (departement columns), and agreement with code_region',
  },
  periode: {
    fr: 'dates de notification des marchés et mois des heures dans la période',
    en: 'notification dates of contracts and months of hours inside the period',
  },
};

/**
 * Reads and checks `metadonnees.json`. `meta` is the parsed JSON, or its text or bytes (so a
 * syntax error becomes an issue like any other), or `undefined` when the file is missing.
 * `today` (`YYYY-MM-DD`, the caller's clock: the validator has none) dates the publication.
 *
 * Every field is checked at once, so a fix never reveals a new metadata error; and when a field
 * the tables are checked against is wrong, a warning says which checks of the tables it held back.
 */
export function validateMeta(publisher: string, meta: unknown, issues: IssueCollector, today?: string): MetaResult {
  const file = METADATA_FILE;
  const checks: MetaChecks = {};
  const heldBack = (fields: readonly (keyof typeof CHECKS_OF)[]) => {
    for (const champ of fields) issues.add('meta.controles_non_faits', file, { column: champ }, { champ, checks: CHECKS_OF[champ] });
  };
  const all = Object.keys(CHECKS_OF) as (keyof typeof CHECKS_OF)[];
  if (meta === undefined) {
    issues.add('meta.absent', file);
    heldBack(all);
    return { checks };
  }
  let json: unknown = meta;
  if (typeof meta === 'string' || meta instanceof Uint8Array) {
    const text = typeof meta === 'string' ? meta : new TextDecoder('utf-8').decode(meta);
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      issues.add('meta.json', file, {}, { detail: (e as Error).message });
      heldBack(all);
      return { checks };
    }
  }
  json = withoutComments(json);
  const raw = (json !== null && typeof json === 'object' && !Array.isArray(json) ? json : {}) as Record<string, unknown>;
  const wrong = new Set<string>(); // paths with an error
  let errors = false;

  // Values still to fill in: one issue each, and no schema sentence about them.
  const toFill = placeholders(raw);
  for (const p of toFill) {
    issues.add('meta.a_completer', file, { column: p.path }, { champ: p.path, hint: p.hint });
    wrong.add(p.path);
    errors = true;
  }

  const parsed = MetadonneesSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const champ = issue.path.join('.');
      if (toFill.some((p) => within(champ, p.path) || within(p.path, champ))) continue;
      wrong.add(champ);
      errors = true;
      if (issue.code === 'custom' && champ === 'periode') {
        const p = raw.periode as { debut: string; fin: string };
        issues.add('meta.periode', file, { column: champ }, { debut: p.debut, fin: p.fin });
      } else if (issue.code === 'custom' && issue.params?.rule === 'siret.cle') {
        const { fr, en } = issue.params as { fr: string; en: string };
        issues.add('meta.siret', file, { column: champ, value: String(raw[champ]) }, { detail: { fr, en } });
      } else {
        const detail = { fr: zodSentence(frenchErrors, issue), en: zodSentence(englishErrors, issue) };
        issues.add('meta.champ', file, { column: champ || '(racine)' }, { champ: champ || { fr: '(racine)', en: '(root)' }, detail });
      }
    }
  }

  // Invisible characters in the free-text fields, wherever the rest stands.
  for (const [champ, text] of metaTexts(raw)) {
    const control = findControl(text);
    if (!control) continue;
    issues.add('meta.caractere_controle', file, { column: champ, value: showControls(text) }, { champ, ...control });
    wrong.add(champ);
    errors = true;
  }
  if (typeof raw.id === 'string' && !wrong.has('id') && raw.id !== publisher) {
    issues.add('meta.editeur', file, { column: 'id', value: raw.id }, { id: raw.id, publisher });
    errors = true;
  }

  // What the schema cannot say: each check runs on fields that are valid on their own.
  const valid = <K extends keyof Metadonnees>(key: K): Metadonnees[K] | undefined => {
    if ([...wrong].some((p) => within(p, key))) return undefined;
    const r = MetadonneesSchema.shape[key].safeParse(raw[key]);
    return r.success ? (r.data as Metadonnees[K]) : undefined;
  };
  const contact = valid('contact');
  if (contact !== undefined) {
    const phone = findPhone(contact);
    // The report never copies the number, even next to another finding.
    const shown = phone ? contact.replace(phone, '•••') : contact;
    if (phone) {
      issues.add('meta.contact_telephone', file, { column: 'contact', value: shown });
      errors = true;
    }
    const person = namedPerson(shown);
    if (person) issues.add('meta.contact_personne', file, { column: 'contact', value: shown }, { found: person });
  }
  const departements = valid('departements');
  const codeRegion = valid('code_region');
  // Which of the two is wrong is not known: the départements still serve to check the tables.
  if (departements && codeRegion !== undefined && !regionAgrees(codeRegion, departements, issues)) errors = true;
  const seuil = valid('seuil_secret');
  if (seuil !== undefined && seuil < 5) {
    issues.add('meta.seuil_bas', file, { column: 'seuil_secret', value: String(seuil) }, { seuil });
    errors = true;
  }
  const published = valid('date_publication');
  if (published !== undefined && today !== undefined && published > today) {
    issues.add('meta.date_future', file, { column: 'date_publication', value: published }, { date: published, today });
    errors = true;
  }

  const siret = valid('siret_acheteur');
  if (siret !== undefined) checks.siret_acheteur = siret;
  if (departements && !wrong.has('departements')) checks.departements = departements;
  const periode = valid('periode');
  if (periode && periode.debut <= periode.fin && !wrong.has('periode')) checks.periode = periode;
  heldBack(all.filter((k) => checks[k] === undefined));
  // The publisher's own directorates, when it lists them (optional: without them any code is accepted).
  const profil = valid('profil');
  if (profil?.directions) checks.directions = profil.directions.map((d) => d.code);

  return !errors && parsed.success ? { meta: parsed.data, checks } : { checks };
}

/** `code_region` holds every département of `departements` (INSEE regions since 2016). */
function regionAgrees(code: string, departements: readonly string[], issues: IssueCollector): boolean {
  const region = REGIONS.find((r) => r.code === code);
  if (!region) {
    issues.add(
      'meta.region',
      METADATA_FILE,
      { column: 'code_region', value: code },
      {
        detail: {
          fr: `code_region ${code} n'est pas un code de région INSEE (${REGIONS.map((r) => r.code).join(', ')}).`,
          en: `code_region ${code} is not an INSEE region code (${REGIONS.map((r) => r.code).join(', ')}).`,
        },
      },
    );
    return false;
  }
  const outside = departements.filter((d) => regionOf(d)?.code !== code);
  if (outside.length === 0) return true;
  // The départements outside, by the region they are in: « 22, 29 (Bretagne) ».
  const byRegion = (lang: 'fr' | 'en') => {
    const groups = new Map<string, string[]>();
    for (const d of outside) {
      const name = regionOf(d)?.[lang] ?? '?';
      groups.set(name, [...(groups.get(name) ?? []), d]);
    }
    return [...groups].map(([name, ds]) => `${ds.join(', ')} (${name})`).join(' ; ');
  };
  const where = byRegion('fr');
  const whereEn = byRegion('en').replace(/ ; /g, '; ');
  issues.add(
    'meta.region',
    METADATA_FILE,
    { column: 'code_region', value: code },
    {
      detail: {
        fr: `code_region ${code} (${region.fr}) ne contient pas : ${where}.`,
        en: `code_region ${code} (${region.en}) does not hold: ${whereEn}.`,
      },
    },
  );
  return false;
}

/** The free-text fields of the metadata that are strings, by path (the others have a format that excludes controls). */
function metaTexts(raw: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const k of ['nom', 'territoire', 'contact']) if (typeof raw[k] === 'string') out.push([k, raw[k]]);
  if (Array.isArray(raw.sources)) {
    raw.sources.forEach((s: unknown, i) => {
      if (s === null || typeof s !== 'object') return;
      const { titre, url } = s as { titre?: unknown; url?: unknown };
      if (typeof titre === 'string') out.push([`sources.${i}.titre`, titre]);
      if (typeof url === 'string') out.push([`sources.${i}.url`, url]);
    });
  }
  return out;
}
