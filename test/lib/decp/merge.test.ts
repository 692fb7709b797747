import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, parseCsv } from '../../../src/lib/csv/index.ts';
import { importDecp, type ImportedMarche } from '../../../src/lib/decp/import.ts';
import { BUYER_COLUMNS, COLUMN_ROLES, MARCHES_COLUMNS, mergeMarches } from '../../../src/lib/decp/merge.ts';
import { DecpError } from '../../../src/lib/decp/messages.ts';
import { createPseudonymiser } from '../../../src/lib/decp/pseudonym.ts';
import { checkCell } from '../../../src/lib/validate/check-cell.ts';
import { marches } from '../../../src/schemas/index.ts';
import type { FieldDef } from '../../../src/schemas/field.ts';
import { CONTRACTOR_IDS, DEPARTEMENTS, FIXTURES, PERIODE, SALT, SIRET, fixture } from './helpers.ts';

const options = { siret: SIRET, salt: SALT, departements: DEPARTEMENTS, periode: PERIODE };
const encoder = new TextEncoder();
const FIELDS = marches.fields as Readonly<Record<string, FieldDef>>;

/** A CSV text as rows of objects keyed by header. */
function rowsOf(text: string): Record<string, string>[] {
  const csv = parseCsv(text);
  return Array.from({ length: csv.rowCount }, (_, r) => Object.fromEntries(csv.header.map((h, c) => [h, csv.columns[c]![r]!] as const)));
}

const imported = (await importDecp(fixture('v2-objet.json'), options)).marches;
const pseudonymise = await createPseudonymiser(SALT);
const pseudonyms = Object.fromEntries(await Promise.all(['11111111100011', '33333333300033', '55555555500055', '99999999900099'].map(async (id) => [id, await pseudonymise(id)] as const)));
const existing = new Uint8Array(readFileSync(join(FIXTURES, 'fusion-marches.csv')));

describe('a new marches.csv', () => {
  const result = mergeMarches(imported);
  const rows = rowsOf(result.text);

  it('has the header of the data contract, a BOM, `;` and one row per contract', () => {
    expect(result.text.startsWith('\ufeff')).toBe(true);
    expect(result.text.split('\n')[0]).toBe(`\ufeff${MARCHES_COLUMNS.join(';')}`);
    expect(parseCsv(result.text).delimiter).toBe(';');
    expect(rows.map((r) => r.id_marche)).toEqual(['2024-008', '2024-001', '2024-002', '2024-003']);
    expect(result.added).toEqual(['2024-008', '2024-001', '2024-002', '2024-003']);
    expect(result.rowCount).toBe(4);
  });

  it('writes every DECP cell so that the validator reads the same value', () => {
    for (const row of rows) {
      for (const column of MARCHES_COLUMNS) {
        const cell = row[column]!;
        if (cell === '') continue;
        expect(checkCell(FIELDS[column]!, cell), `${row.id_marche} ${column} ${cell}`).toMatchObject({ ok: true });
      }
    }
    expect(rows[2]).toMatchObject({ montant: '480000,5', critere_attribution: 'oui', considerations_sociales: 'CLAUSE_SOCIALE|CRITERE_SOCIAL', date_notification: '2024-04-15' });
  });

  it('leaves the buyer columns empty and lists them to fill', () => {
    for (const row of rows) for (const c of BUYER_COLUMNS) expect(row[c]).toBe('');
    const all = ['2024-008', '2024-001', '2024-002', '2024-003'];
    expect(result.toFill).toEqual([
      { column: 'id_operation', ids: all },
      { column: 'heures_prevues', ids: all },
      { column: 'direction', ids: all },
      { column: 'departement', ids: ['2024-008'] },
      { column: 'id_facilitateur', ids: all },
    ]);
  });

  it('never writes a contractor identifier or name', () => {
    for (const id of CONTRACTOR_IDS) expect(result.text).not.toContain(id);
    expect(rows.every((r) => /^ED\d{9}$/.test(r.id_titulaire!))).toBe(true);
  });

  it('names the owner of every column of the contract', () => {
    expect(Object.keys(COLUMN_ROLES).sort()).toEqual([...MARCHES_COLUMNS].sort());
    expect(BUYER_COLUMNS).toEqual(['id_operation', 'heures_prevues', 'direction', 'id_facilitateur']);
  });
});

