import { describe, expect, it } from 'vitest';
import { DecpError } from '../../../src/lib/decp/messages.ts';
import { createPseudonymiser, MIN_SALT_LENGTH, normaliseContractorId } from '../../../src/lib/decp/pseudonym.ts';
import { scanCell } from '../../../src/lib/validate/anonymity.ts';
import { pseudonym } from '../../../src/schemas/field.ts';
import { SALT } from './helpers.ts';

describe('contractor pseudonyms', () => {
  it('are stable for one salt, follow the contract pattern and do not contain the SIRET', async () => {
    const p = await createPseudonymiser(SALT);
    const a = await p('11111111100011');
    expect(a).toMatch(/^ED\d{9}$/);
    expect(pseudonym.safeParse(a).success).toBe(true);
    expect(await (await createPseudonymiser(SALT))('11111111100011')).toBe(a);
    expect(a).not.toContain('111111111');
  });

  it('depend on the salt and on the identifier', async () => {
    const p = await createPseudonymiser(SALT);
    const q = await createPseudonymiser(`${SALT}x`);
    expect(await q('11111111100011')).not.toBe(await p('11111111100011'));
    expect(await p('11111111100012')).not.toBe(await p('11111111100011'));
  });

  it('ignore spacing and case of the identifier', async () => {
    const p = await createPseudonymiser(SALT);
    expect(await p('222 222 222 00022')).toBe(await p('22222222200022'));
    expect(await p('fr 12 345678901')).toBe(await p('FR12345678901'));
    expect(normaliseContractorId(' fr.12-345 ')).toBe('FR12345');
  });

  it('are never taken for personal data by the anonymisation guard', async () => {
    const p = await createPseudonymiser(SALT);
    for (let i = 0; i < 200; i++) {
      const value = await p(String(10_000_000_000_000 + i * 7919));
      expect(scanCell(value), value).toEqual([]);
    }
  });

  it('refuse a missing or short salt, in French and English', async () => {
    for (const salt of [undefined, '', 'x'.repeat(MIN_SALT_LENGTH - 1)]) {
      const error = await createPseudonymiser(salt).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DecpError);
      expect((error as DecpError).text.fr).toContain('Sel de pseudonymisation absent ou trop court');
      expect((error as DecpError).text.en).toContain('salt missing or too short');
    }
    await expect(createPseudonymiser('x'.repeat(MIN_SALT_LENGTH))).resolves.toBeTypeOf('function');
  });
});
