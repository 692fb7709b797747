import { expect, test } from 'vitest';
import { href, langPaths, pageHref, slugOf } from '../../src/site/routes.ts';

test('French at the root, English under /en/, always a trailing slash', () => {
  expect(href('fr')).toBe('/');
  expect(href('en')).toBe('/en/');
  expect(pageHref('fr', 'hours')).toBe('/heures/');
  expect(pageHref('en', 'hours')).toBe('/en/heures/');
  expect(href('en', 'operations/OP-2012-01')).toBe('/en/operations/OP-2012-01/');
});

test('the slug of a page is the same in both languages (language switch)', () => {
  expect(slugOf('/en/heures/')).toBe('heures');
  expect(slugOf('/heures/')).toBe('heures');
  expect(slugOf('/en/')).toBe('');
  expect(slugOf('/embed/part-femmes/')).toBe('embed/part-femmes');
  expect(slugOf('/entreprises/')).toBe('entreprises');
});

test('every page exists once per language', () => {
  expect(langPaths()).toEqual([
    { params: { lang: undefined }, props: { lang: 'fr' } },
    { params: { lang: 'en' }, props: { lang: 'en' } },
  ]);
});
