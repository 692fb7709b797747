import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { departementMap, rankedBars, yearBars, yearGroups, yearLines, type ChartOptions, type Point } from '../../src/charts/index.ts';
import { departements, pathRings } from '../../src/charts/departements.ts';
import { serverDocument, toSvgString } from '../../src/charts/render.ts';

const dir = import.meta.dirname;
const data = (name: string) => JSON.parse(readFileSync(join(dir, 'data', `${name}.json`), 'utf8')) as Point[];
const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const options = (id: string, extra: Partial<ChartOptions> = {}): ChartOptions & { missingLabel: string } => ({
  id,
  document: serverDocument(),
  format: (n) => fr.format(n),
  secretLabel: 'secret',
  missingLabel: 'n.d.',
  ...extra,
});

/** Compares with the stored snapshot, writing it when absent and `<name>.changed.svg` on a difference. */
function snapshot(name: string, svg: string) {
  const file = join(dir, 'snapshots', `${name}.svg`);
  const actual = svg.replace(/></g, '>\n<') + '\n';
  if (!existsSync(file)) {
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (expected !== actual) writeFileSync(join(dir, 'snapshots', `${name}.changed.svg`), actual);
  expect(actual).toBe(expected);
}

/** The `<rect>` of the group Plot names `bar`: one per drawn bar. */
const bars = (svg: string) => (/<g[^>]*data-mark="bar"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1] ?? '').match(/<rect/g)?.length ?? 0;

describe('yearBars', () => {
  const svg = toSvgString(yearBars(data('heures-par-annee'), options('heures-par-annee')));
  test('matches its snapshot', () => snapshot('year-bars', svg));
  test('draws a bar only for published numbers: a secret or missing cell is never a bar at 0', () => {
    expect(bars(svg)).toBe(5);
  });
  test('labels the secret cell and the missing cell in words', () => {
    expect(svg).toContain('>secret</text>');
    expect(svg).toContain('>n.d.</text>');
    expect(svg).toContain('url(#heures-par-annee-hachures)');
  });
  test('formats values in the given locale', () => expect(svg).toContain('18\u202f200'));
  test('names each mark with its value for hover and keyboard, in words when secret', () => {
    expect(svg).toContain('<title>2012 : 18\u202f200</title>');
    expect(svg).toContain('<title>2015 : secret</title>');
  });
});

describe('yearGroups', () => {
  const svg = toSvgString(yearGroups(data('heures-par-segment'), options('heures-par-segment')));
  test('matches its snapshot', () => snapshot('year-groups', svg));
  test('a true zero is a (flat) bar, a secret cell is not', () => {
    // 9 cells, 2 secret: 7 bars including the zero of 2014.
    expect(svg.match(/<rect/g)?.length).toBeGreaterThanOrEqual(7);
    expect(svg.match(/>secret<\/text>/g)?.length).toBe(2);
  });
});

describe('yearLines', () => {
  const svg = toSvgString(yearLines(data('part-femmes'), options('part-femmes', { format: (n) => `${fr.format(n)} %` })));
  test('matches its snapshot', () => snapshot('year-lines', svg));
  test('labels every published point of a single series and marks the secret year', () => {
    expect(svg).toContain('>13,9 %</text>');
    expect(svg.match(/>secret<\/text>/g)?.length).toBe(1);
  });
});

describe('rankedBars', () => {
  const svg = toSvgString(rankedBars(data('personnes-par-public'), options('personnes-par-public')));
  test('matches its snapshot', () => snapshot('ranked-bars', svg));
  test('one bar per published number, labels for secret and missing', () => {
    expect(bars(svg)).toBe(4);
    expect(svg).toContain('>secret</text>');
    expect(svg).toContain('>n.d.</text>');
  });
  test('keeps the given order', () => {
    expect(svg.indexOf('Demandeurs d’emploi 12 mois et plus')).toBeLessThan(svg.indexOf('Travailleurs handicapés'));
  });
});

test('rendering is deterministic', () => {
  const a = toSvgString(yearBars(data('heures-par-annee'), options('x')));
  const b = toSvgString(yearBars(data('heures-par-annee'), options('x')));
  expect(a).toBe(b);
});

describe('departementMap', () => {
  const svg = toSvgString(departementMap(data('heures-par-departement'), options('carte')));
  test('matches its snapshot', () => snapshot('map', svg));
  test('draws each département from the package outlines, labelled with its name and value in words when secret or missing', () => {
    expect(svg.match(/<path/g)?.length).toBe(5);
    expect(svg).toContain('>Loire-Atlantique</tspan>');
    expect(svg).toContain('127\u202f800');
    expect(svg).toContain('>secret</tspan>');
    expect(svg).toContain('>n.d.</tspan>');
    expect(svg).toContain('url(#carte-hachures)');
  });
  test('reads SVG move and line commands, relative and absolute, as closed rings', () => {
    expect(pathRings('m 10,10 5,0 0,5 z M 0,0 L 2,0 2,2 Z')).toEqual([
      [
        [10, 10],
        [15, 10],
        [15, 15],
        [10, 10],
      ],
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 0],
      ],
    ]);
    expect(() => pathRings('M 0,0 C 1,1 2,2 3,3')).toThrow(/unsupported/);
    expect(departements(['44', '99']).map((d) => [d.code, d.name])).toEqual([['44', 'Loire-Atlantique']]);
  });
});
