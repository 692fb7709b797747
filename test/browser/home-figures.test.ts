/**
 * The figures of the home page, French and English, equal the published key-figures table.
 * See `harness/home-figures.ts`; the fixtures prove that a difference is caught.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareHomeFigures, parseDisplayed } from './harness/home-figures.ts';
import { describeBuiltSite } from './harness/describe-site.ts';
import { distDir } from './harness/site.ts';

const fixture = (name: string) => resolve(import.meta.dirname, 'fixtures', name);

describe('parseDisplayed', () => {
  it('reads French and English number formats', () => {
    expect(parseDisplayed('318\u202f400', 'fr')).toEqual({ value: 318400, decimals: 0 });
    expect(parseDisplayed('13,9\u202f%', 'fr')).toEqual({ value: 13.9, decimals: 1 });
    expect(parseDisplayed('318,400', 'en')).toEqual({ value: 318400, decimals: 0 });
    expect(parseDisplayed('13.9%', 'en')).toEqual({ value: 13.9, decimals: 1 });
    expect(parseDisplayed('secret', 'fr')).toBeUndefined();
  });
});

describe('compareHomeFigures on the fixtures', () => {
  it('accepts figures equal to the table up to their rounding, and secret ones', () => {
    expect(compareHomeFigures(fixture('good'), 'fr')).toEqual({ shown: 3, problems: [] });
    expect(compareHomeFigures(fixture('good'), 'en')).toEqual({ shown: 3, problems: [] });
  });

  it('reports a figure that differs from the table', () => {
    expect(compareHomeFigures(fixture('broken'), 'fr').problems).toEqual(['heures_realisees: shown as « 2 800 », published as « 2700 »']);
  });
});

const dir = distDir();
describeBuiltSite(dir, `the home page of ${dir}`, () => {
  it.each(['fr', 'en'] as const)('shows the published key figures (%s)', (lang) => {
    expect(compareHomeFigures(dir, lang).problems).toEqual([]);
  });
});
