/**
 * Contractor pseudonyms: a keyed hash (HMAC-SHA-256) of the contractor's identifier with a secret
 * salt the publisher keeps. The same salt gives the same pseudonym at every import, so rows,
 * entreprises.csv and later imports stay linked; without the salt, a SIRET cannot be found again by
 * hashing the few million SIRETs that exist, which a plain hash would allow.
 *
 * Uses the Web Crypto API (`globalThis.crypto.subtle`), present in Node ≥ 20 and in browsers, so
 * this module has no `node:` import.
 */
import { pseudonym as pseudonymSchema } from '../../schemas/field.ts';
import { DecpError, errorMessages } from './messages.ts';

/** Prefix of DECP-derived contractor pseudonyms: `ED` + 9 digits, e.g. `ED004815162`. */
export const PSEUDONYM_PREFIX = 'ED';
/** Shortest salt accepted (a 32-character hex string carries 128 bits). */
export const MIN_SALT_LENGTH = 16;
/** Domain separation: a hash made for another purpose with the same salt never matches. */
const CONTEXT = 'clauses-insertion/decp/titulaire/v1:';
const DIGITS = 1_000_000_000n;

/** Turns a contractor identifier into its pseudonym. */
export type Pseudonymiser = (contractorId: string) => Promise<string>;

/** The identifier as hashed: without spaces, dots and dashes, upper case (`fr 12 345…` = `FR12345…`). */
export function normaliseContractorId(id: string): string {
  return id.replace(/[\s.-]+/g, '').toUpperCase();
}

/**
 * A pseudonymiser keyed with `salt`.
 * @throws DecpError when the salt is shorter than {@link MIN_SALT_LENGTH}.
 */
export async function createPseudonymiser(salt: string | undefined): Promise<Pseudonymiser> {
  if (salt === undefined || salt.length < MIN_SALT_LENGTH) throw new DecpError(errorMessages.selCourt(MIN_SALT_LENGTH));
  const encoder = new TextEncoder();
  const key = await globalThis.crypto.subtle.importKey('raw', encoder.encode(salt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (contractorId) => {
    const mac = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(CONTEXT + normaliseContractorId(contractorId))));
    let n = 0n;
    for (let i = 0; i < 8; i++) n = (n << 8n) | BigInt(mac[i]!);
    const result = PSEUDONYM_PREFIX + String(n % DIGITS).padStart(9, '0');
    // The contract's pseudonym rule, checked here so a change of either side is caught at once.
    pseudonymSchema.parse(result);
    return result;
  };
}
