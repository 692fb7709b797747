import * as Plot from '@observablehq/plot';
import { base, hatchId, hatchDefs, INK, isNumber, markTitle, isSecret, maxValue, SECRET_INK, type ChartOptions, type Point } from './common.ts';
import { departements } from './departements.ts';

/**
 * A map of départements, each shaded by its value and labelled with its name and value (the label
 * carries the number: no colour legend to decode). A secret département is hatched and says so; one
 * without a value stays white with « n.d. ». Points give the département's code in `key`.
 * Identity projection fitted to the départements drawn (their outlines are pre-projected).
 */
export function departementMap(data: Point[], options: ChartOptions & { missingLabel?: string }) {
  const format = options.format ?? String;
  const width = options.width ?? 640;
  const places = departements(data.map((d) => d.key ?? ''));
  const byCode = new Map(data.map((d) => [d.key ?? '', d]));
  const features = places.map((p) => ({ ...p.feature, properties: { ...p.feature.properties, point: byCode.get(p.code) as Point } }));
  const collection: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features };
  const max = maxValue(data) || 1;
  const value = (f: (typeof features)[number]) => f.properties.point.y;
  const small = width < 480;
  const title = (f: (typeof features)[number]) => markTitle(options)(f.properties.point);
  return Plot.plot({
    ...base(options, small ? 380 : 460),
    margin: 8,
    projection: { type: 'identity', domain: collection },
    color: { type: 'linear', domain: [0, max], range: ['#e8eef7', INK], interpolate: 'rgb' },
    marks: [
      hatchDefs(options.id),
      Plot.geo(
        features.filter((f) => isNumber(value(f))),
        { fill: (f: (typeof features)[number]) => value(f), stroke: '#fff', strokeWidth: 1.5, title },
      ),
      Plot.geo(
        features.filter((f) => isSecret(value(f))),
        { fill: `url(#${hatchId(options.id)})`, stroke: SECRET_INK, strokeWidth: 1, title },
      ),
      Plot.geo(
        features.filter((f) => value(f) === null),
        { fill: '#fff', stroke: SECRET_INK, strokeWidth: 1, title },
      ),
      Plot.text(
        features,
        Plot.centroid({
          text: (f: (typeof features)[number]) => {
            const v = value(f);
            const shown = isNumber(v) ? format(v) : isSecret(v) ? (options.secretLabel ?? 'secret') : (options.missingLabel ?? 'n.d.');
            return `${f.properties.point.x}\n${shown}`;
          },
          fill: 'currentColor',
          stroke: '#fff',
          strokeWidth: 4,
          paintOrder: 'stroke',
          fontWeight: 600,
          fontSize: small ? 11 : 13,
          lineHeight: 1.2,
        }),
      ),
    ],
  });
}
