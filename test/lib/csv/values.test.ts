import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VALUE_MESSAGES, type ValueRule } from '../../../src/lib/csv/messages.ts';
import { parseBoolean, parseDate, parseAmount, parseDecimal, parseInteger, parseMonth, splitMulti } from '../../../src/lib/csv/values.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('parseDecimal', () => {
  it.each([
    ['1234.5', 1234.5],
    ['1234,5', 1234.5],
    ['-3,25', -3.25],
    ['+2', 2],
    ['0,5', 0.5],
    [',5', 0.5],
    ['.5', 0.5],
    ['-,5', -0.5],
    ['42', 42],
    ['007', 7],
    ['1,234', 1.234], // a single comma is the decimal mark, never a thousands separator
    ['1.234', 1.234],
    ['1 234,5', 1234.5],
    [`1${NBSP}234,5`, 1234.5],
    [`1${NNBSP}234${NNBSP}567,25`, 1234567.25],
    ['1 234 567,25', 1234567.25],
    ['1 234', 1234],
    ['-1 234', -1234],
    ['  12,5\t', 12.5],
    ['-0', 0],
  ])('%j → %d', (raw, value) => {
    expect(parseDecimal(raw)).toEqual({ ok: true, value });
  });

  it('reads -0 as 0', () => {
    const r = parseDecimal('-0,0');
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
  });

  it.each([
    '1.234,5',
    '1,234.5',
    '1 234.5', // spaces as thousands only with a decimal comma
    '12h',
    '1,2,3',
    '1 23,4',
    '1  234',
    '12 34',
    '1 2345',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e5',
    '0x10',
    '--1',
    '+',
    '-',
    '',
    ' ',
    '5,',
    '5.',
    ',',
    '12 €',
    '1_000',
    '١٢', // Arabic-Indic digits are not \d
    '9'.repeat(400), // beyond a double
  ])('%j → nombre.format', (raw) => {
    expect(parseDecimal(raw)).toEqual({ ok: false, rule: 'nombre.format' });
  });

  it('reads back any number written by JavaScript without an exponent', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (n) => {
        const text = String(n);
        fc.pre(!text.includes('e'));
        expect(parseDecimal(text)).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
    );
  });

  it('reads back any number formatted the French way (narrow no-break space, decimal comma)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (n) => {
        const text = n.toLocaleString('fr-FR', { maximumFractionDigits: 20 });
        const r = parseDecimal(text);
        const written = Number(text.replace(/\u202f/g, '').replace(',', '.'));
        expect(r).toEqual({ ok: true, value: written === 0 ? 0 : written });
        if (r.ok) expect(r.value).toBeCloseTo(n, 5);
      }),
    );
  });

  it('never misreads: an accepted value is exactly the digits written', () => {
    const chars = fc.constantFrom('0', '1', '9', ',', '.', ' ', NBSP, NNBSP, '-', '+', 'e', 'h');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 14 }).map((a) => a.join('')),
        (raw) => {
          const r = parseDecimal(raw);
          if (!r.ok) return;
          const digits = raw
            .trim()
            .replace(/[ \u00a0\u202f]/g, '')
            .replace(',', '.');
          expect(r.value).toBe(Number(digits) === 0 ? 0 : Number(digits));
          expect(digits).toMatch(/^[+-]?\d*\.?\d+$/);
        },
      ),
    );
  });
});

describe('parseInteger', () => {
  it.each([
    ['12', 12],
    ['-3', -3],
    ['+7', 7],
    ['0', 0],
    ['1 234', 1234],
    [`12${NNBSP}000`, 12000],
    ['12,00', 12],
    ['12.0', 12],
    [`1${NBSP}234,0`, 1234],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('%j → %d', (raw, value) => {
    expect(parseInteger(raw)).toEqual({ ok: true, value });
  });

  it.each(['12,5', '12.05', '1.000', '1,000', '12,000', '1 23', '1e3', '12h', '', '-', '9007199254740993', '1 234.0'])('%j → entier.format', (raw) => {
    expect(parseInteger(raw)).toEqual({ ok: false, rule: 'entier.format' });
  });

  it('agrees with parseDecimal on whole numbers', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseInteger(String(n))).toEqual(parseDecimal(String(n)));
        expect(parseInteger(n.toLocaleString('fr-FR'))).toEqual({
          ok: true,
          value: n === 0 ? 0 : n,
        });
      }),
    );
  });
});

