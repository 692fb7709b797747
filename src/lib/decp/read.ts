/**
 * Reading DECP JSON, whatever its vintage, into a flat list of records with accessors that hide
 * the differences between forms. Nothing here decides what is imported (see import.ts).
 *
 * Forms accepted:
 * - DECP v2 (arrêtés of 22 December 2022, schema 2.0.x): `{ "marches": { "marche": [...],
 *   "contrat-concession": [...] } }`; `marche` may also be a single object (the official example).
 * - Arrays: `{ "marches": [ ... ] }` (v2 exported as an array, the older 2019 format, and the
 *   consolidated files of data.gouv.fr, where `_type` tells « Marché » from « Contrat de
 *   concession »), with concessions possibly in a sibling `contrats-concession` array; a bare
 *   top-level array of records is read the same way.
 * - Field spellings of every vintage: `considerationsSociales` as an array, as
 *   `{ considerationSociale: [...] }` or as a text; `titulaires` as `[{ id }]`,
 *   `[{ titulaire: { id } }]` or `{ titulaire: [...] }`; `modifications` likewise; flattened keys
 *   (`acheteur.id`, `acheteur_id`, `lieuExecution_code`).
 */
import { errorMessages, DecpError } from './messages.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type DecpObject = Readonly<Record<string, unknown>>;

/** How the file was laid out. */
export type DecpFormat = 'v2-objet' | 'tableau';

/** One record of the file, with where it was found. */
export interface DecpEntry {
  /** JSON path of the list it comes from, e.g. `marches.marche`, `marches`, `contrats-concession`. */
  source: string;
  /** 1-based position in that list. */
  index: number;
  /** The record as found (not necessarily an object: malformed files exist). */
  record: unknown;
  /** True when the list itself holds concessions (`contrat-concession`). */
  concessionList: boolean;
}

export function isObject(v: unknown): v is DecpObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const CONCESSION_KEYS = ['contrat-concession', 'contrats-concession', 'contratsConcession', 'concessions'] as const;

/** A list, or one item made a list (XML converted to JSON makes single items objects). */
function asList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'un tableau / an array';
  if (v === null) return 'null';
  if (isObject(v)) {
    const keys = Object.keys(v).slice(0, 5);
    return keys.length ? `{ ${keys.join(', ')} }` : '{}';
  }
  return typeof v;
}

/** An array item `{ "marche": {...} }` stands for its content. */
function unwrap(item: unknown, key: string): unknown {
  if (isObject(item)) {
    const keys = Object.keys(item);
    if (keys.length === 1 && keys[0] === key) return item[key];
  }
  return item;
}

/**
 * The records of a DECP file, marchés and concessions, in file order.
 * @throws DecpError when the JSON is not laid out as any DECP form.
 */
export function readDecp(json: unknown): { format: DecpFormat; entries: DecpEntry[] } {
  const entries: DecpEntry[] = [];
  const push = (source: string, list: unknown[], concessionList: boolean, wrapper: string) =>
    list.forEach((record, i) => entries.push({ source, index: i + 1, record: unwrap(record, wrapper), concessionList }));

  if (Array.isArray(json)) {
    push('$', json, false, 'marche');
    return { format: 'tableau', entries };
  }
  if (!isObject(json) || !('marches' in json)) throw new DecpError(errorMessages.formatInconnu(describe(json)));
  const marches = json.marches;
  if (Array.isArray(marches)) {
    push('marches', marches, false, 'marche');
    for (const key of CONCESSION_KEYS) if (key in json) push(key, asList(json[key]), true, 'contrat-concession');
    return { format: 'tableau', entries };
  }
  if (isObject(marches) && ('marche' in marches || CONCESSION_KEYS.some((k) => k in marches))) {
    push('marches.marche', asList(marches.marche), false, 'marche');
    for (const key of CONCESSION_KEYS) if (key in marches) push(`marches.${key}`, asList(marches[key]), true, 'contrat-concession');
    for (const key of CONCESSION_KEYS) if (key in json) push(key, asList(json[key]), true, 'contrat-concession');
    return { format: 'v2-objet', entries };
  }
  throw new DecpError(errorMessages.formatInconnu(`marches = ${describe(marches)}`));
}

