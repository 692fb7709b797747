/**
 * The deployment kit (kit/deploiement/) and `npm run deploy`: the site is built on the publisher's
 * computer and only the built folder goes online; no file of the kit builds in a forge or needs
 * the data there.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { deploy, trackedPersonalFiles } from '../../scripts/deploy.ts';
import { KIT_FILES, kitDir, kitText } from '../../src/site/kit.ts';

function yaml(file: string): Record<string, unknown> {
  const doc = parseDocument(kitText(file), { prettyErrors: true, uniqueKeys: true });
  expect(doc.errors.map(String), file).toEqual([]);
  expect(doc.warnings.map(String), file).toEqual([]);
  return doc.toJS() as Record<string, unknown>;
}

describe('kit/deploiement', () => {
  it('holds exactly the files the page lists', () => {
    expect(readdirSync(kitDir()).sort()).toEqual(KIT_FILES.map((k) => k.file).sort());
  });

  it('builds nothing and needs no data: no npm, no build, no data folder', () => {
    for (const { file } of KIT_FILES) {
      const text = kitText(file)
        .split('\n')
        .filter((l) => !l.trim().startsWith('#'))
        .join('\n');
      expect(text, file).not.toMatch(/npm|build|data\//);
    }
  });
});

describe('GitLab Pages pipeline', () => {
  const job = (yaml('gitlab-ci.yml') as { pages: { rules: { if: string }[]; script: string[]; artifacts: { paths: string[] } } }).pages;

  it('runs on the site branch only and publishes it as public/', () => {
    expect(job.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == "site"' }]);
    expect(job.artifacts.paths).toEqual(['public']);
  });

  it('its script puts every file of the branch in public/, in a shell', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gitlab-pages-'));
    try {
      mkdirSync(join(dir, 'donnees'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html>');
      writeFileSync(join(dir, 'donnees', 'a.csv'), 'x');
      execFileSync('sh', ['-c', job.script.join('\n')], { cwd: dir });
      expect(readdirSync(join(dir, 'public')).sort()).toEqual(['donnees', 'index.html']);
      expect(readFileSync(join(dir, 'public', 'donnees', 'a.csv'), 'utf8')).toBe('x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run deploy', () => {
  const root = mkdtempSync(join(tmpdir(), 'deploy-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

  /** A publisher's repository: the kit's code, a real publisher's folder, a built site. */
  function repo(name: string, { trackPersonal = false } = {}) {
    const dir = join(root, name);
    mkdirSync(join(dir, 'data', 'departement-test'), { recursive: true });
    git(root, 'init', '-q', '-b', 'main', dir);
    git(dir, 'config', 'user.email', 'test@example.org');
    git(dir, 'config', 'user.name', 'Test');
    cpSync('.gitignore', join(dir, '.gitignore'));
    writeFileSync(join(dir, 'data', 'departement-test', 'metadonnees.json'), JSON.stringify({ id: 'departement-test', synthetique: false }));
    writeFileSync(join(dir, 'data', 'departement-test', 'marches.csv'), 'id_marche\nM1\n');
    writeFileSync(join(dir, 'data', 'departement-test', 'participants.csv'), 'id_participant\nP00001\n');
    writeFileSync(join(dir, 'data', 'departement-test', 'heures.csv'), 'id_participant\nP00001\n');
    git(dir, 'add', '.');
    if (trackPersonal) git(dir, 'add', '--force', 'data/departement-test/participants.csv');
    git(dir, 'commit', '-q', '-m', 'code et données publiables');
    const dist = join(dir, 'dist');
    mkdirSync(join(dist, 'donnees', 'departement-test'), { recursive: true });
    mkdirSync(join(dist, '_astro'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Site</title>');
    writeFileSync(join(dist, '_astro', 'site.css'), 'body{}');
    writeFileSync(join(dist, 'donnees', 'departement-test', 'heures-par-annee.csv'), 'annee,heures_realisees\n2023,10\n');
    return { dir, dist };
  }
  const options = (dir: string, dist: string) => ({ repo: dir, dir: dist, branch: 'site', gitlabCi: kitText('gitlab-ci.yml'), message: 'Site publié' });

  it('the kit ignores participant-level files in a publisher folder by default', () => {
    const { dir } = repo('ignore');
    const tracked = git(dir, 'ls-files', 'data');
    expect(tracked.split('\n').sort()).toEqual(['data/departement-test/marches.csv', 'data/departement-test/metadonnees.json']);
  });

  it('commits the built site alone to a branch of its own, and leaves the working tree and main alone', () => {
    const { dir, dist } = repo('deploy');
    const head = git(dir, 'rev-parse', 'HEAD');
    const commit = deploy(options(dir, dist));
    expect(git(dir, 'ls-tree', '-r', '--name-only', commit).split('\n').sort()).toEqual([
      '.gitlab-ci.yml',
      '.nojekyll',
      '_astro/site.css',
      'donnees/departement-test/heures-par-annee.csv',
      'index.html',
    ]);
    // A history of its own: one commit, no parent shared with the code.
    expect(git(dir, 'rev-list', '--count', commit)).toBe('1');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    // The same site again adds no commit; a changed site adds one on top.
    expect(deploy(options(dir, dist))).toBe(commit);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Site v2</title>');
    const next = deploy(options(dir, dist));
    expect(git(dir, 'rev-parse', `${next}^`)).toBe(commit);
  });

  it('refuses when git tracks a non-synthetic publisher’s participant-level file', () => {
    const { dir, dist } = repo('tracked', { trackPersonal: true });
    expect(trackedPersonalFiles(dir)).toEqual(['data/departement-test/participants.csv']);
    expect(() => deploy(options(dir, dist))).toThrow(/participants\.csv[\s\S]*git rm --cached/);
    expect(() => git(dir, 'rev-parse', '--verify', '--quiet', 'refs/heads/site')).toThrow();
  });

  it('refuses a folder that is not a built site, or that holds a participant-level table', () => {
    const { dir, dist } = repo('refuse');
    expect(() => deploy(options(dir, join(dir, 'data')))).toThrow(/pas un site construit/);
    writeFileSync(join(dist, 'donnees', 'departement-test', 'heures.csv'), 'x');
    expect(() => deploy(options(dir, dist))).toThrow(/heures\.csv : fichier de niveau participant/);
  });
});
