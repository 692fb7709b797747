/**
 * `scripts/build.ts` end to end, on a temporary copy of data/: publishing is all or nothing.
 *
 * Three real builds (the budget of this file), in order, sharing one output folder:
 *   1. a good build publishes the site (its files are hashed: the reference);
 *   -  a bad cell, then a failure inside Astro, then a SIGTERM while Astro writes, all exit non-zero
 *      and leave dist/ byte-identical, no staging folder behind (they stop early: not full builds);
 *   2. a good build is SIGKILLed while Astro writes the site: dist/ is still the reference;
 *   3. the next build, started as if a swap had also been killed between its two renames, restores
 *      the previous site, removes the dead build's staging folder, succeeds, and publishes files
 *      byte-identical to build 1 (reproducibility: same data and code, same bytes) although it
 *      runs with the clock years ahead, in another time zone and locale.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { siteWarning } from '../../scripts/lib/site-url.ts';

/** What a build without SITE says on stderr (nothing else), as the child sees the same environment. */
const SITE_WARNING = siteWarning() ? `${siteWarning()}\n` : '';

const PROJECT = join(import.meta.dirname, '..', '..');
const TMP = mkdtempSync(join(tmpdir(), 'build-test-'));
const DATA = join(TMP, 'data');
const OUT = join(TMP, 'dist');
cpSync(join(PROJECT, 'data', 'pays-de-la-loire'), join(DATA, 'pays-de-la-loire'), { recursive: true });