// ---------------------------------------------------------------------------------------------
// Accessors

/**
 * The value at `path` (`a.b`): nested objects first, then the flattened spellings `"a.b"` and
 * `a_b` that tabular exports use.
 */
export function get(rec: DecpObject, path: string): unknown {
  let v: unknown = rec;
  for (const part of path.split('.')) {
    if (!isObject(v)) {
      v = undefined;
      break;
    }
    v = v[part];
  }
  if (v !== undefined) return v;
  if (path in rec) return rec[path];
  const flat = path.replace(/\./g, '_');
  return flat in rec ? rec[flat] : undefined;
}

/** A scalar as trimmed text; `undefined` for missing, empty, `null`, objects and arrays. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** The record's `id`, trimmed. */
export function recordId(rec: unknown): string | undefined {
  return isObject(rec) ? text(rec.id) : undefined;
}

/** SIRET of the buyer (`acheteur.id`), or of the granting authority of a concession. Spaces removed. */
export function buyerId(rec: DecpObject): string | undefined {
  const raw = text(get(rec, 'acheteur.id')) ?? text(get(rec, 'autoriteConcedante.id'));
  return raw?.replace(/\s+/g, '');
}

/** True for a concession found in a list of marchés (`_type`, `nature` or concession-only fields). */
export function isConcession(rec: DecpObject): boolean {
  const kind = `${text(rec._type) ?? ''} ${text(rec.nature) ?? ''}`.toLowerCase();
  if (/concession|d[ée]l[ée]gation de service public/.test(kind)) return true;
  // Consolidated files give every record every key, null when it does not apply.
  const present = (key: string) => {
    const v = get(rec, key);
    return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
  };
  return present('autoriteConcedante.id') || present('concessionnaires') || present('valeurGlobale');
}

/** Labels of `considerationsSociales`, in every spelling; a text is split on `,`, `;` and `|`. */
export function considerationLabels(rec: DecpObject): string[] {
  let v = get(rec, 'considerationsSociales');
  if (isObject(v)) v = v.considerationSociale;
  const items = asList(v).flatMap((item) => (typeof item === 'string' ? item.split(/[,;|]/) : [text(item) ?? '']));
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

/** Identifiers of the contractors (`titulaires`), in order; never printed, only pseudonymised. */
export function contractorIds(value: unknown): string[] {
  const list = isObject(value) && 'titulaire' in value ? asList(value.titulaire) : asList(value);
  const ids: string[] = [];
  for (const item of list) {
    const t = isObject(item) && isObject(item.titulaire) ? item.titulaire : item;
    const id = isObject(t) ? text(t.id) : undefined;
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** The `modifications` of a record as plain objects, in file order. */
export function modificationsOf(rec: DecpObject): DecpObject[] {
  const v = rec.modifications;
  const list = isObject(v) && 'modification' in v ? asList(v.modification) : asList(v);
  return list.map((m) => (isObject(m) && isObject(m.modification) ? m.modification : m)).filter(isObject);
}

/** The date a modification was notified (or published), `YYYY-MM-DD`, when readable. */
export function modificationDate(m: DecpObject): string | undefined {
  for (const key of ['dateNotificationModification', 'dateSignatureModification', 'datePublicationDonneesModification']) {
    const d = isoDatePrefix(m[key]);
    if (d) return d;
  }
  return undefined;
}

/** The `YYYY-MM-DD` part of a DECP date (`2019-01-15`, `2019-01-15+01:00`, `2019-01-15T10:00:00Z`). */
export function isoDatePrefix(v: unknown): string | undefined {
  const t = text(v);
  const m = t?.match(/^(\d{4}-\d{2}-\d{2})(?:$|[T ]|[+-]\d{2}:?\d{2}$|Z$)/);
  return m?.[1];
}