describe('parseDate', () => {
  it.each([
    ['2018-03-31', '2018-03-31'],
    ['31/03/2018', '2018-03-31'],
    ['1/3/2018', '2018-03-01'],
    ['01/3/2018', '2018-03-01'],
    ['29/02/2020', '2020-02-29'],
    ['29/02/2000', '2000-02-29'],
    [' 2012-01-01 ', '2012-01-01'],
  ])('%j → %s', (raw, value) => {
    expect(parseDate(raw)).toEqual({ ok: true, value });
  });

  it.each(['31/02/2018', '29/02/2019', '29/02/1900', '2018-13-01', '2018-00-10', '00/01/2018', '32/01/2018', '31/04/2018', '2018-02-30'])('%j → date.invalide', (raw) => {
    expect(parseDate(raw)).toEqual({ ok: false, rule: 'date.invalide' });
  });

  it.each(['2018-3-31', '31-03-2018', '31/03/18', '31.03.2018', '2018/03/31', '31/03/2018 00:00', '2018-03-31T00:00', '43190', 'mars 2018', '', '123/03/2018'])('%j → date.format', (raw) => {
    expect(parseDate(raw)).toEqual({ ok: false, rule: 'date.format' });
  });

  it('agrees with the calendar for every day written DD/MM/YYYY', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(parseDate(`${day}/${m}/${y}`)).toEqual({ ok: true, value: iso });
        expect(parseDate(iso)).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('parseAmount', () => {
  it.each([
    ['1 245 800,50 €', 1245800.5],
    ['1\u202f245\u202f800,50\u00a0€', 1245800.5],
    ['412 000 EUR', 412000],
    ['1250 euros', 1250],
    ['98 400', 98400],
  ])('%j → %s', (raw, value) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value });
  });

  it.each(['412 000 € HT', '€ 412 000', '12 h'])('%j → nombre.format', (raw) => {
    expect(parseAmount(raw)).toEqual({ ok: false, rule: 'nombre.format' });
  });
});

describe('parseMonth', () => {
  it.each([
    ['2018-03', '2018-03'],
    ['03/2018', '2018-03'],
    ['3/2018', '2018-03'],
    ['12/2017', '2017-12'],
    // What Excel makes of a month typed in a cell (docs/contrat-de-donnees.md, « Formats acceptés »).
    ['mars-22', '2022-03'],
    ['mars 2018', '2018-03'],
    ['janv.-23', '2023-01'],
    ['févr.-22', '2022-02'],
    ['FEVR-22', '2022-02'],
    ['août 2017', '2017-08'],
    ['déc.-21', '2021-12'],
    ['Mar-22', '2022-03'],
    ['September 2019', '2019-09'],
    ['01/04/2022', '2022-04'],
    ['1/4/2022', '2022-04'],
    ['2022-04-01', '2022-04'],
  ])('%j → %s', (raw, value) => {
    expect(parseMonth(raw)).toEqual({ ok: true, value });
  });

  it.each(['15/04/2022', '2022-04-30', '31/12/2021'])('%j (another day than the first) → mois.date_complete', (raw) => {
    expect(parseMonth(raw)).toEqual({ ok: false, rule: 'mois.date_complete' });
  });

  it.each(['2018-3', '03-2018', '03/18', 'marsh 2018', 'mars', 'mars-2', '', '003/2018', '2018/03'])('%j → mois.format', (raw) => {
    expect(parseMonth(raw)).toEqual({ ok: false, rule: 'mois.format' });
  });

  it.each(['13/2018', '0/2018', '2018-00', '2018-13', '31/02/2018'])('%j → mois.invalide', (raw) => {
    expect(parseMonth(raw)).toEqual({ ok: false, rule: 'mois.invalide' });
  });
});

