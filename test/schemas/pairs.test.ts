import { describe, expect, it } from 'vitest';
import { addressKind, PairAddressSchema, PairsFileSchema } from '../../src/schemas/pairs.ts';

describe('pairs.json', () => {
  it('lists addresses as strings or objects, with a site for a comparison-only site', () => {
    const file = PairsFileSchema.parse({
      site: { nom: 'Observatoire', description: { fr: 'Comparer', en: 'Compare' } },
      pairs: ['https://a.example.org/donnees/a/datapackage.json', { adresse: '../b/', note: 'B' }, 'c-2024.1.zip'],
    });
    expect(file.pairs).toEqual([{ adresse: 'https://a.example.org/donnees/a/datapackage.json' }, { adresse: '../b/', note: 'B' }, { adresse: 'c-2024.1.zip' }]);
    expect(file.pairs.map((p) => addressKind(p.adresse))).toEqual(['web', 'local', 'local']);
  });

  it('accepts https anywhere and http only on this machine', () => {
    for (const ok of ['https://x.example.org/datapackage.json', 'http://127.0.0.1:8080/donnees/x/', 'http://localhost/x/datapackage.json', 'dossier/x', '/srv/x.zip', 'C:\\publications\\x'])
      expect(PairAddressSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['http://x.example.org/datapackage.json', 'ftp://x.example.org/x', 'https://user:pw@x.example.org/x', 'javascript:alert(1)', 'file:///etc', '', 'a\nb'])
      expect(PairAddressSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('refuses unknown keys, with the key in the error', () => {
    const r = PairsFileSchema.safeParse({ pairs: [], peers: [] });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error!.issues)).toContain('peers');
  });
});
