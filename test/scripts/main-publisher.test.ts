/**
 * The build says which publisher its pages show and why, and refuses a synthetic folder next to
 * real data unless asked for (`--avec-synthetique`). `scripts/build.ts --data-only` on two copies of
 * the small fixture `valide/`: one synthetic (as it is), one marked real.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const PROJECT = join(import.meta.dirname, '..', '..');
const TMP = mkdtempSync(join(tmpdir(), 'main-publisher-'));
const DATA = join(TMP, 'data');
const OUT = join(TMP, 'out');
const FIXTURE = join(PROJECT, 'test', 'fixtures', 'valide');
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** The fixture as publisher `id`, synthetic or not. */
function publisher(id: string, synthetique: boolean): void {
  cpSync(FIXTURE, join(DATA, id), { recursive: true });
  const meta = JSON.parse(readFileSync(join(FIXTURE, 'metadonnees.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(DATA, id, 'metadonnees.json'), JSON.stringify({ ...meta, id, synthetique }));
}
publisher('exemple', true);
publisher('reel', false);

function build(...args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$|EDITEUR$|AVEC_SYNTHETIQUE$)/.test(k)));
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT, 'scripts', 'build.ts'), '--data', DATA, '--out', OUT, '--data-only', ...args], {
    cwd: PROJECT,
    env,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the main publisher of a build', () => {
  it('refuses a synthetic folder next to real data, publishing nothing', () => {
    const r = build();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Données synthétiques à côté de vraies données : exemple (synthetique: true) serait publié avec reel.');
    expect(r.stderr).toContain('Synthetic data next to real data: exemple (synthetique: true) would be published with reel.');
    expect(existsSync(OUT)).toBe(false);
  });

  it('publishes both when asked for, and says which one the pages show and why', () => {
    const r = build('--avec-synthetique');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Éditeur principal / main publisher: reel — le seul aux données réelles (exemple : synthétique) / the only one with real data (exemple: synthetic)');
    expect(existsSync(join(OUT, 'donnees', 'exemple', 'datapackage.json'))).toBe(true);
    expect(existsSync(join(OUT, 'donnees', 'reel', 'datapackage.json'))).toBe(true);
  });
});