describe('parseBoolean', () => {
  it.each(['oui', 'OUI', 'Oui', 'o', 'O', 'true', 'TRUE', 'vrai', 'Vrai', '1', 'yes', 'Yes', ' oui '])('%j → true', (raw) => {
    expect(parseBoolean(raw)).toEqual({ ok: true, value: true });
  });

  it.each(['non', 'NON', 'n', 'N', 'false', 'False', 'faux', 'FAUX', '0', 'no', 'NO'])('%j → false', (raw) => {
    expect(parseBoolean(raw)).toEqual({ ok: true, value: false });
  });

  it.each(['', 'x', 'ouii', '2', 'y', 'vrai/faux', '-1', 'oui non'])('%j → booleen.format', (raw) => {
    expect(parseBoolean(raw)).toEqual({ ok: false, rule: 'booleen.format' });
  });
});

describe('splitMulti', () => {
  it.each([
    ['RSA|QPV', ['RSA', 'QPV']],
    [' RSA | QPV ', ['RSA', 'QPV']],
    ['RSA, QPV', ['RSA', 'QPV']],
    ['RSA|QPV,TH', ['RSA', 'QPV', 'TH']],
    ['QPV|RSA|QPV', ['QPV', 'RSA']],
    ['|RSA||', ['RSA']],
    ['RSA', ['RSA']],
    ['', []],
    [' | , ', []],
    ['Clause sociale|Critère social', ['Clause sociale', 'Critère social']],
  ])('%j → %j', (raw, value) => {
    expect(splitMulti(raw)).toEqual({ ok: true, value });
  });

  it('gives trimmed, non-empty, distinct parts, in their first order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('RSA', 'QPV', ' TH ', '', ' ', 'rsa')), fc.constantFrom('|', ','), (parts, sep) => {
        const r = splitMulti(parts.join(sep));
        const expected = [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))];
        expect(r).toEqual({ ok: true, value: expected });
      }),
    );
  });
});

describe('VALUE_MESSAGES', () => {
  it('has a French and an English message for every rule a normaliser can return', () => {
    const rules: ValueRule[] = [];
    const inputs = ['x', '', '31/02/2018', '13/2018', '1.234,5', '15/03/2018'];
    for (const parse of [parseDecimal, parseInteger, parseDate, parseMonth, parseBoolean]) {
      for (const raw of inputs) {
        const r = parse(raw);
        if (!r.ok) rules.push(r.rule);
      }
    }
    expect(new Set(rules)).toEqual(new Set(Object.keys(VALUE_MESSAGES)));
    for (const message of Object.values(VALUE_MESSAGES)) {
      expect(message.fr).not.toBe('');
      expect(message.en).not.toBe('');
      expect(message.fr).not.toBe(message.en);
    }
  });

  it('pins the number and date messages', () => {
    expect(VALUE_MESSAGES['nombre.format']).toMatchInlineSnapshot(`
      {
        "en": "Unreadable number: write for example 1234,5 or 1234.5 or 1 234,5 (no unit, no dot as a thousands separator).",
        "fr": "Nombre illisible : écrire par exemple 1234,5 ou 1234.5 ou 1 234,5 (sans unité, sans point comme séparateur de milliers).",
      }
    `);
    expect(VALUE_MESSAGES['date.invalide']).toMatchInlineSnapshot(`
      {
        "en": "Impossible date: this day does not exist in the calendar (for example 31/02/2018).",
        "fr": "Date impossible : ce jour n'existe pas dans le calendrier (par exemple 31/02/2018).",
      }
    `);
  });
});
