/**
 * One `scripts/build.ts` run in a fresh child process, measured: wall time, the cumulative times
 * the build prints at the end of each phase, CPU time and peak memory. Shared by
 * `npm run bench:build` and `npm run bench:pairs`.
 *
 * Peak memory: `/usr/bin/time -v` when present (largest process of the tree, Pagefind included);
 * always also each Node process's own `process.resourceUsage()` written at exit by a preload
 * (NODE_OPTIONS), whose CPU times add up to the Node part of the CPU time.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Preload of every Node process of the build: writes its resource usage when it exits. */
const PRELOAD = `import { appendFileSync } from 'node:fs';
process.on('exit', () => {
  const u = process.resourceUsage();
  appendFileSync(process.env.BENCH_BUILD_USAGE, JSON.stringify({ pid: process.pid, maxRSS: u.maxRSS, user: u.userCPUTime, system: u.systemCPUTime }) + '\\n');
});
`;

export interface MeasuredBuild {
  ok: boolean;
  wallS: number;
  /**
   * Cumulative seconds printed by the build at the end of each phase; `peers`: how long reading
   * the peers took, when it read some.
   */
  phases: { peers?: number; data?: number; astro?: number; published?: number };
  /** CPU seconds (user + system) of the whole tree (GNU time) or of its Node processes (preload). */
  cpuS: number;
  /** Peak resident memory, MB: largest process of the tree. */
  peakMB: number;
  nodePeakMB: number;
  /** Everything the build printed. */
  output: string;
}

/**
 * Runs `scripts/build.ts <args>` from the project root; `work` holds the measurement's own files.
 * Each line the build prints goes to `log`, indented.
 */
export async function measuredBuild(args: readonly string[], work: string, log: (line: string) => void): Promise<MeasuredBuild> {
  mkdirSync(work, { recursive: true });
  const usage = join(work, 'usage.jsonl');
  const preload = join(work, 'preload.mjs');
  const timeFile = join(work, 'time.txt');
  writeFileSync(usage, '');
  writeFileSync(preload, PRELOAD);
  rmSync(timeFile, { force: true });

  const gnuTime = existsSync('/usr/bin/time');
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const argv0 = [tsx, join(ROOT, 'scripts', 'build.ts'), ...args];
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const argv = gnuTime ? ['-v', '-o', timeFile, process.execPath, ...argv0] : argv0;
  const started = performance.now();
  const output: string[] = [];
  const code = await new Promise<number>((done) => {
    const child = spawn(command, argv, {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim(), BENCH_BUILD_USAGE: usage },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      for (const line of text.split('\n')) if (line.trim()) log(`  ${line}`);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (c) => done(c ?? 1));
  });
  const wallS = (performance.now() - started) / 1000;
  const all = output.join('');
  const phase = (re: RegExp) => {
    const m = re.exec(all);
    return m ? Number(m[1]) : undefined;
  };
  const phases = {
    peers: phase(/Pairs \/ peers: .*\(([\d.]+) s\)/),
    data: phase(/data computed: .*\(([\d.]+) s\)/),
    astro: phase(/site built \(([\d.]+) s\)/),
    published: phase(/published: .*\(([\d.]+) s\)/),
  };
  const node = readFileSync(usage, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { maxRSS: number; user: number; system: number });
  const nodePeakMB = Math.max(0, ...node.map((u) => u.maxRSS / 1024));
  let cpuS = node.reduce((s, u) => s + (u.user + u.system) / 1e6, 0);
  let peakMB = nodePeakMB;
  if (gnuTime && existsSync(timeFile)) {
    const t = readFileSync(timeFile, 'utf8');
    const num = (re: RegExp) => Number(re.exec(t)?.[1] ?? NaN);
    const user = num(/User time \(seconds\): ([\d.]+)/);
    const system = num(/System time \(seconds\): ([\d.]+)/);
    if (Number.isFinite(user + system)) cpuS = user + system;
    const rss = num(/Maximum resident set size \(kbytes\): (\d+)/);
    if (Number.isFinite(rss)) peakMB = Math.max(peakMB, rss / 1024);
  }
  return { ok: code === 0, wallS, phases, cpuS, peakMB, nodePeakMB, output: all };
}
