/**
 * Full builds in a child process, as `npm run build` runs them, from a copy of the project: Astro
 * writes its temporary files under the project root (`.astro/`), so two builds from one root at
 * once (one test file beside another, or someone's `npm run build`) would overwrite each other's.
 */
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT = join(import.meta.dirname, '..', '..', '..');

/** A copy of the project in `dir/project` (sources, config, data; `node_modules` linked), for builds of its own. */
export function projectCopy(dir: string): string {
  const root = join(dir, 'project');
  for (const entry of readdirSync(PROJECT)) {
    if (!['node_modules', '.git', '.cache', '.astro', 'dist', 'test'].includes(entry)) cpSync(join(PROJECT, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

export interface BuildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `scripts/build.ts <args>` of the project copy `root`, in a child process, with the environment of `npm run build`. */
export function runBuild(root: string, args: readonly string[], env: Record<string, string> = {}): Promise<BuildRun> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$|EDITEUR$)/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'build.ts'), ...args], { cwd: root, env: { ...clean, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
