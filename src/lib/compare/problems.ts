/**
 * Why a peer's release is not in the comparison, in French and English. Every peer that is listed
 * and not compared says so on the comparison page with one of these reasons: a bad peer never
 * breaks a site, and is never left out silently.
 */
import type { Bilingual } from '../lang.ts';

/** The reasons, in the order a release is read (address, network, format, hashes, tables). */
export const PEER_PROBLEMS = {
  injoignable: { fr: 'Injoignable', en: 'Unreachable' },
  delai: { fr: 'Délai dépassé', en: 'Timed out' },
  trop_gros: { fr: 'Fichier trop gros', en: 'File too large' },
  pas_une_publication: { fr: 'Pas une publication', en: 'Not a release' },
  format_inconnu: { fr: 'Version du format inconnue', en: 'Unknown format version' },
  incomplete: { fr: 'Publication incomplète', en: 'Incomplete release' },
  empreinte: { fr: 'Empreinte fausse', en: 'Wrong hash' },
  incoherente: { fr: 'Tables incohérentes', en: 'Inconsistent tables' },
  doublon: { fr: 'En double', en: 'Duplicate' },
} as const satisfies Record<string, Bilingual>;
export type PeerProblemCode = keyof typeof PEER_PROBLEMS;

export interface PeerProblem {
  code: PeerProblemCode;
  /** The whole reason, with the file and the values concerned: « Empreinte fausse : synthese.csv … ». */
  raison: Bilingual;
}

/** A reason: its title, then what happened. */
export const peerProblem = (code: PeerProblemCode, fr: string, en: string): PeerProblem => ({
  code,
  raison: { fr: `${PEER_PROBLEMS[code].fr} : ${fr}`, en: `${PEER_PROBLEMS[code].en}: ${en}` },
});

/** A result that is either a value or the reason there is none. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: PeerProblem };
export const good = <T>(value: T): Checked<T> => ({ ok: true, value });
export const bad = <T = never>(problem: PeerProblem): Checked<T> => ({ ok: false, problem });
