/** What the machine is like while the benchmark runs: its load, and what fresh memory costs. */
import { cpus, loadavg, totalmem } from 'node:os';
import { version as duckdbVersion } from '@duckdb/node-api';

export interface Machine {
  date: string;
  node: string;
  duckdb: string;
  cpus: string;
  memoryGB: number;
  /** 1-minute load average when the benchmark starts (above the core count: other work competes). */
  loadAtStart: number;
  /**
   * CPU time to write 64 MB of freshly allocated memory, and to write it again, in ms per 100 MB.
   * In some virtual machines the first touch of a page costs far more than the write itself,
   * so every megabyte a pipeline allocates costs time there.
   */
  firstTouchMsPer100MB: number;
  retouchMsPer100MB: number;
}

function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

function touchCost(): { first: number; again: number } {
  const size = 64 * 2 ** 20;
  let first = Infinity;
  let again = Infinity;
  for (let k = 0; k < 3; k++) {
    const bytes = new Uint8Array(size);
    let c = process.cpuUsage();
    bytes.fill(k + 1);
    first = Math.min(first, cpuMs(c));
    c = process.cpuUsage();
    bytes.fill(k + 2);
    again = Math.min(again, cpuMs(c));
  }
  return { first: (first * 100) / 64, again: (again * 100) / 64 };
}

export function describeMachine(): Machine {
  const touch = touchCost();
  return {
    date: new Date().toISOString(),
    node: process.version,
    duckdb: duckdbVersion(),
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadAtStart: loadavg()[0]!,
    firstTouchMsPer100MB: touch.first,
    retouchMsPer100MB: touch.again,
  };
}

export function formatMachine(m: Machine): string {
  return [
    `Benchmark ${m.date} — Node ${m.node}, DuckDB ${m.duckdb}, ${m.cpus}, ${m.memoryGB} GB RAM`,
    `Load average ${m.loadAtStart.toFixed(1)} on ${m.cpus.split(' ')[0]} cores${m.loadAtStart > Number(m.cpus.split(' ')[0]) ? ' (busy: wall times are inflated; CPU times are steadier)' : ''}; ` +
      `writing fresh memory costs ${m.firstTouchMsPer100MB.toFixed(0)} ms CPU per 100 MB (${m.retouchMsPer100MB.toFixed(0)} ms when already touched).`,
  ].join('\n');
}
