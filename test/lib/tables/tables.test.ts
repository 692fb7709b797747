import { describe, expect, it } from 'vitest';
import { CIBLES_ODD } from '../../../src/lib/sdg.ts';
import { HEADLINE_IDS } from '../../../src/lib/indicators/index.ts';
import { TABLES } from '../../../src/lib/tables/index.ts';
import { dataset, medium, tiny } from '../indicators/fixtures.ts';
import { protectionOf, rowsOf } from '../released.ts';

describe('tables (step 5)', () => {
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
      const rows = rowsOf(ds, t.id);
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
    const rows = rowsOf(ds, 'heures-par-annee-et-segment');
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
    expect(rowsOf(ds, 'heures-par-mois').length).toBe(24);
  });

  it('hides small cells with their hours, shares and derived measures; a cell shared by two tables is hidden in both', () => {
    const ds = tiny(); // three persons: every non-zero cell is under k = 5
    const bySex = rowsOf(ds, 'heures-par-sexe');
    expect(bySex.map((r) => [r.sexe, r.heures_realisees, r.etp, r.personnes, r.part_heures])).toEqual([
      ['F', 'secret', 'secret', 'secret', 'secret'],
      ['H', 'secret', 'secret', 'secret', 'secret'],
    ]);
    const p = protectionOf(ds);
    const year = rowsOf(ds, 'heures-par-annee').find((r) => r.annee === 2017)!;
    const sameCell = rowsOf(ds, 'heures-par-annee-et-sexe');
    expect(year.personnes).toBe('secret');
    expect(p.isHidden({ annee: '2017' })).toBe(true);
    expect(sameCell.every((r) => r.personnes === 'secret' || r.personnes === 0)).toBe(true);
    // Contract counts are not about persons: they stay published.
    expect(rowsOf(ds, 'marches-par-annee').map((r) => r.nombre_marches)).toEqual([1, 2]);
  });

  it('key figures list every headline figure with its definition; out-of-period references are empty', () => {
    const ds = medium();
    const rows = rowsOf(ds, 'chiffres-cles');
    expect(rows.map((r) => r.indicateur)).toEqual(HEADLINE_IDS);
    const byId = new Map(rows.map((r) => [r.indicateur, r]));
    // References from the data fall inside it: a figure (here hidden), never « n.d. ».
    expect(byId.get('part_femmes_debut')!.valeur).not.toBeNull();
    // A reference the publisher declares outside the data (its earlier results' month) is empty.
    const profil = { ...ds.meta.profil!, resultats_publies: { titre: { fr: 't', en: 't' }, reperes: { mois_femmes_debut: '2014-05' }, valeurs: {} } };
    const declared = new Map(rowsOf({ ...ds, meta: { ...ds.meta, profil } }, 'chiffres-cles').map((r) => [r.indicateur, r]));
    expect(declared.get('part_femmes_debut')!.valeur).toBeNull();
    expect(declared.get('part_femmes_debut')!.reference).toBe('2014-05');
    expect(byId.get('marches_avec_clause')!.valeur).toBe(10);
    expect(byId.get('personnes')!.valeur).toBe(120);
    expect(String(byId.get('part_heures_siae')!.definition_fr)).toContain('ETTI, AI, EI, ACI, EITI');
  });
});

describe('the contracts table (marches)', () => {
  const persons = (from: number, n: number) => Array.from({ length: n }, (_, i) => `P${String(from + i).padStart(3, '0')}`);
  /** OP1: M1 (6 persons) and M2 (3 persons); OP2: M3 (8 persons); M4 has no clause. k = 5; three companies. */
  const ds = (m3Company = 'E003') => {
    const on = (id_marche: string, ids: string[]) => ids.map((id_participant) => ({ id_participant, id_marche, mois: '2018-03', heures: 35 }));
    const all = [...persons(1, 6), ...persons(7, 3), ...persons(10, 8)];
    return dataset({
      marches: [
        { id_marche: 'M1', id_operation: 'OP1', heures_prevues: 400, date_notification: '2017-05-02', id_titulaire: 'E001' },
        { id_marche: 'M2', id_operation: 'OP1', heures_prevues: 100, date_notification: '2017-09-01', id_titulaire: 'E002' },
        { id_marche: 'M3', id_operation: 'OP2', heures_prevues: 560, date_notification: '2018-01-10', segment: 'SERVICES', id_titulaire: m3Company },
        { id_marche: 'M4', id_operation: 'OP2', type_clause: 'AUCUNE', heures_prevues: 0, date_notification: '2018-02-01' },
      ],
      participants: all.map((id_participant) => ({ id_participant })),
      heures: [...on('M1', persons(1, 6)), ...on('M2', persons(7, 3)), ...on('M3', persons(10, 8))],
      entreprises: [
        { id_entreprise: 'E001', taille: 'PME' },
        { id_entreprise: 'E002', taille: 'PME' },
        { id_entreprise: 'E003', taille: 'PME' },
        { id_entreprise: 'E004', taille: 'GE' },
      ],
    });
  };

  it('has one row per contract with a clause, in notification order, with its public fields and labels', () => {
    const rows = rowsOf(ds('E004'), 'marches');
    expect(rows.map((r) => r.id_marche)).toEqual(['M1', 'M2', 'M3']);
    const m3 = rows[2]!;
    expect(m3).toMatchObject({
      annee_notification: 2018,
      date_notification: '2018-01-10',
      segment: 'SERVICES',
      libelle_segment: 'Services',
      id_operation: 'OP2',
      nom_operation: 'Opération OP2',
      taille_entreprise: 'GE',
      type_clause: 'EXECUTION',
      critere_attribution: false,
      heures_prevues: 560,
    });
    expect(Object.keys(m3)).not.toContain('id_titulaire');
  });

  it("publishes no figure carried out per contract: hours are one company's, and contracts add up to every table", () => {
    const columns = TABLES.find((t) => t.id === 'marches')!.colonnes.map((c) => c.nom);
    for (const c of ['heures_realisees', 'etp', 'personnes', 'taux_realisation']) expect(columns).not.toContain(c);
    const op1 = rowsOf(ds(), 'heures-par-operation').find((r) => r.id_operation === 'OP1')!;
    expect(op1.personnes).toBe(9);
  });

  it('counts as many rows as the contracts with a clause of the summary', () => {
    const data = medium();
    expect(rowsOf(data, 'marches').length).toBe(rowsOf(data, 'synthese')[0]!.nombre_marches);
  });
});