describe('merging into an existing marches.csv (Windows-1252, CRLF, hand-filled)', () => {
  const result = mergeMarches(imported, { existing, knownCompanies: new Set(['E00412', 'E00001', 'E00003']) });
  const rows = Object.fromEntries(rowsOf(result.text).map((r) => [r.id_marche!, r] as const));
  const before = Object.fromEntries(rowsOf(decodeBytes(existing).text).map((r) => [r.id_marche!, r] as const));

  it('keeps existing rows in place and appends the new contract', () => {
    expect(rowsOf(result.text).map((r) => r.id_marche)).toEqual(['2023-050', '2024-001', '2024-002', '2024-003', '2024-008']);
    expect(result.added).toEqual(['2024-008']);
    expect(result.untouched).toBe(1);
    expect(rows['2023-050']).toEqual(before['2023-050']); // not in the DECP file: untouched, spelling kept
  });

  it('updates only the DECP-owned columns that changed', () => {
    expect(result.updated).toEqual([
      { id: '2024-001', columns: ['duree_mois', 'montant'] },
      { id: '2024-002', columns: ['departement', 'id_titulaire'] },
      { id: '2024-003', columns: ['considerations_sociales', 'critere_attribution'] },
    ]);
    expect(result.unchanged).toEqual([]);
    expect(rows['2024-001']).toMatchObject({ montant: '130000', duree_mois: '14' });
    // Equal values keep the buyer's spelling.
    expect(rows['2024-001']).toMatchObject({ procedure: "Appel d'offres ouvert", date_notification: '01/03/2024', considerations_sociales: 'Clause sociale' });
  });

  it('keeps every hand-filled column', () => {
    for (const id of ['2024-001', '2024-002', '2024-003']) {
      for (const c of BUYER_COLUMNS) expect(rows[id]![c], `${id} ${c}`).toBe(before[id]![c]);
    }
    expect(rows['2024-001']).toMatchObject({ id_operation: 'OP2024-01', heures_prevues: '800', direction: 'LYCEES', id_facilitateur: 'FAC01' });
  });

  it('keeps the buyer’s derived values and reports those that differ from DECP', () => {
    expect(rows['2024-001']).toMatchObject({ departement: '85', id_titulaire: 'E00001' });
    expect(rows['2024-002']).toMatchObject({ segment: 'SERVICES', objet: "Maîtrise d'œuvre (libellé court choisi par l'acheteur)" });
    expect(result.kept.map((k) => `${k.id} ${k.column} ${k.yours} → ${k.decp}`)).toEqual([
      '2024-001 departement 85 → 44',
      `2024-001 id_titulaire E00001 → ${pseudonyms['11111111100011']}`,
      "2024-002 objet Maîtrise d'œuvre (libellé court choisi par l'acheteur) → Maîtrise d'œuvre de la restructuration d'un lycée",
      '2024-002 segment SERVICES → PRESTATIONS_INTELLECTUELLES',
      `2024-003 id_titulaire E00003 → ${pseudonyms['55555555500055']}`,
    ]);
  });

  it('fills derived cells that were empty', () => {
    expect(rows['2024-002']!.departement).toBe('49');
    expect(rows['2024-002']!.id_titulaire).toBe(pseudonyms['33333333300033']);
  });

  it('sets critere_attribution to non when DECP no longer lists « Critère social »', () => {
    expect(rows['2024-003']).toMatchObject({ considerations_sociales: 'MARCHE_RESERVE', critere_attribution: 'non', type_clause: 'RESERVE' });
  });

  it('lists what is still to fill and the contractors missing from entreprises.csv', () => {
    expect(result.toFill).toEqual([
      { column: 'id_operation', ids: ['2024-002', '2024-008'] },
      { column: 'heures_prevues', ids: ['2024-002', '2024-008'] },
      { column: 'direction', ids: ['2024-008'] },
      { column: 'departement', ids: ['2024-008'] },
      { column: 'id_facilitateur', ids: ['2024-002', '2024-008'] },
    ]);
    expect(result.missingCompanies).toEqual([pseudonyms['33333333300033'], pseudonyms['99999999900099']].sort());
  });

  it('rewrites the Windows-1252 file as UTF-8 with a BOM, keeping CRLF', () => {
    expect(result.reencoded).toBe(true);
    expect(result.text.startsWith('\ufeffid_marche;')).toBe(true);
    expect(result.text.split('\r\n')).toHaveLength(7);
    expect(rows['2023-050']!.objet).toBe('Lycée — lot 05 menuiseries (saisi à la main)');
  });

  it('never writes a contractor identifier', () => {
    for (const id of CONTRACTOR_IDS) expect(result.text).not.toContain(id);
  });

  it('is idempotent: a second import changes nothing', () => {
    const again = mergeMarches(imported, { existing: encoder.encode(result.text) });
    expect(again.text).toBe(result.text);
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toEqual(['2024-008', '2024-001', '2024-002', '2024-003']);
  });
});

describe('existing files that cannot be merged safely', () => {
  const one: ImportedMarche[] = imported.slice(0, 1);
  const header = MARCHES_COLUMNS.join(';');

  it('keeps columns outside the contract at the end and reports them', () => {
    const result = mergeMarches(one, { existing: encoder.encode(`id_marche;notes\nA-1;à revoir\n`) });
    expect(result.extraColumns).toEqual(['notes']);
    const rows = rowsOf(result.text);
    expect(parseCsv(result.text).header.at(-1)).toBe('notes');
    expect(rows.map((r) => [r.id_marche, r.notes])).toEqual([
      ['A-1', 'à revoir'],
      ['2024-008', ''],
    ]);
    expect(result.text.startsWith('\ufeff')).toBe(false); // UTF-8 without BOM stays without
  });

  it('matches headers whatever their case and order', () => {
    const result = mergeMarches(one, { existing: encoder.encode(`MONTANT;Id_Marche;heures_prevues\n1;2024-008;55\n`) });
    expect(result.updated[0]!.id).toBe('2024-008');
    expect(rowsOf(result.text)[0]).toMatchObject({ id_marche: '2024-008', heures_prevues: '55', montant: '800000' });
  });

  it('treats an empty file as a new one', () => {
    expect(mergeMarches(one, { existing: new Uint8Array() }).added).toEqual(['2024-008']);
  });

  it.each([
    ['no id_marche column', 'objet;montant\nx;1\n', 'sans colonne id_marche'],
    ['an id on two rows', `${header}\n2024-008\n2024-008\n`, 'figure lignes 2, 3'],
    ['an unclosed quote', `${header}\n"2024-008;x\n`, 'illisible'],
    ['too many fields', 'id_marche;objet\na;b;c\n', 'illisible'],
  ])('refuses %s', (_, text, fr) => {
    let error: unknown;
    try {
      mergeMarches(one, { existing: encoder.encode(text) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecpError);
    expect((error as DecpError).text.fr).toContain(fr);
  });
});
