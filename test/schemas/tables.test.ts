import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/lib/dataset.ts';
import { EntrepriseRowSchema, HeureRowSchema, MarcheRowSchema, ROW_SCHEMAS, TABLES, tableDef, type FieldDef, type HeureRow } from '../../src/schemas/index.ts';
import { validateFixture } from '../lib/validate/fixtures.ts';

describe('the input tables (src/schemas)', () => {
  it('lists the tables of the dataset, in order, each with its file', () => {
    expect(TABLES.map((t) => t.name)).toEqual([...TABLE_NAMES]);
    for (const t of TABLES) expect(t.file).toBe(`${t.name}.csv`);
  });

  it('marks participants and heures as personal, and only them', () => {
    expect(TABLES.filter((t) => t.personal).map((t) => t.name)).toEqual(['participants', 'heures']);
  });

  it('has keys and references that name existing columns', () => {
    for (const t of TABLES) {
      const fields = t.fields as Readonly<Record<string, FieldDef>>;
      for (const k of t.primaryKey) expect(fields[k], `${t.name}.${k}`).toBeDefined();
      for (const fk of t.foreignKeys) {
        for (const f of fk.fields) expect(fields[f], `${t.name}.${f}`).toBeDefined();
        const target = tableDef(fk.reference.table);
        expect(target.primaryKey).toEqual(fk.reference.fields);
      }
    }
  });

  it('gives every field bilingual documentation, an example that validates, and values for codes', () => {
    for (const t of TABLES) {
      for (const [name, f] of Object.entries(t.fields as Readonly<Record<string, FieldDef>>)) {
        expect(f.title.fr && f.title.en && f.description.fr && f.description.en, `${t.name}.${name}`).toBeTruthy();
        expect(f.example, `${t.name}.${name}`).not.toBe('');
        // A code column lists its values, except the publisher's own units (listed in its metadata's profil.directions).
        if (name !== 'direction') expect(f.kind === 'code' || f.kind === 'multi').toBe(f.values !== undefined);
      }
    }
  });
});

describe('row schemas', () => {
  it('accept a normalised row and reject a wrong code, a missing value and an extra column', () => {
    const row: HeureRow = {
      id_participant: 'P000001',
      id_marche: 'M17-001-L01',
      mois: '2017-04',
      heures: 151.67,
      type_contrat: 'CTTI',
      modalite: 'MISE_A_DISPOSITION',
      type_structure: 'ETTI',
    };
    expect(HeureRowSchema.parse(row)).toEqual(row);
    expect(HeureRowSchema.safeParse({ ...row, type_contrat: 'STAGE' }).success).toBe(false);
    expect(HeureRowSchema.safeParse({ ...row, heures: null }).success).toBe(false);
    expect(HeureRowSchema.safeParse({ ...row, nom: 'Dupont' }).success).toBe(false);
  });

  it('make optional columns nullable', () => {
    expect(EntrepriseRowSchema.safeParse({ id_entreprise: 'E00101', taille: 'PME', secteur: 'F', departement: null }).success).toBe(true);
    expect(EntrepriseRowSchema.safeParse({ id_entreprise: 'E00101', taille: 'PME', secteur: 'F' }).success).toBe(false);
  });

  it('accept every row of the validated fixture dataset (tables and types agree)', async () => {
    const { dataset } = await validateFixture();
    if (!dataset) throw new Error('fixture should be valid');
    for (const t of TABLES) {
      const rows = dataset[t.name].objects();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(() => ROW_SCHEMAS[t.name].parse(row), t.name).not.toThrow();
    }
    expect(MarcheRowSchema.parse(dataset.marches.object(0)).considerations_sociales).toEqual(['CLAUSE_SOCIALE']);
  });
});
