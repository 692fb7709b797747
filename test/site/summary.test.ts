import { expect, test } from 'vitest';
import { summarize } from '../../src/site/summary.ts';

const format = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

test('a yearly series: first to last published year, highest value, secret years', () => {
  const points = [
    { x: '2012', y: 'secret' as const },
    { x: '2013', y: 31500 },
    { x: '2017', y: 60400 },
    { x: '2018', y: 55300 },
  ];
  expect(summarize('fr', 'year-bars', points, { measure: 'Heures', format })).toBe(
    'Heures : 31\u202f500 en 2013, 55\u202f300 en 2018 (+76\u202f%). Valeur la plus haute : 60\u202f400 en 2017. 1 valeur est couverte par le secret statistique : 2012.',
  );
});

test('a share changes in points, not in percent', () => {
  const points = [
    { x: '2013', y: 3 },
    { x: '2018', y: 13.9 },
  ];
  expect(summarize('en', 'year-lines', points, { measure: 'Share of women', format: String, percent: true })).toBe('Share of women: 3 in 2013, 13.9 in 2018 (+10.9 points).');
});

test('ranked categories name the first two and the smallest published value', () => {
  const points = [
    { x: 'B', y: 10 },
    { x: 'A', y: 30 },
    { x: 'C', y: 'secret' as const },
    { x: 'D', y: 5 },
  ];
  expect(summarize('en', 'ranked-bars', points, { measure: 'Persons', format: String })).toBe(
    'First: A (30), then B (10). Lowest published value: D (5). 1 value is suppressed for confidentiality: C.',
  );
});

test('several series are described one by one', () => {
  const points = [
    { x: '2014', y: 39700, series: 'Travaux' },
    { x: '2014', y: 3100, series: 'Services' },
    { x: '2018', y: 44300, series: 'Travaux' },
    { x: '2018', y: 'secret' as const, series: 'Services' },
  ];
  expect(summarize('fr', 'year-groups', points, { measure: 'Heures', format })).toBe(
    'Travaux : 39\u202f700 en 2014, 44\u202f300 en 2018. Services : 3\u202f100 en 2014. 1 valeur est couverte par le secret statistique : Services 2018.',
  );
});

test('nothing published', () => {
  expect(summarize('fr', 'year-bars', [{ x: '2012', y: 'secret' }], { measure: 'Heures', format })).toBe('Aucune valeur publiée. 1 valeur est couverte par le secret statistique : 2012.');
});

test('a part year is left out of the trend and said to be partial', () => {
  const points = [
    { x: '2012', y: 3497 },
    { x: '2013', y: 27972 },
    { x: '2018', y: 73596 },
  ];
  const partial = [{ x: '2012', note: '2012 : année partielle (octobre–décembre seulement)' }];
  const text = summarize('fr', 'year-bars', points, { measure: 'Heures', format, partial });
  expect(text).toBe('Heures : 27\u202f972 en 2013, 73\u202f596 en 2018 (+163\u202f%). 2012 : année partielle (octobre–décembre seulement).');
  // Never a growth from the three months of 2012.
  expect(text).not.toContain('2\u202f004');
});
