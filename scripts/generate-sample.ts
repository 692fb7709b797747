/**
 * Writes the synthetic sample of the Région Pays de la Loire (deterministic, seeded, calibrated
 * on the published 2012–2018 results).
 *
 *   tsx scripts/generate-sample.ts                          → data/pays-de-la-loire (committed)
 *   tsx scripts/generate-sample.ts --scale 100 --out .cache/bench/x100   → 100× the rows
 *   tsx scripts/generate-sample.ts --out /tmp/d/autre --id autre --nom "Autre éditeur" --seed 7
 *                                                            → a second publisher (tests)
 */
import { parseArgs } from 'node:util';
import { generateSample } from './sample/generate.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    out: { type: 'string' },
    seed: { type: 'string' },
    id: { type: 'string' },
    nom: { type: 'string' },
  },
});
const scale = Number(values.scale);
const out = values.out ?? (scale === 1 ? 'data/pays-de-la-loire' : `.cache/bench/x${scale}`);
const publisher = { ...(values.id ? { id: values.id } : {}), ...(values.nom ? { nom: values.nom } : {}) };
const result = generateSample({ out, scale, publisher, ...(values.seed ? { seed: Number(values.seed) } : {}) });
for (const [file, count] of Object.entries(result.rows)) console.log(`${file.padEnd(18)} ${count.toLocaleString('en-US').padStart(12)} rows`);
console.log(`→ ${out} (×${scale}) in ${(result.milliseconds / 1000).toFixed(1)} s`);
