/**
 * The code a run measures. Other engineers edit the tree while the benchmark runs (the validator
 * changed ten times during one 9-minute run), so at the start the sources the children load are
 * copied to `.cache/bench/code/<hash>/` and every child of the run, profile included, runs that
 * copy: all scales measure one version, the one on disk when the run started.
 *
 * Module resolution still finds `node_modules/` by walking up from `.cache/bench/code/<hash>/`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { BENCH_DIR } from './datasets.ts';

/** What the children import: the CSV layer, the validator, schemas, fs input, the bench itself. */
const COPIED = ['src', 'scripts/lib', 'scripts/bench', 'scripts/sample'];
const SNAPSHOTS = join(BENCH_DIR, 'code');
const KEEP = 5;

export interface Snapshot {
  /** Short hash of the copied sources. */
  hash: string;
  /** Root of the copy: `<dir>/scripts/bench/ours.ts` is our child. */
  dir: string;
  /** Commit checked out (read with `git rev-parse` only), or `unknown`. */
  commit: string;
}

function gitHead(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** Copies the sources (once per distinct content) and returns where. */
export function snapshotSources(root = process.cwd()): Snapshot {
  const files = COPIED.flatMap((d) =>
    readdirSync(join(root, d), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(root, join(e.parentPath, e.name))),
  ).sort();
  const contents = files.map((f) => readFileSync(join(root, f)));
  const hasher = createHash('sha256');
  files.forEach((f, i) => hasher.update(f).update('\0').update(contents[i]!).update('\0'));
  const hash = hasher.digest('hex').slice(0, 12);
  const dir = join(SNAPSHOTS, hash);
  if (!existsSync(dir)) {
    const partial = `${dir}.partial-${process.pid}`;
    files.forEach((f, i) => {
      mkdirSync(dirname(join(partial, f)), { recursive: true });
      writeFileSync(join(partial, f), contents[i]!);
    });
    renameSync(partial, dir);
  }
  prune(hash);
  return { hash, dir: resolve(dir), commit: gitHead() };
}

/** Keeps the most recent snapshots only. */
function prune(current: string): void {
  const old = readdirSync(SNAPSHOTS)
    .filter((name) => name !== current)
    .map((name) => ({ name, mtime: statSync(join(SNAPSHOTS, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)
    .slice(KEEP - 1);
  for (const { name } of old) rmSync(join(SNAPSHOTS, name), { recursive: true, force: true });
}
