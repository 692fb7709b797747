/** SIREN and SIRET check digits (src/schemas/siret.ts), with La Poste's exception. */
import { describe, expect, it } from 'vitest';
import { isSiren, isSiret, luhn, siretProblem, SIREN_LA_POSTE } from '../../src/schemas/siret.ts';

describe('SIREN and SIRET keys', () => {
  it('accepts real numbers with right keys', () => {
    expect(isSiren('234400034')).toBe(true); // Région des Pays de la Loire
    expect(isSiret('23440003400026')).toBe(true);
    expect(isSiret('21750001630040')).toBe(true); // the buyer of the official DECP example
    expect(luhn('4539578763621486')).toBe(true); // Luhn's classic test number
  });

  it('catches one wrong digit and two swapped digits, saying which number is wrong', () => {
    expect(siretProblem('23440003400027')?.en).toBe('the SIRET check digit is wrong (the SIREN is right: the error is in the last 5 digits).');
    expect(siretProblem('24340003400026')?.fr).toBe("le SIREN 243400034 (9 premiers chiffres) n'a pas une clé de contrôle juste : un chiffre est faux ou deux sont inversés.");
    expect(siretProblem('2344000340002')?.fr).toBe('un SIRET a 14 chiffres.');
  });

  it("takes La Poste's SIRETs by the sum of their digits, a multiple of 5, not by Luhn", () => {
    expect(isSiren(SIREN_LA_POSTE)).toBe(true);
    expect(isSiret('35600000000001')).toBe(true); // digits add up to 15, not a Luhn number
    expect(luhn('35600000000001')).toBe(false);
    expect(isSiret('35600000000048')).toBe(false); // a Luhn number, but its digits add up to 26
    expect(siretProblem('35600000000048')?.en).toBe('a SIRET of La Poste (SIREN 356000000) has digits adding up to a multiple of 5; here they add up to 26.');
  });
});
