/**
 * Values of our `marches` table derived from DECP fields: segment from the CPV code, département
 * from the place of execution, procedure code from its DECP label (current or older).
 */
import { DEPARTEMENTS, PROCEDURES, SEGMENTS, enumKey, matchCode } from '../../schemas/enums.ts';
import type { MarcheRow } from '../../schemas/marches.ts';

export type Segment = (typeof SEGMENTS)[number]['code'];
export type Procedure = MarcheRow['procedure'];
export type Departement = MarcheRow['departement'];

/**
 * The segment of a contract from its CPV code (`NNNNNNNN` or `NNNNNNNN-N`):
 * - division 45 (construction work) → `TRAVAUX`;
 * - groups 712 (architectural, construction, engineering and inspection services) and 713
 *   (engineering services) → `PRESTATIONS_INTELLECTUELLES`: the architecture and engineering
 *   contracts that the French CCAG calls « prestations intellectuelles »;
 * - divisions 03 to 44 and 48 (goods, software packages) → `FOURNITURES`;
 * - every other division (50 to 98, services) → `SERVICES`.
 * Other intellectual services (IT 72, research 73, consulting 79.4…) land in `SERVICES`: the CPV
 * alone does not tell them apart, so the buyer corrects the segment where needed, and a later
 * import keeps the correction.
 */
export function segmentOfCpv(cpv: string): Segment {
  const division = Number(cpv.slice(0, 2));
  const group = cpv.slice(0, 3);
  if (division === 45) return 'TRAVAUX';
  if (group === '712' || group === '713') return 'PRESTATIONS_INTELLECTUELLES';
  if ((division >= 3 && division <= 44) || division === 48) return 'FOURNITURES';
  return 'SERVICES';
}

/** Result of reading a CPV code. */
export type CpvResult = { ok: true; code: string; fixed: boolean } | { ok: false };

/**
 * A CPV code as our table writes it (`45000000-7` or `45000000`). A 7-digit code whose first digit
 * is 3 or 9 lost its leading zero in a spreadsheet (divisions 03 and 09 are the only ones that start
 * with 0): the zero is put back and `fixed` is true. Anything else malformed is refused.
 */
export function readCpv(raw: string): CpvResult {
  const s = raw.replace(/\s+/g, '');
  if (/^\d{8}(-\d)?$/.test(s)) return { ok: true, code: s, fixed: false };
  if (/^[39]\d{6}(-\d)?$/.test(s)) return { ok: true, code: `0${s}`, fixed: true };
  return { ok: false };
}

/**
 * Procedure labels of older DECP vintages, replaced in 2019 (arrêté of 22 March 2019) and 2022;
 * the current labels are the French labels of {@link PROCEDURES} and match directly.
 */
const OLDER_PROCEDURES: Readonly<Record<string, Procedure>> = Object.fromEntries(
  (
    [
      ['Procédure concurrentielle avec négociation', 'PROCEDURE_NEGOCIATION'],
      ['Procédure négociée avec mise en concurrence préalable', 'PROCEDURE_NEGOCIATION'],
      ['Procédure négociée avec publicité et mise en concurrence préalable', 'PROCEDURE_NEGOCIATION'],
      ['Marché négocié sans publicité ni mise en concurrence préalable', 'SANS_PUBLICITE'],
      ['Marché public négocié sans publicité ni mise en concurrence préalable', 'SANS_PUBLICITE'],
      ['Marchés publics passés sans publicité ni mise en concurrence préalables', 'SANS_PUBLICITE'],
      ['Marché passé sans publicité ni mise en concurrence préalables', 'SANS_PUBLICITE'],
    ] as const
  ).map(([label, code]) => [enumKey(label), code]),
);

/** The procedure code of a DECP label (current, older, or already a code); `undefined` if unknown. */
export function procedureCode(raw: string): Procedure | undefined {
  return (matchCode(PROCEDURES, raw) as Procedure | undefined) ?? OLDER_PROCEDURES[enumKey(raw)];
}

/** Département of a 5-digit postal code (Corsica: 200xx–201xx → 2A, others 20xxx → 2B). */
function departementOfPostalCode(code: string): string | undefined {
  if (!/^\d{5}$/.test(code)) return undefined;
  if (code.startsWith('20')) return code[2] === '0' || code[2] === '1' ? '2A' : '2B';
  if (code.startsWith('97')) return code.slice(0, 3);
  return code.slice(0, 2);
}

/** Département of an INSEE commune code (`44109`, `2A004`, `97411`). */
function departementOfCommune(code: string): string | undefined {
  if (!/^(\d{5}|2[AB]\d{3})$/i.test(code)) return undefined;
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2).toUpperCase();
}

/**
 * The département of a DECP place of execution (`lieuExecution`), when its code says it:
 * a département code, an INSEE commune code, or a postal code (whose first digits give the
 * département of nearly every commune; the few exceptions near a border are for the buyer to
 * correct). Region, canton, arrondissement and country codes give `undefined`.
 */
export function departementOfLieu(code: string | undefined, typeCode: string | undefined): Departement | undefined {
  if (code === undefined || typeCode === undefined) return undefined;
  const c = code.replace(/\s+/g, '');
  let dep: string | undefined;
  switch (enumKey(typeCode)) {
    case 'code postal':
      dep = departementOfPostalCode(c);
      break;
    case 'code departement':
      dep = c;
      break;
    case 'code commune':
      dep = departementOfCommune(c);
      break;
    default:
      return undefined;
  }
  return dep === undefined ? undefined : matchCode(DEPARTEMENTS, dep);
}