const running = new Set<ChildProcess>();
afterAll(() => {
  // A build left running by a failed test: stop it and its helpers (its own process group).
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(TMP, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * Starts `node --import tsx scripts/build.ts` (one process: tsx's CLI would put a relay process in
 * between, which a SIGKILL would not reach), in its own process group so that the whole build
 * (esbuild, pagefind) can be killed at once. The environment is the one of `npm run build`.
 */
function startBuild(data: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Run {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$)/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, join(PROJECT, 'scripts', 'build.ts'), '--data', data, '--out', OUT], {
    cwd: PROJECT,
    detached: true,
    env: { ...clean, ...env },
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Awaited<Run['done']>>((resolve) =>
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, done };
}

/** Every file of `dir` → SHA-256 of its bytes, in path order. */
function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, rel);
    try {
      out.set(rel, createHash('sha256').update(readFileSync(path)).digest('hex'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EISDIR') throw e;
    }
  }
  return out;
}

/** Files that differ between two trees: `+` only in b, `-` only in a, `~` different bytes. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const diff: string[] = [];
  for (const [path, hash] of a)
    if (!b.has(path)) diff.push(`- ${path}`);
    else if (b.get(path) !== hash) diff.push(`~ ${path}`);
  for (const path of b.keys()) if (!a.has(path)) diff.push(`+ ${path}`);
  return diff;
}

/**
 * A module for `node --import` that moves the clock 3 years and 100 days ahead: with another time
 * zone and locale, a build that read the clock or the machine's settings would differ.
 */
const SHIFTED_CLOCK = join(TMP, 'shifted-clock.mjs');
writeFileSync(
  SHIFTED_CLOCK,
  `const shift = (3 * 365 + 100) * 86_400_000;
const RealDate = Date;
globalThis.Date = class extends RealDate {
  constructor(...args) { if (args.length === 0) super(RealDate.now() + shift); else super(...args); }
  static now() { return RealDate.now() + shift; }
};
`,
);
const ELSEWHERE = { TZ: 'Pacific/Honolulu', LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' };

/** Leftovers of the build machinery next to dist/ (staging folders, swap backup). */
const leftovers = () => readdirSync(TMP).filter((name) => name.startsWith('.dist-'));

let reference: Map<string, string>;

describe('npm run build', { timeout: 240_000 }, () => {
  it('1. publishes the site from valid data and leaves nothing behind', async () => {
    const { code, stdout, stderr } = await startBuild(DATA).done;
    // Built without SITE: the one thing said on stderr is that warning.
    expect(stderr).toBe(SITE_WARNING);
    expect(code).toBe(0);
    expect(stdout).toContain(`Publié / published: ${OUT}/`);
    reference = hashTree(OUT);
    expect(reference.has('index.html')).toBe(true);
    expect(reference.has('donnees/pays-de-la-loire/datapackage.json')).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('a bad cell: exit 1, the problem told in French and English, dist/ byte-identical, no staging folder', async () => {
    const bad = join(TMP, 'bad-data');
    cpSync(DATA, bad, { recursive: true });
    const heures = join(bad, 'pays-de-la-loire', 'heures.csv');
    const lines = readFileSync(heures, 'latin1').split('\n');
    expect(lines[1]).toMatch(/^P115228;2012-0041-L01;02\/2013;77,5;/);
    lines[1] = lines[1]!.replace(';77,5;', ';77h30;');
    writeFileSync(heures, lines.join('\n'), 'latin1');

    const { code, stdout } = await startBuild(bad).done;
    expect(code).toBe(1);
    expect(stdout).toContain(
      'heures.csv:2 [heures] « 77h30 » nombre.format — Nombre illisible : écrire par exemple 1234,5 ou 1234.5 ou 1 234,5 (sans unité, sans point comme séparateur de milliers).',
    );
    expect(stdout).toContain('heures.csv:2 [heures] "77h30" nombre.format — Unreadable number: write for example 1234,5 or 1234.5 or 1 234,5 (no unit, no dot as a thousands separator).');
    expect(stdout).toContain(`Rien n'est publié : ${OUT}/ reste tel quel. / Nothing published: ${OUT}/ is unchanged.`);
    expect(differences(reference, hashTree(OUT))).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it('a failure after the staging folder was made (Astro refuses its configuration): exit 1, dist/ byte-identical, staging removed', async () => {
    const { code, stdout, stderr } = await startBuild(DATA, { SITE: 'pas une adresse' }).done;
    expect(code).toBe(1);
    expect(stdout).toContain('Données calculées / data computed');
    expect(stderr).toContain("Échec de la construction, rien n'est publié / build failed, nothing published");
    expect(differences(reference, hashTree(OUT))).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  /** Starts a build and sends `signal` (to the build alone or its whole group) once Astro writes pages into the staging folder. */
  async function interrupt(signal: NodeJS.Signals, group: boolean) {
    const run = startBuild(DATA);
    const { child } = run;
    const site = join(TMP, `.dist-staging-${child.pid}`, 'site');
    let sent = false;
    while (child.exitCode === null) {
      if (existsSync(site) && readdirSync(site).length > 0) {
        process.kill(group ? -child.pid! : child.pid!, signal);
        sent = true;
        break;
      }
      await sleep(50);
    }
    const result = await run.done;
    expect(sent, `the build ended before it could be interrupted:\n${result.stdout}`).toBe(true);
    return { ...result, pid: child.pid! };
  }

  it('Ctrl-C or a stop (SIGTERM) while Astro writes the site: exit 143, dist/ byte-identical, staging removed', async () => {
    const { code, stderr } = await interrupt('SIGTERM', false);
    expect(code).toBe(143);
    expect(stderr).toContain("Construction interrompue (SIGTERM), rien n'est publié / build interrupted (SIGTERM), nothing published");
    expect(differences(reference, hashTree(OUT))).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it('2. a build SIGKILLed while it writes the site leaves dist/ whole and identical', async () => {
    // The whole process group, as a crash or the OOM killer would: esbuild and pagefind too.
    const { signal, pid } = await interrupt('SIGKILL', true);
    expect(signal).toBe('SIGKILL');
    expect(differences(reference, hashTree(OUT))).toEqual([]);
    // A SIGKILL cannot be caught: the half-written staging folder stays until the next build.
    expect(leftovers()).toEqual([`.dist-staging-${pid}`]);
  });

  it('3. the next build recovers (interrupted swap, dead staging folder), succeeds, and is byte-identical to build 1, even years later in another time zone and locale', async () => {
    const dead = leftovers();
    // As if a build had also been killed between the two renames of its swap.
    renameSync(OUT, join(TMP, '.dist-previous'));
    const { code, stdout, stderr } = await startBuild(DATA, ELSEWHERE, ['--import', SHIFTED_CLOCK]).done;
    expect(stderr).toBe(SITE_WARNING);
    expect(code).toBe(0);
    expect(stdout).toContain(`Site précédent restauré / previous site restored: ${OUT}`);
    expect(stdout).toContain(`Dossier provisoire abandonné supprimé / stale staging folder removed: ${join(TMP, dead[0]!)}`);
    expect(leftovers()).toEqual([]);
    const rebuilt = hashTree(OUT);
    expect(rebuilt.size).toBe(reference.size);
    expect(differences(reference, rebuilt), 'files that differ between two builds of the same data').toEqual([]);
  });
});
