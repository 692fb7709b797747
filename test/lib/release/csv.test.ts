import { describe, expect, it } from 'vitest';
import { cellText, formatNumber, neutralise, toCSV } from '../../../src/lib/release/csv.ts';
import type { Colonne } from '../../../src/lib/tables/types.ts';

const cols: Colonne[] = [
  { nom: 'libelle', type: 'string', role: 'dimension', titre: { fr: 'Libellé', en: 'Label' } },
  { nom: 'heures', type: 'number', role: 'mesure', titre: { fr: 'Heures', en: 'Hours' } },
  { nom: 'qpv', type: 'boolean', role: 'dimension', titre: { fr: 'QPV', en: 'QPV' } },
];

describe('CSV', () => {
  const csv = toCSV(cols, [
    { libelle: 'Lycée A, bâtiment "B"', heures: 1234.5, qpv: true },
    { libelle: '=HYPERLINK("x")', heures: 'secret', qpv: false },
    { libelle: 'deux\nlignes', heures: null, qpv: null },
    { libelle: '-2', heures: -2, qpv: false },
  ]);

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe('libelle,heures,qpv');
  });

  it('quotes only fields that need it (comma, quote, line break) and doubles quotes', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('"Lycée A, bâtiment ""B""",1234.5,true');
    expect(lines[3]).toBe('"deux\nlignes",,');
  });

  it('writes secret as the text secret, missing as empty, zero as 0', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",secret,false`);
    expect(
      toCSV(cols, [{ libelle: 'a', heures: 0, qpv: false }])
        .slice(1)
        .split('\r\n')[1],
    ).toBe('a,0,false');
  });

  it('neutralises text that a spreadsheet would run as a formula, never numbers', () => {
    for (const s of ['=1+1', '+33', '-x', '@SUM(A1)', '\tcmd', '\rcmd']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['Travaux', '2018', ' =a', "l'opération"]) expect(neutralise(s)).toBe(s);
    expect(cellText(-2)).toBe('-2');
    expect(csv.slice(1).split('\r\n')[4]).toBe("'-2,-2,false");
  });

  it('writes numbers with a dot, without thousands separators or exponents', () => {
    expect(formatNumber(318123.25)).toBe('318123.25');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
  });
});
