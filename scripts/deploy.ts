/**
 * npm run deploy — puts a built site online without the data it was built from.
 *
 * The site is built on the publisher's machine (`npm run build`), where the participant-level
 * files stay. This script commits the built folder alone (`dist/` by default) to a branch of its
 * own (`site`), with no history shared with the code, and can push it: GitHub Pages serves that
 * branch as it is (Settings → Pages → « Deploy from a branch » → `site`, `/ (root)`), GitLab Pages
 * through the `.gitlab-ci.yml` of kit/deploiement/, written at the branch's root. Any other static
 * host takes the folder itself (rsync, an S3 bucket…).
 *
 *   npm run deploy                         dist/ → branch `site`
 *   npm run deploy -- --push               … and `git push origin site`
 *   npm run deploy -- --dir DIR --branch B --remote R
 *
 * Refused (exit 1, nothing committed): a folder that is not a built site, a folder holding a
 * participant-level table, or a repository that tracks the participant-level files of a publisher
 * whose data are not synthetic (they must never be in a repository: see .gitignore).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** The participant-level tables of a publisher folder: never published, never in a repository. */
export const PERSONAL_FILES = /(^|\/)(participants|heures)\.(csv|xlsx|xls|ods|txt|tsv)$/i;

const git = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) => execFileSync('git', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' }).trim();

/** Participant-level files the repository tracks for a publisher whose data are not synthetic. */
export function trackedPersonalFiles(repo: string): string[] {
  const tracked = git(repo, ['ls-files', '-z', '--', 'data']).split('\0').filter(Boolean);
  return tracked.filter((path) => {
    if (!PERSONAL_FILES.test(path)) return false;
    const meta = join(repo, path.split('/').slice(0, -1).join('/'), 'metadonnees.json');
    try {
      return (JSON.parse(readFileSync(meta, 'utf8')) as { synthetique?: unknown }).synthetique !== true;
    } catch {
      return true; // no readable metadata: nothing says the data are synthetic
    }
  });
}

function* filesOf(dir: string, root = dir): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesOf(path, root);
    else yield relative(root, path);
  }
}

export interface DeployOptions {
  repo: string;
  dir: string;
  branch: string;
  /** The kit's GitLab file, written at the branch's root. */
  gitlabCi: string;
  message: string;
}

/** Commits `dir` alone to `branch` (a history of its own); returns the commit. */
export function deploy(o: DeployOptions): string {
  const problems: string[] = [];
  if (!existsSync(join(o.dir, 'index.html')) || !existsSync(join(o.dir, 'donnees'))) {
    problems.push(`${o.dir} n'est pas un site construit (npm run build) / is not a built site (npm run build)`);
  }
  const personal = existsSync(o.dir) ? [...filesOf(o.dir)].filter((f) => PERSONAL_FILES.test(f) && !f.startsWith('donnees/standard/')) : [];
  for (const f of personal) problems.push(`${o.dir}/${f} : fichier de niveau participant dans le site / participant-level file in the site`);
  for (const f of trackedPersonalFiles(o.repo)) {
    problems.push(
      `${f} est suivi par git : les fichiers de niveau participant ne vont jamais dans un dépôt (git rm --cached ${f}) / ` +
        `${f} is tracked by git: participant-level files never go into a repository (git rm --cached ${f})`,
    );
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));

  // A temporary index: the working tree, the current branch and its index are left alone.
  const scratch = mkdtempSync(join(tmpdir(), 'deploy-'));
  try {
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    git(o.repo, ['--work-tree', o.dir, 'add', '--all', '--force', '.'], env);
    // GitHub Pages would hide `_astro/` (Jekyll skips folders starting with `_`) without this file.
    const blob = (text: string) => execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: o.repo, input: text, encoding: 'utf8' }).trim();
    git(o.repo, ['update-index', '--add', '--cacheinfo', `100644,${blob('')},.nojekyll`], env);
    git(o.repo, ['update-index', '--add', '--cacheinfo', `100644,${blob(o.gitlabCi)},.gitlab-ci.yml`], env);
    const tree = git(o.repo, ['write-tree'], env);
    let parent = '';
    try {
      parent = git(o.repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${o.branch}`]);
    } catch {
      parent = '';
    }
    if (parent && git(o.repo, ['rev-parse', `${parent}^{tree}`]) === tree) return parent;
    const commit = git(o.repo, ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', o.message]);
    git(o.repo, ['update-ref', `refs/heads/${o.branch}`, commit]);
    return commit;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function main(): number {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      branch: { type: 'string', default: 'site' },
      remote: { type: 'string', default: 'origin' },
      push: { type: 'boolean', default: false },
    },
  });
  const repo = resolve('.');
  const dir = resolve(values.dir);
  const version = (() => {
    try {
      return readdirSync(join(dir, 'donnees'))
        .filter((d) => existsSync(join(dir, 'donnees', d, 'publication.json')))
        .map((d) => `${d} ${(JSON.parse(readFileSync(join(dir, 'donnees', d, 'publication.json'), 'utf8')) as { version?: string }).version}`)
        .join(', ');
    } catch {
      return '';
    }
  })();
  const commit = deploy({
    repo,
    dir,
    branch: values.branch,
    gitlabCi: readFileSync(join(repo, 'kit', 'deploiement', 'gitlab-ci.yml'), 'utf8'),
    message: `Site publié / published site${version ? ` (${version})` : ''}`,
  });
  console.log(`Branche ${values.branch} : ${commit.slice(0, 12)} (le site seul, sans les données) / branch ${values.branch}: the site alone, without the data`);
  if (values.push) {
    execFileSync('git', ['push', values.remote, `refs/heads/${values.branch}:refs/heads/${values.branch}`], { stdio: 'inherit' });
    console.log(`Envoyé / pushed: ${values.remote} ${values.branch}`);
  } else {
    console.log(`Pour le mettre en ligne / to put it online: git push ${values.remote} ${values.branch}`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  try {
    process.exit(main());
  } catch (e: unknown) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
