import { describe, expect, it } from 'vitest';
import { CIBLES_ODD } from '../../../src/lib/sdg.ts';
import { HEADLINE_IDS } from '../../../src/lib/indicators/index.ts';
import { protectionFor, table, TABLES } from '../../../src/lib/release/manifest.ts';
import { medium, tiny } from '../indicators/fixtures.ts';

describe('manifest', () => {
  it('ids are stable kebab-case and unique; column names French snake_case', () => {
    const ids = TABLES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of TABLES) {
      expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(t.titre.fr && t.titre.en && t.description.fr && t.description.en).toBeTruthy();
      const names = t.colonnes.map((c) => c.nom);
      expect(new Set(names).size).toBe(names.length);
      for (const c of t.colonnes) {
        expect(c.nom).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(c.titre.fr && c.titre.en).toBeTruthy();
      }
      for (const k of t.cle) expect(names).toContain(k);
      expect(t.odd.length).toBeGreaterThan(0);
      for (const o of t.odd) expect(Object.keys(CIBLES_ODD)).toContain(o);
    }
  });

  it('publishes each breakdown alone and by year, so the first is the margin of the second', () => {
    const ids = new Set(TABLES.map((t) => t.id));
    for (const id of ids) {
      const m = /^heures-par-annee-et-(.+)$/.exec(id);
      if (m) expect(ids.has(`heures-par-${m[1]}`), id).toBe(true);
    }
    expect(ids).toContain('heures-par-annee');
    expect(ids).toContain('synthese');
    expect(ids).toContain('chiffres-cles');
  });

  it('rows have exactly the declared columns, typed as declared (or secret / empty)', () => {
    const ds = medium();
    for (const t of TABLES) {
      const rows = t.compute(ds);
      expect(rows.length, t.id).toBeGreaterThan(0);
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual(t.colonnes.map((c) => c.nom).sort());
        for (const c of t.colonnes) {
          const v = row[c.nom];
          if (v === null || v === 'secret') continue;
          if (c.type === 'integer') expect(Number.isInteger(v), `${t.id}.${c.nom}`).toBe(true);
          else if (c.type === 'number' || c.type === 'year') expect(typeof v, `${t.id}.${c.nom}`).toBe('number');
          else if (c.type === 'boolean') expect(typeof v).toBe('boolean');
          else if (c.type === 'yearmonth') expect(v).toMatch(/^\d{4}-\d{2}$/);
          else expect(typeof v, `${t.id}.${c.nom}`).toBe('string');
        }
      }
    }
  });

  it('tables are complete grids: every value of each dimension, zeros included', () => {
    const ds = tiny();
    const rows = table('heures-par-annee-et-segment').compute(ds);
    expect(rows.map((r) => `${r.annee}|${r.segment}`)).toEqual([
      '2017|TRAVAUX',
      '2017|SERVICES',
      '2017|FOURNITURES',
      '2017|PRESTATIONS_INTELLECTUELLES',
      '2018|TRAVAUX',
      '2018|SERVICES',
      '2018|FOURNITURES',
      '2018|PRESTATIONS_INTELLECTUELLES',
    ]);
    const zero = rows.find((r) => r.segment === 'FOURNITURES')!;
    expect([zero.heures_realisees, zero.personnes, zero.etp]).toEqual([0, 0, 0]);
    expect(table('heures-par-mois').compute(ds).length).toBe(24);
  });

  it('hides small cells with their hours, shares and derived measures; a cell shared by two tables is hidden in both', () => {
    const ds = tiny(); // three persons: every non-zero cell is under k = 5
    const bySex = table('heures-par-sexe').compute(ds);
    expect(bySex.map((r) => [r.sexe, r.heures_realisees, r.etp, r.personnes, r.part_heures])).toEqual([
      ['F', 'secret', 'secret', 'secret', 'secret'],
      ['H', 'secret', 'secret', 'secret', 'secret'],
    ]);
    const p = protectionFor(ds);
    const year = table('heures-par-annee')
      .compute(ds)
      .find((r) => r.annee === 2017)!;
    const sameCell = table('heures-par-annee-et-sexe').compute(ds);
    expect(year.personnes).toBe('secret');
    expect(p.isHidden({ annee: '2017' })).toBe(true);
    expect(sameCell.every((r) => r.personnes === 'secret' || r.personnes === 0)).toBe(true);
    // Contract counts are not about persons: they stay published.
    expect(
      table('marches-par-annee')
        .compute(ds)
        .map((r) => r.nombre_marches),
    ).toEqual([1, 2]);
  });

  it('key figures list every headline figure with its definition; out-of-period references are empty', () => {
    const rows = table('chiffres-cles').compute(medium());
    expect(rows.map((r) => r.indicateur)).toEqual(HEADLINE_IDS);
    const byId = new Map(rows.map((r) => [r.indicateur, r]));
    expect(byId.get('part_femmes_debut')!.valeur).toBeNull();
    expect(byId.get('marches_avec_clause')!.valeur).toBe(10);
    expect(byId.get('personnes')!.valeur).toBe(120);
    expect(String(byId.get('part_heures_siae')!.definition_fr)).toContain('ETTI, AI, EI, ACI, EITI');
  });
});
