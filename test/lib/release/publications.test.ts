import { describe, expect, it } from 'vitest';
import { appendPublication } from '../../../scripts/archive-release.ts';
import { publicationOf } from '../../../src/lib/pipeline.ts';
import { buildRelease, changelog, previousRelease, restrictDataset } from '../../../src/lib/release/index.ts';
import { PublicationsSchema, type Publication } from '../../../src/schemas/release.ts';
import { medium, meta } from '../indicators/fixtures.ts';
import { highs, released } from '../released.ts';

const h = (c: string) => c.repeat(64);
const entry = (over: Partial<Publication>): Publication => ({
  version: '2018.1',
  date_publication: '2018-06-30',
  chiffres_cles: { personnes: 1200, heures_realisees: 250000, part_heures_cdi: 'secret' },
  tables: {
    synthese: { lignes: 1, sha256: h('a') },
    'heures-par-annee': { lignes: 6, sha256: h('b') },
    ancienne: { lignes: 3, sha256: h('c') },
    stable: { lignes: 2, sha256: h('d') },
  },
  ...over,
});

describe('changelog', () => {
  const previous = entry({});
  const current = entry({
    version: '2019.1',
    date_publication: '2019-06-30',
    notes: 'Ajout de 2018.',
    chiffres_cles: { personnes: 1435, heures_realisees: 250000, part_heures_cdi: 8.1, nouveau: null },
    tables: {
      synthese: { lignes: 1, sha256: h('e') },
      'heures-par-annee': { lignes: 7, sha256: h('f') },
      nouvelle: { lignes: 4, sha256: h('1') },
      stable: { lignes: 2, sha256: h('d') },
    },
  });
  const md = changelog(meta(), current, [previous]);

  it('compares with the latest earlier release: tables added and removed, rows, revised tables', () => {
    expect(md).toContain('## 2019.1 — 2019-06-30');
    expect(md).toContain('Ajout de 2018.');
    expect(md).toContain('Comparée à la version 2018.1');
    expect(md).toMatch(/### Tables ajoutées[^#]*- `nouvelle` : 4/);
    expect(md).toMatch(/### Tables retirées[^#]*- `ancienne`/);
    expect(md).toContain('| `heures-par-annee` | 6 | 7 | +1 |');
    expect(md).toMatch(/### Valeurs révisées[^#]*- `synthese`/);
    expect(md).toContain('Tables inchangées : 1. / Unchanged tables: 1.');
  });

  it('lists key figures revised old → new, including secret and empty', () => {
    expect(md).toContain('| `personnes` | 1200 | 1435 |');
    expect(md).toContain('| `part_heures_cdi` | secret | 8.1 |');
    expect(md).toContain('| `nouveau` | — | vide / empty |');
    expect(md).not.toContain('| `heures_realisees` |');
  });

  it('says so for a first release, and skips an entry of the same version', () => {
    expect(changelog(meta(), current, [])).toContain('Première publication');
    expect(previousRelease(current, [previous, { ...current }])?.version).toBe('2018.1');
  });
});

describe('release history', () => {
  it('an earlier release restricted to older data is computed by the same code', () => {
    const ds = medium();
    const before = restrictDataset(ds, '2017-12-31', { version: '2018.1', date_publication: '2018-03-01' });
    expect(before.meta.periode.fin).toBe('2017-12-31');
    expect((before.heures.array('mois') as string[]).every((m) => m <= '2017-12')).toBe(true);
    expect((before.marches.array('date_notification') as string[]).every((d) => d <= '2017-12-31')).toBe(true);
    const hours = (d: typeof ds) => (d.heures.array('heures') as number[]).reduce((a, b) => a + b, 0);
    expect(hours(before)).toBeLessThan(hours(ds));

    const old = publicationOf(before, { highs, notes: 'Première version.' });
    expect(old.version).toBe('2018.1');
    expect(old.tables['heures-par-annee']!.lignes).toBe(1);
    expect(PublicationsSchema.parse([old])).toHaveLength(1);

    const files = buildRelease({ ...released(ds), previous: [old] });
    const md = new TextDecoder().decode(files.get('donnees/region-test/CHANGELOG.md'));
    expect(md).toContain('Comparée à la version 2018.1');
    expect(md).toContain('| `heures-par-annee` | 1 | 2 | +1 |');
    expect(md).toContain('| `marches_avec_clause` | 5 | 10 |');
    expect(md).toContain('- 2018.1 — 2018-03-01 : Première version.');
  });

  it('archiving appends the new entry and refuses a version already recorded', () => {
    const a = entry({});
    const b = entry({ version: '2019.1' });
    expect(appendPublication([a], b).map((p) => p.version)).toEqual(['2018.1', '2019.1']);
    expect(() => appendPublication([a, b], b)).toThrow(/déjà enregistrée/);
    expect(appendPublication([a, b], { ...b, notes: 'corrigée' }, true)[1]!.notes).toBe('corrigée');
  });
});
