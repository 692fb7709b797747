/**
 * npm run bench:protect — what disclosure control costs as the data grows: the data step's phases
 * (validate, cells, protect, audit, tables) at ×1, ×10, ×100 (…×1000), each scale in a fresh child
 * process, with wall and CPU time per phase, the size of the attacker's models (atoms, published
 * cells), the suppressions and the peak memory. The reference in the same run is the rest of the
 * data step (validation, cells and tables), so the figures read as "the audit costs x times the
 * rest"; DuckDB has no disclosure control to compare with (`npm run bench` compares the parts it
 * has).
 *
 *   npm run bench:protect                        scales 1, 10, 100
 *   npm run bench:protect -- --scales 1,100,1000
 *
 * Samples ×N come from .cache/bench/x<N>/ (generated if missing, shared with `npm run bench`).
 * Method and figures: docs/benchmark.md, « Secret statistique ».
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDataset } from './bench/datasets.ts';

const { values } = parseArgs({ options: { scales: { type: 'string', default: '1,10,100' }, child: { type: 'string' } } });

if (values.child) {
  await child(values.child);
} else {
  const scales = values.scales.split(',').map(Number);
  if (scales.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--scales takes positive integers: 1,10,100');
  const rows: string[] = [];
  for (const scale of scales) {
    const dir = scale === 1 ? resolve('data/pays-de-la-loire') : ensureDataset(scale).dir;
    process.stderr.write(`×${scale}: ${dir}\n`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', dir], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) {
      rows.push(`| ×${scale} | failed (exit ${r.status ?? r.signal}) |`);
      continue;
    }
    const m = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
    const rest = m.validate! + m.cells! + m.tables!;
    rows.push(
      `| ×${scale} | ${m.hourRows!.toLocaleString('en')} | ${m.atoms!.toLocaleString('en')} | ${m.published!.toLocaleString('en')} | ${m.primary} / ${m.secondary} | ` +
        `${s(m.validate!)} | ${s(m.cells!)} | ${s(m.protect!)} (${s(m.protectCpu!)}) | ${s(m.audit!)} (${s(m.auditCpu!)}) | ${s(m.tables!)} | ` +
        `${((m.protect! + m.audit!) / rest).toFixed(2)}× | ${m.peakMB!.toLocaleString('en')} |`,
    );
  }
  console.log('| scale | hour rows | atoms | published cells | primary / secondary | validate s | cells s | protect s (CPU) | audit s (CPU) | tables s | protect + audit ÷ rest | peak MB |');
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) console.log(r);
}

function s(seconds: number): string {
  return seconds.toFixed(1);
}

/** One scale in this process: each phase timed, printed as one JSON line. */
async function child(dir: string): Promise<void> {
  const { readPublisherFolder } = await import('./lib/fs-input.ts');
  const { loadSolver } = await import('./lib/solver.ts');
  const { validateDataset } = await import('../src/lib/validate/index.ts');
  const { computeCells } = await import('../src/lib/cells/index.ts');
  const { protect } = await import('../src/lib/protect/protect.ts');
  const { rulesFor } = await import('../src/lib/protect/rules.ts');
  const { auditRelease, finestCells } = await import('../src/lib/audit/index.ts');
  const { CUBES } = await import('../src/lib/pipeline.ts');
  const { TABLES } = await import('../src/lib/tables/index.ts');
  const highs = await loadSolver();
  const out: Record<string, number> = {};
  const time = <T>(name: string, fn: () => T): T => {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const r = fn();
    out[name] = (performance.now() - t) / 1000;
    const c = process.cpuUsage(cpu);
    out[`${name}Cpu`] = (c.user + c.system) / 1e6;
    return r;
  };
  const input = await readPublisherFolder(dir, resolve(dir, '..'));
  delete input.files['publications.json'];
  const t0 = performance.now();
  const { dataset } = await validateDataset(input);
  out.validate = (performance.now() - t0) / 1000;
  if (!dataset) throw new Error(`${dir}: invalid`);
  const rules = rulesFor(dataset.meta);
  const cells = time('cells', () => computeCells(dataset, CUBES, { k: rules.k }));
  const finest = time('finest', () => finestCells(cells));
  const protection = time('protect', () => protect(cells, { highs, finest }));
  const audit = time('audit', () => auditRelease(cells, protection, highs, { finest }));
  if (!audit.ok) throw new Error('audit failed');
  time('tables', () => TABLES.map((t) => t.compute({ protection })));
  out.hourRows = dataset.heures.numRows();
  out.atoms = finest.hc.atoms.n;
  out.published = cells.cells.size;
  out.primary = protection.primary.size;
  out.secondary = protection.hidden.size - protection.primary.size;
  out.peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify(out));
}
