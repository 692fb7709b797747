/**
 * The SVG of a chart needs no inline style: the page's Content-Security-Policy has no
 * `'unsafe-inline'` for styles (docs/securite.md).
 */
import { describe, expect, test } from 'vitest';
import { serverDocument, styleToAttributes, toSvgString } from '../../src/charts/render.ts';
import { rankedBars, yearBars, yearGroups, yearLines, type Point } from '../../src/charts/index.ts';

const svg = (inner: string): Element => {
  const doc = serverDocument();
  doc.body.innerHTML = inner;
  return doc.body.firstElementChild as Element;
};

describe('styleToAttributes', () => {
  test('moves each declaration to its presentation attribute, replacing an attribute of the same name', () => {
    const node = svg('<svg font-size="10" style="font-size:12px; font-family: a, &quot;B c&quot;;overflow:visible"><g style="fill:red"></g></svg>');
    styleToAttributes(node);
    expect(node.getAttribute('style')).toBeNull();
    expect(node.getAttribute('font-size')).toBe('12px');
    expect(node.getAttribute('font-family')).toBe('a, "B c"');
    expect(node.getAttribute('overflow')).toBe('visible');
    expect(node.querySelector('g')?.getAttribute('fill')).toBe('red');
    expect(node.querySelector('[style]')).toBeNull();
  });

  test('refuses a property that is not a presentation attribute, naming it', () => {
    expect(() => styleToAttributes(svg('<svg><text style="white-space:pre">a</text></svg>'))).toThrow(/white-space:pre/);
    expect(() => styleToAttributes(svg('<svg style="fill"></svg>'))).toThrow(/fill/);
  });
});

test('no chart carries a style attribute once serialised', () => {
  const points: Point[] = [
    { x: '2012', y: 10, series: 'a' },
    { x: '2013', y: 'secret', series: 'a' },
    { x: '2012', y: 5, series: 'b' },
    { x: '2013', y: null, series: 'b' },
  ];
  const options = { id: 'c', document: serverDocument(), secretLabel: 'secret', missingLabel: 'n.d.' };
  for (const chart of [yearBars, yearGroups, yearLines, rankedBars]) {
    const out = toSvgString(chart(points, options));
    expect(out).not.toMatch(/\sstyle="/);
    expect(out).toContain('font-size="12px"');
  }
});
