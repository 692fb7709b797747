import { describe, expect, it } from 'vitest';
import * as enums from '../../src/schemas/enums.ts';
import { codesOf, enumKey, enumLookup, matchCode, type Enumeration } from '../../src/schemas/enums.ts';

const ENUMERATIONS = Object.entries(enums as Record<string, unknown>).filter((e): e is [string, Enumeration] => Array.isArray(e[1]) && typeof e[1][0] === 'object');

describe('enumerations', () => {
  it('are unambiguous: no spelling matches two codes', () => {
    expect(ENUMERATIONS.length).toBeGreaterThanOrEqual(17);
    for (const [, values] of ENUMERATIONS) expect(() => enumLookup(values)).not.toThrow();
  });

  it('have unique codes and unique labels in each language', () => {
    for (const [name, values] of ENUMERATIONS) {
      for (const key of ['code', 'fr', 'en'] as const) {
        if (name === 'DEPARTEMENTS' && key === 'en') continue; // names are the same in English
        expect(new Set(values.map((v) => v[key])).size, `${name}.${key}`).toBe(values.length);
      }
    }
  });

  it('refuses an ambiguous enumeration', () => {
    const bad = [
      { code: 'A', fr: 'Même', en: 'Same' },
      { code: 'B', fr: 'meme', en: 'Other' },
    ];
    expect(() => enumLookup(bad)).toThrow('Ambiguous enumeration: "meme" matches both A and B');
  });

  it('match codes case-insensitively after trimming, and DECP labels', () => {
    expect(matchCode(enums.SEGMENTS, ' travaux ')).toBe('TRAVAUX');
    expect(matchCode(enums.PROCEDURES, 'Procédure adaptée')).toBe('PROCEDURE_ADAPTEE');
    expect(matchCode(enums.PROCEDURES, 'APPEL D’OFFRES OUVERT')).toBe('APPEL_OFFRES_OUVERT');
    expect(matchCode(enums.PROCEDURES, 'procedure-adaptee')).toBe('PROCEDURE_ADAPTEE');
    expect(matchCode(enums.CONSIDERATIONS_SOCIALES, 'Clause sociale')).toBe('CLAUSE_SOCIALE');
    expect(matchCode(enums.CONSIDERATIONS_SOCIALES, 'Pas de considération sociale')).toBe('PAS_DE_CONSIDERATION_SOCIALE');
    expect(matchCode(enums.TRANCHES_AGE, '50 plus')).toBe('50_PLUS');
    expect(matchCode(enums.DEPARTEMENTS, 'Vendée')).toBe('85');
    expect(matchCode(enums.DEPARTEMENTS, '1')).toBe('01');
    expect(matchCode(enums.DEPARTEMENTS, '2a')).toBe('2A');
    expect(matchCode(enums.SEGMENTS, 'TRAVAUXX')).toBeUndefined();
  });

  it('reduce spellings to one key', () => {
    expect(enumKey('  Appel d’offres_OUVERT ')).toBe("appel d'offres ouvert");
  });

  it('list codes in their natural order', () => {
    expect(codesOf(enums.TRANCHES_AGE)).toEqual(['MOINS_26', '26_49', '50_PLUS']);
    expect(enums.STRUCTURES_SIAE).toEqual(['ETTI', 'AI', 'EI', 'ACI', 'EITI']);
  });

  it('cover the contract: NAF sections A to U and the eligibility codes', () => {
    expect(codesOf(enums.SECTEURS_NAF).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(codesOf(enums.PUBLICS)).toEqual([
      'RSA',
      'ASS',
      'AAH',
      'DETLD',
      'DELD',
      'JEUNE',
      'SENIOR',
      'TH',
      'QPV',
      'ZRR',
      'PI',
      'ASE',
      'REF_DA',
      'PSH_PR',
      'DETENTION_MJ',
      'FLE',
      'PM',
      'CAP_BEP',
      'AUTRE',
    ]);
    expect(enums.DEPARTEMENTS).toHaveLength(101);
  });
});
