/**
 * From a DECP file to rows of our `marches` table: keep the publisher's own contracts that carry a
 * social consideration, map them field by field, and account for every other record.
 *
 * Order of the checks (the first that applies is the record's skip reason):
 * 1. not an object, no buyer SIRET → `incomplet`; another buyer → `autre_acheteur`;
 * 2. a concession → `concession`;
 * 3. no `id` → `incomplet`; the same `id` twice → one is kept (latest modification, then most
 *    modifications, then latest publication, then last in the file), the others are `doublon`;
 * 4. no « Clause sociale », « Critère social » or « Marché réservé » → `sans_consideration_sociale`;
 * 5. a field our table needs is missing or invalid (id, CPV, procedure, notification date,
 *    duration, amount) → `incomplet`, every such field listed;
 * 6. outside the metadata period (when given) → `hors_periode`: notified after it, or before it
 *    with an execution that ended before it starts. A contract notified before the period and
 *    still executed in it is imported: real periods carry older contracts, and the validator
 *    accepts them (src/lib/validate/rules.ts, `executedInPeriod`).
 */
import { CONSIDERATIONS_SOCIALES, matchCode } from '../../schemas/enums.ts';
import { identifier, label } from '../../schemas/field.ts';
import type { MarcheRow } from '../../schemas/marches.ts';
import { parseDate, parseDecimal, parseInteger } from '../csv/values.ts';
import { executedInPeriod } from '../validate/rules.ts';
import { departementOfLieu, procedureCode, readCpv, segmentOfCpv, type Departement, type Procedure, type Segment } from './derive.ts';
import { DecpError, duplicateWhy, errorMessages, noteMessages, skipMessages, type FieldProblem, type NoteRule, type SkipReason } from './messages.ts';
import { createPseudonymiser, normaliseContractorId } from './pseudonym.ts';
import {
  buyerId,
  considerationLabels,
  contractorIds,
  get,
  isConcession,
  isObject,
  isoDatePrefix,
  modificationDate,
  modificationsOf,
  readDecp,
  recordId,
  text,
  type DecpFormat,
  type DecpObject,
} from './read.ts';
import type { Bilingual } from '../lang.ts';

/** Options of {@link importDecp}. */
export interface ImportOptions {
  /** The publisher's buyer SIRET (`siret_acheteur` of metadonnees.json): only its contracts are kept. */
  siret: string;
  /** Secret salt of the contractor pseudonyms (never written anywhere). */
  salt: string | undefined;
  /** Départements of the metadata: a place of execution outside them leaves `departement` empty. */
  departements?: readonly string[];
  /** Period of the metadata: contracts not executed in it are skipped (`hors_periode`). */
  periode?: { readonly debut: string; readonly fin: string };
}

/** Where a record sits in the DECP file. */
export interface DecpRef {
  /** JSON path of its list (`marches.marche`, `marches`, `contrats-concession`). */
  source: string;
  /** 1-based position in that list. */
  index: number;
  /** Its `id`, when it has one. */
  id: string | null;
}

/** A record that was not imported, and why. */
export interface Skipped extends DecpRef {
  reason: SkipReason;
  detail: Bilingual;
}

/** Something the import did to a record that the buyer should know. */
export interface Note {
  id: string;
  rule: NoteRule;
  text: Bilingual;
}

/**
 * The columns of `marches` that DECP fills. `null` where DECP has no usable value (the buyer fills
 * it). Never a contractor's own identifier: `id_titulaire` is a pseudonym.
 */
export interface DecpValues {
  id_marche: string;
  id_acheteur: string;
  objet: string | null;
  code_cpv: string;
  segment: Segment;
  procedure: Procedure;
  date_notification: string;
  duree_mois: number;
  montant: number;
  considerations_sociales: MarcheRow['considerations_sociales'];
  type_clause: 'EXECUTION' | 'RESERVE';
  critere_attribution: boolean;
  departement: Departement | null;
  id_titulaire: string | null;
}

/** One imported contract. */
export interface ImportedMarche {
  ref: DecpRef;
  values: DecpValues;
}

