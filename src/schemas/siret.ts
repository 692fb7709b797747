/**
 * Check digits of the French business register: a SIREN (9 digits, a company) and a SIRET (14
 * digits: the SIREN then a 5-digit establishment number) end with a Luhn check digit, so a
 * mistyped or swapped digit is caught before a wrong buyer is published.
 *
 * One known exception: La Poste (SIREN 356 000 000) numbers its thousands of establishments
 * without the Luhn key; INSEE's rule for its SIRETs is that the sum of the 14 digits is a
 * multiple of 5.
 */
import type { Bilingual } from '../lib/lang.ts';

/** La Poste's SIREN, whose SIRETs follow the sum-of-digits rule. */
export const SIREN_LA_POSTE = '356000000';

/** Luhn's check over a string of digits: every second digit from the right doubled. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A SIREN: 9 digits whose Luhn key is right. */
export function isSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhn(value);
}

/** A SIRET: 14 digits, a valid SIREN, and a right key (La Poste's by the sum of its digits). */
export function isSiret(value: string): boolean {
  return siretProblem(value) === undefined;
}

/**
 * What is wrong with a 14-digit SIRET, in words, or `undefined` when its keys are right: the
 * SIREN part (its first 9 digits) is checked first, so the sentence says which number is wrong.
 */
export function siretProblem(value: string): Bilingual | undefined {
  if (!/^\d{14}$/.test(value)) return { fr: 'un SIRET a 14 chiffres.', en: 'a SIRET has 14 digits.' };
  const siren = value.slice(0, 9);
  if (!isSiren(siren)) {
    return {
      fr: `le SIREN ${siren} (9 premiers chiffres) n'a pas une clé de contrôle juste : un chiffre est faux ou deux sont inversés.`,
      en: `SIREN ${siren} (the first 9 digits) has a wrong check digit: a digit is wrong or two are swapped.`,
    };
  }
  if (siren === SIREN_LA_POSTE) {
    let sum = 0;
    for (const c of value) sum += c.charCodeAt(0) - 48;
    if (sum % 5 === 0) return undefined;
    return {
      fr: `un SIRET de La Poste (SIREN ${SIREN_LA_POSTE}) a des chiffres dont la somme est un multiple de 5 ; ici elle vaut ${sum}.`,
      en: `a SIRET of La Poste (SIREN ${SIREN_LA_POSTE}) has digits adding up to a multiple of 5; here they add up to ${sum}.`,
    };
  }
  if (luhn(value)) return undefined;
  return {
    fr: "la clé de contrôle du SIRET est fausse (le SIREN est juste : l'erreur est dans les 5 derniers chiffres).",
    en: 'the SIRET check digit is wrong (the SIREN is right: the error is in the last 5 digits).',
  };
}
