/**
 * Writes the synthetic sample of the Région Pays de la Loire (deterministic, seeded, calibrated
 * on the published 2012–2018 results).
 *
 *   tsx scripts/generate-sample.ts                          → data/pays-de-la-loire (committed)
 *   tsx scripts/generate-sample.ts --scale 100 --out .cache/bench/x100   → 100× the rows
 */
import { parseArgs } from 'node:util';
import { generateSample } from './sample/generate.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    out: { type: 'string' },
    seed: { type: 'string' },
  },
});
const scale = Number(values.scale);
const out = values.out ?? (scale === 1 ? 'data/pays-de-la-loire' : `.cache/bench/x${scale}`);
const result = generateSample({ out, scale, ...(values.seed ? { seed: Number(values.seed) } : {}) });
for (const [file, count] of Object.entries(result.rows)) console.log(`${file.padEnd(18)} ${count.toLocaleString('en-US').padStart(12)} rows`);
console.log(`→ ${out} (×${scale}) in ${(result.milliseconds / 1000).toFixed(1)} s`);
