/**
 * scripts/lib/atomic-dir.ts on temporary folders: the swap that replaces dist/, its recovery after
 * a crash between its two renames (simulated on disk, and for real by SIGKILLing a process at that
 * point), and the staging folders of killed builds.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { backupPath, makeStagingDir, processRunning, recoverInterruptedSwap, removeStaleStagingDirs, stagingPath, swapInto } from '../../scripts/lib/atomic-dir.ts';

const MODULE = join(import.meta.dirname, '..', '..', 'scripts', 'lib', 'atomic-dir.ts');
const TMP = mkdtempSync(join(tmpdir(), 'atomic-dir-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

let n = 0;
let root: string;
beforeEach(() => {
  root = join(TMP, `case-${++n}`);
  mkdirSync(root);
});

/** Writes `files` (relative path → text) under `dir`. */
function write(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Every file under `dir` → SHA-256 of its bytes, sorted by path. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const OLD = { 'index.html': 'old site', 'donnees/a.csv': 'a;b\n1;2\n', 'only-old.txt': 'gone after the swap' };
const NEW = { 'index.html': 'new site', 'donnees/a.csv': 'a;b\n3;4\n', 'donnees/b/c.json': '{}' };

describe('makeStagingDir', () => {
  it('makes an empty folder next to the target, named after it and the label', async () => {
    const target = join(root, 'dist');
    const dir = await makeStagingDir(target, '123');
    expect(dir).toBe(join(root, '.dist-staging-123'));
    expect(dir).toBe(stagingPath(target, '123'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('empties a staging folder left with the same label', async () => {
    const target = join(root, 'dist');
    write(stagingPath(target, '7'), { 'left/over.html': 'x' });
    expect(readdirSync(await makeStagingDir(target, '7'))).toEqual([]);
  });

  it('creates missing parents of the target', async () => {
    const dir = await makeStagingDir(join(root, 'a', 'b', 'dist'), '1');
    expect(existsSync(dir)).toBe(true);
  });
});

describe('swapInto', () => {
  it('moves the staged folder in when there was no target', async () => {
    const target = join(root, 'dist');
    const staged = write(join(root, 'staged'), NEW);
    const expected = tree(staged);
    await swapInto(staged, target);
    expect(tree(target)).toEqual(expected);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('replaces the whole target: no file of the old one is left, no backup either', async () => {
    const target = write(join(root, 'dist'), OLD);
    const staged = write(join(root, 'staged'), NEW);
    const expected = tree(staged);
    await swapInto(staged, target);
    expect(tree(target)).toEqual(expected);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('puts the previous target back when the staged folder cannot be moved in', async () => {
    const target = write(join(root, 'dist'), OLD);
    const before = tree(target);
    await expect(swapInto(join(root, 'no-such-folder'), target)).rejects.toThrow(/ENOENT/);
    expect(tree(target)).toEqual(before);
    expect(existsSync(backupPath(target))).toBe(false);
  });

  it('after a swap interrupted between its renames, restores the previous site instead of deleting it', async () => {
    const target = write(join(root, 'dist'), OLD);
    const before = tree(target);
    renameSync(target, backupPath(target)); // the first rename of a killed swap
    // The next swap fails too (its staged folder is missing): the previous site must still be there.
    await expect(swapInto(join(root, 'missing'), target)).rejects.toThrow();
    expect(tree(target)).toEqual(before);
  });
});

describe('recoverInterruptedSwap', () => {
  it('does nothing when no swap was interrupted', async () => {
    const target = write(join(root, 'dist'), OLD);
    const before = tree(target);
    expect(await recoverInterruptedSwap(target)).toBe(false);
    expect(await recoverInterruptedSwap(join(root, 'never-built'))).toBe(false);
    expect(tree(target)).toEqual(before);
  });

  it('crash between the two renames (state on disk): the previous site is restored whole', async () => {
    const target = write(join(root, 'dist'), OLD);
    const before = tree(target);
    const staged = write(join(root, 'staged'), NEW);
    renameSync(target, backupPath(target));
    expect(existsSync(target)).toBe(false);

    expect(await recoverInterruptedSwap(target)).toBe(true);
    expect(tree(target)).toEqual(before);
    expect(existsSync(backupPath(target))).toBe(false);
    // And the next swap goes through.
    await swapInto(staged, target);
    expect(tree(target)['index.html']).toBe(createHash('sha256').update('new site').digest('hex'));
  });

  it('crash after the second rename, or while removing the backup: the new site stays, the backup goes', async () => {
    const target = write(join(root, 'dist'), NEW);
    const after = tree(target);
    write(backupPath(target), { 'index.html': 'old', 'donnees/half-removed.csv': '' });
    expect(await recoverInterruptedSwap(target)).toBe(false);
    expect(tree(target)).toEqual(after);
    expect(existsSync(backupPath(target))).toBe(false);
  });
});

describe('a process SIGKILLed between the two renames of swapInto', () => {
  /**
   * Runs swapInto in a child process whose `rename` kills the process (SIGKILL, nothing runs after
   * it) right after moving the target to its backup. `syncBuiltinESMExports` makes the patched
   * function visible to atomic-dir.ts's `import { rename } from 'node:fs/promises'`.
   */
  function swapAndDie(staged: string, target: string): Promise<NodeJS.Signals | null> {
    const code = `
      import { createRequire, syncBuiltinESMExports } from 'node:module';
      const fsp = createRequire(import.meta.url)('node:fs/promises');
      const [mod, staged, target] = process.argv.slice(1);
      const rename = fsp.rename;
      fsp.rename = async (from, to) => {
        await rename(from, to);
        if (from === target) process.kill(process.pid, 'SIGKILL');
      };
      syncBuiltinESMExports();
      const { swapInto } = await import(mod);
      await swapInto(staged, target);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, MODULE, staged, target], { stdio: 'inherit' });
    return new Promise((done) => child.on('exit', (_, signal) => done(signal)));
  }

  it('leaves the previous site whole in the backup, and the next build start restores it', { timeout: 60_000 }, async () => {
    const target = write(join(root, 'dist'), OLD);
    const before = tree(target);
    const staged = write(join(root, 'staged'), NEW);
    expect(await swapAndDie(staged, target)).toBe('SIGKILL');
    expect(existsSync(target)).toBe(false);
    expect(tree(backupPath(target))).toEqual(before);

    expect(await recoverInterruptedSwap(target)).toBe(true);
    expect(tree(target)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['dist', 'staged']);
  });
});

describe('removeStaleStagingDirs', () => {
  it('removes the staging folders of processes that no longer run, keeps the others', async () => {
    const target = join(root, 'dist');
    for (const label of ['111', '222', String(process.pid), 'manual']) write(stagingPath(target, label), { 'site/index.html': label });
    write(join(root, 'dist'), OLD);
    write(join(root, '.other-staging-111'), { x: 'not ours' });
    const running = new Set([222]);
    const removed = await removeStaleStagingDirs(target, (pid) => running.has(pid));
    expect(removed).toEqual([stagingPath(target, '111')]);
    expect(readdirSync(root).sort()).toEqual(['.dist-staging-222', `.dist-staging-${process.pid}`, '.dist-staging-manual', '.other-staging-111', 'dist'].sort());
  });

  it('tells running processes from exited ones', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid!;
    await new Promise((done) => child.on('exit', done));
    expect(processRunning(process.pid)).toBe(true);
    expect(processRunning(pid)).toBe(false);
    const target = join(root, 'dist');
    write(stagingPath(target, String(pid)), { 'site/index.html': 'killed build' });
    expect(await removeStaleStagingDirs(target)).toEqual([stagingPath(target, String(pid))]);
  });

  it('accepts a target whose parent does not exist', async () => {
    expect(await removeStaleStagingDirs(join(root, 'no', 'dist'))).toEqual([]);
  });
});
