import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/parse.ts';
import { buildDictionary, DICTIONARY_CSV_COLUMNS, dictionaryCsv } from '../../src/schemas/dictionary.ts';
import { TABLES } from '../../src/schemas/index.ts';

describe('data dictionary', () => {
  const rows = buildDictionary();

  it('has one row per column of every table, in contract order', () => {
    expect(rows.length).toBe(TABLES.reduce((n, t) => n + Object.keys(t.fields).length, 0));
    expect(rows.filter((r) => r.table === 'heures').map((r) => r.column)).toEqual(Object.keys(TABLES[5].fields));
  });

  it('gives types, keys, constraints and allowed values with their labels', () => {
    const heures = rows.find((r) => r.table === 'heures' && r.column === 'heures')!;
    expect(heures).toMatchObject({
      type: { fr: 'nombre', en: 'number' },
      required: true,
      key: false,
      personal: true,
      constraints: { fr: '> 0, ≤ 208', en: '> 0, ≤ 208' },
      values: [],
    });
    const sexe = rows.find((r) => r.column === 'sexe')!;
    expect(sexe.values).toEqual([
      { code: 'F', fr: 'Femme', en: 'Woman' },
      { code: 'H', fr: 'Homme', en: 'Man' },
    ]);
    expect(rows.find((r) => r.table === 'heures' && r.column === 'mois')).toMatchObject({ key: true, constraints: { fr: '', en: '' } });
    expect(rows.find((r) => r.column === 'objet')!.constraints).toEqual({ fr: '250 caractères au plus', en: 'at most 250 characters' });
  });

  it('writes a CSV that reads back with the same columns and rows', () => {
    const csv = dictionaryCsv(rows);
    const parsed = parseCsv(csv);
    expect(parsed.issues).toEqual([]);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.header).toEqual([...DICTIONARY_CSV_COLUMNS]);
    expect(parsed.rowCount).toBe(rows.length);
    const sexe = rows.findIndex((r) => r.column === 'sexe');
    expect(parsed.header.map((h, j) => `${h}: ${parsed.columns[j]![sexe]}`).join('\n')).toMatchInlineSnapshot(`
      "table: participants
      colonne: sexe
      type: code
      type_en: code
      obligatoire: oui
      cle: non
      donnees_personnelles: oui
      titre: Sexe
      titre_en: Sex
      description: F (femme) ou H (homme).
      description_en: F (woman) or H (man).
      contraintes: 
      contraintes_en: 
      valeurs: F = Femme ; H = Homme
      valeurs_en: F = Woman ; H = Man
      exemple: F"
    `);
  });
});