/** Result of {@link importDecp}. */
export interface DecpImport {
  format: DecpFormat;
  /** Records read, concessions included. */
  records: number;
  /** Of which concessions. */
  concessions: number;
  /** Imported contracts, sorted by notification date then id. */
  marches: ImportedMarche[];
  /** Every record not imported, in file order. */
  skipped: Skipped[];
  notes: Note[];
}

type ConsiderationCode = MarcheRow['considerations_sociales'][number];
const SOCIAL: ReadonlySet<ConsiderationCode> = new Set(['CLAUSE_SOCIALE', 'CRITERE_SOCIAL', 'MARCHE_RESERVE']);
const CONSIDERATION_ORDER = CONSIDERATIONS_SOCIALES.map((c) => c.code);
const MAX_OBJET = 250;

interface Candidate {
  /** Position of the record in the file, all lists together. */
  pos: number;
  rec: DecpObject;
  ref: DecpRef & { id: string };
}

/** The version of a record that wins among duplicates: larger is newer. */
function versionOf(c: Candidate): { mod: string; count: number; pub: string } {
  const mods = modificationsOf(c.rec);
  const mod = mods.map(modificationDate).reduce<string>((a, d) => (d !== undefined && d > a ? d : a), '');
  return { mod, count: mods.length, pub: isoDatePrefix(c.rec.datePublicationDonnees) ?? '' };
}

/** Picks the record to keep among candidates sharing an id, with the reason in words. */
function pickLatest(group: Candidate[]): { kept: Candidate; why: Bilingual } {
  const versions = group.map((c) => ({ c, v: versionOf(c) }));
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const cmp = (a: (typeof versions)[number], b: (typeof versions)[number]) => order(a.v.mod, b.v.mod) || a.v.count - b.v.count || order(a.v.pub, b.v.pub);
  let best = versions[0]!;
  for (const x of versions.slice(1)) if (cmp(x, best) >= 0) best = x; // ties: the later one
  const others = versions.filter((x) => x !== best);
  // Name the first criterion that puts the kept record strictly ahead of every other one.
  const ahead = (key: (x: (typeof versions)[number]) => string) => others.every((o) => key(o) < key(best));
  const pad = (n: number) => String(n).padStart(6, '0');
  const why = ahead((x) => x.v.mod)
    ? duplicateWhy.modification(best.v.mod)
    : ahead((x) => `${x.v.mod}|${pad(x.v.count)}`)
      ? duplicateWhy.modifications(best.v.count)
      : ahead((x) => `${x.v.mod}|${pad(x.v.count)}|${x.v.pub}`)
        ? duplicateWhy.publication(best.v.pub)
        : duplicateWhy.position();
  return { kept: best.c, why };
}

/** Reads an amount or a duration given as a JSON number or as text. */
function numberOf(v: unknown, integer: boolean): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && (!integer || Number.isInteger(v)) ? v : undefined;
  const t = text(v);
  if (t === undefined) return undefined;
  const r = integer ? parseInteger(t) : parseDecimal(t);
  return r.ok ? r.value : undefined;
}

/**
 * Imports a DECP file: the publisher's contracts with a social consideration become rows of our
 * `marches` table; every other record is listed with its reason.
 * @param json the parsed DECP file.
 * @throws DecpError for a file that is not DECP, a missing or short salt, an invalid SIRET, or a
 *   pseudonym collision.
 */
