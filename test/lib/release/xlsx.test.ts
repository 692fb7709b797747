import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnName, sheetNames, toXLSX, xmlText } from '../../../src/lib/release/xlsx.ts';
import { archiveTime } from '../../../src/lib/release/zip.ts';

describe('XLSX', () => {
  const bytes = toXLSX(
    [
      { name: 'Lisez-moi', rows: [['Titre'], ['k', 5]] },
      {
        name: 'heures-par-annee',
        header: true,
        rows: [
          ['annee', 'heures_realisees', 'qpv', 'libelle'],
          [2018, 1234.5, true, '=cmd|x'],
          [2019, 'secret', false, 'A & B <c>'],
          [2020, null, null, null],
        ],
      },
    ],
    archiveTime('2019-06-30'),
  );
  const files = unzipSync(bytes);
  const text = (p: string) => strFromU8(files[p]!);

  it('is a zip with the parts Excel needs', () => {
    expect(Object.keys(files)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(text('[Content_Types].xml')).toContain('/xl/worksheets/sheet2.xml');
    expect(text('xl/workbook.xml')).toContain('<sheet name="Lisez-moi" sheetId="1" r:id="rId1"/>');
    expect(text('xl/workbook.xml')).toContain('<sheet name="heures-par-annee" sheetId="2" r:id="rId2"/>');
    expect(text('xl/_rels/workbook.xml.rels')).toContain('Target="styles.xml"');
  });

  it('writes numbers as numbers, booleans as booleans, text inline, secret as text', () => {
    const sheet = text('xl/worksheets/sheet2.xml');
    expect(sheet).toContain('<c r="A2"><v>2018</v></c><c r="B2"><v>1234.5</v></c><c r="C2" t="b"><v>1</v></c>');
    expect(sheet).toContain('<c r="B3" t="inlineStr"><is><t xml:space="preserve">secret</t></is></c>');
    expect(sheet).toContain('<t xml:space="preserve">A &amp; B &lt;c&gt;</t>');
    expect(sheet).toContain(`<t xml:space="preserve">'=cmd|x</t>`);
    expect(sheet).toContain('<row r="4"><c r="A4"><v>2020</v></c></row>');
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">annee</t></is></c>');
    expect(sheet).toContain('state="frozen"');
  });

  it('is byte-identical whatever the time zone', () => {
    const build = () => toXLSX([{ name: 'a', rows: [[1]] }], archiveTime('2019-06-30'));
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const a = build();
      process.env.TZ = 'Pacific/Kiritimati';
      const b = build();
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    } finally {
      process.env.TZ = saved;
    }
  });

  it('names columns and sheets as Excel wants', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    const names = sheetNames(['heures-par-annee-et-type-de-contrat', 'heures-par-annee-et-type-de-contrat-bis', 'a/b']);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(new Set(names).size).toBe(3);
    expect(names[2]).toBe('a-b');
    expect(xmlText('a\u0001b')).toBe('ab');
  });
});