export async function importDecp(json: unknown, options: ImportOptions): Promise<DecpImport> {
  const siret = options.siret.replace(/\s+/g, '');
  if (!/^\d{14}$/.test(siret)) throw new DecpError(errorMessages.siret(options.siret));
  const pseudonymise = await createPseudonymiser(options.salt);
  const { format, entries } = readDecp(json);

  const skipped: { pos: number; s: Skipped }[] = [];
  const notes: Note[] = [];
  let pos = 0;
  const skip = (ref: DecpRef, reason: SkipReason, detail: Bilingual, at = pos) => skipped.push({ pos: at, s: { ...ref, reason, detail } });

  // 1–3: buyer, concession, id.
  const byId = new Map<string, Candidate[]>();
  let concessions = 0;
  for (const [i, entry] of entries.entries()) {
    pos = i;
    const rec = entry.record;
    const ref: DecpRef = { source: entry.source, index: entry.index, id: recordId(rec) ?? null };
    const concession = entry.concessionList || (isObject(rec) && isConcession(rec));
    if (concession) concessions++;
    if (!isObject(rec)) {
      skip(ref, 'incomplet', skipMessages.pasUnObjet());
      continue;
    }
    const buyer = buyerId(rec);
    if (buyer === undefined) skip(ref, 'incomplet', skipMessages.champs([{ field: concession ? 'autoriteConcedante.id' : 'acheteur.id' }]));
    else if (buyer !== siret) skip(ref, 'autre_acheteur', skipMessages.autreAcheteur(buyer, siret));
    else if (concession) skip(ref, 'concession', skipMessages.concession());
    else if (ref.id === null) skip(ref, 'incomplet', skipMessages.champs([{ field: 'id' }]));
    else {
      const group = byId.get(ref.id) ?? [];
      group.push({ pos, rec, ref: { ...ref, id: ref.id } });
      byId.set(ref.id, group);
    }
  }
  const kept: Candidate[] = [];
  for (const group of byId.values()) {
    if (group.length === 1) {
      kept.push(group[0]!);
      continue;
    }
    const { kept: best, why } = pickLatest(group);
    kept.push(best);
    for (const c of group) if (c !== best) skip(c.ref, 'doublon', skipMessages.doublon(best.ref.source, best.ref.index, why), c.pos);
  }
  kept.sort((a, b) => a.pos - b.pos);

  // 4–6, then mapping.
  const marches: ImportedMarche[] = [];
  const contractorOf = new Map<string, string>(); // pseudonym → normalised id, to catch collisions
  for (const c of kept) {
    const { rec, ref } = c;
    pos = c.pos;
    const id = ref.id;
    const recordNotes: Note[] = [];
    const note = (rule: NoteRule, t: Bilingual) => recordNotes.push({ id, rule, text: t });

    // Social considerations.
    const labels = considerationLabels(rec);
    const codes = new Set<ConsiderationCode>();
    const unknown: string[] = [];
    for (const l of labels) {
      const code = matchCode(CONSIDERATIONS_SOCIALES, l) as ConsiderationCode | undefined;
      if (code === undefined) unknown.push(l);
      else codes.add(code);
    }
    if (![...codes].some((code) => SOCIAL.has(code))) {
      skip(ref, 'sans_consideration_sociale', skipMessages.sansConsideration(labels));
      continue;
    }
    if (unknown.length) note('consideration_inconnue', noteMessages.considerationInconnue(unknown));
    if (codes.delete('PAS_DE_CONSIDERATION_SOCIALE')) note('pas_de_consideration_retiree', noteMessages.pasDeConsiderationRetiree());

    // Modifications: the latest amount, duration and contractors stand.
    let montantRaw: unknown = rec.montant;
    let dureeRaw: unknown = rec.dureeMois;
    let titulairesRaw: unknown = rec.titulaires;
    const mods = modificationsOf(rec)
      .map((m, i) => ({ m, i, n: numberOf(m.id, true) ?? Infinity, d: modificationDate(m) ?? '' }))
      .sort((a, b) => a.n - b.n || a.d.localeCompare(b.d) || a.i - b.i);
    const changed = new Set<string>();
    for (const { m } of mods) {
      if (numberOf(m.montant, false) !== undefined) {
        montantRaw = m.montant;
        changed.add('montant');
      }
      if (numberOf(m.dureeMois, true) !== undefined) {
        dureeRaw = m.dureeMois;
        changed.add('dureeMois');
      }
      if (contractorIds(m.titulaires).length) {
        titulairesRaw = m.titulaires;
        changed.add('titulaires');
      }
    }

    // Required fields.
    const problems: FieldProblem[] = [];
    const invalid = (field: string, raw: unknown) => problems.push(text(raw) === undefined ? { field } : { field, value: text(raw)! });
    if (!identifier.safeParse(id).success) problems.push({ field: 'id', value: id });
    const cpvRaw = text(rec.codeCPV);
    const cpv = cpvRaw === undefined ? undefined : readCpv(cpvRaw);
    if (!cpv?.ok) invalid('codeCPV', rec.codeCPV);
    const procRaw = text(rec.procedure);
    const procedure = procRaw === undefined ? undefined : procedureCode(procRaw);
    if (procedure === undefined) invalid('procedure', rec.procedure);
    const dateRaw = isoDatePrefix(rec.dateNotification) ?? text(rec.dateNotification);
    const date = dateRaw === undefined ? undefined : parseDate(dateRaw);
    if (!date?.ok) invalid('dateNotification', rec.dateNotification);
    const duree = numberOf(dureeRaw, true);
    if (duree === undefined || duree < 1) invalid('dureeMois', dureeRaw);
    const montant = numberOf(montantRaw, false);
    if (montant === undefined || montant < 1) invalid('montant', montantRaw);
    if (problems.length) {
      skip(ref, 'incomplet', skipMessages.champs(problems));
      continue;
    }
    const dateNotification = (date as { ok: true; value: string }).value;
    if (options.periode && !executedInPeriod(dateNotification, duree!, options.periode)) {
      skip(ref, 'hors_periode', skipMessages.horsPeriode(dateNotification, options.periode.debut, options.periode.fin));
      continue;
    }

    if (mods.length) note('modifications', noteMessages.modifications(mods.length, [...changed]));
    const cpvOk = cpv as { ok: true; code: string; fixed: boolean };
    if (cpvOk.fixed) note('cpv_complete', noteMessages.cpvComplete(cpvRaw!, cpvOk.code));

    // Optional fields: objet, place of execution, contractor.
    let objet = text(rec.objet)?.replace(/\s+/g, ' ') ?? null;
    if (objet === null) note('sans_objet', noteMessages.sansObjet());
    else if (!label.safeParse(objet).success) {
      note('objet_tronque', noteMessages.objetTronque(objet.length, MAX_OBJET));
      objet = `${objet.slice(0, MAX_OBJET - 1).trimEnd()}…`;
    }
    const lieuCode = text(get(rec, 'lieuExecution.code'));
    const lieuType = text(get(rec, 'lieuExecution.typeCode'));
    let departement = departementOfLieu(lieuCode, lieuType) ?? null;
    if (departement === null) note('departement_inconnu', noteMessages.departementInconnu(lieuCode, lieuType));
    else if (options.departements && !options.departements.includes(departement)) {
      note('departement_hors_territoire', noteMessages.departementHorsTerritoire(departement, options.departements));
      departement = null;
    }
    const contractors = contractorIds(titulairesRaw);
    let idTitulaire: string | null = null;
    if (contractors.length === 0) note('sans_titulaire', noteMessages.sansTitulaire());
    else {
      if (contractors.length > 1) note('plusieurs_titulaires', noteMessages.plusieursTitulaires(contractors.length));
      const first = contractors[0]!;
      idTitulaire = await pseudonymise(first);
      const normalised = normaliseContractorId(first);
      const seen = contractorOf.get(idTitulaire);
      if (seen !== undefined && seen !== normalised) throw new DecpError(errorMessages.collision(idTitulaire));
      contractorOf.set(idTitulaire, normalised);
    }

    const considerations = CONSIDERATION_ORDER.filter((code) => codes.has(code));
    marches.push({
      ref,
      values: {
        id_marche: id,
        id_acheteur: siret,
        objet,
        code_cpv: cpvOk.code,
        segment: segmentOfCpv(cpvOk.code),
        procedure: procedure!,
        date_notification: dateNotification,
        duree_mois: duree!,
        montant: montant!,
        considerations_sociales: considerations,
        type_clause: codes.has('MARCHE_RESERVE') ? 'RESERVE' : 'EXECUTION',
        critere_attribution: codes.has('CRITERE_SOCIAL'),
        departement,
        id_titulaire: idTitulaire,
      },
    });
    notes.push(...recordNotes);
  }

  marches.sort((a, b) => a.values.date_notification.localeCompare(b.values.date_notification) || a.values.id_marche.localeCompare(b.values.id_marche));
  skipped.sort((a, b) => a.pos - b.pos);
  return { format, records: entries.length, concessions, marches, skipped: skipped.map((x) => x.s), notes };
}
