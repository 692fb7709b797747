/**
 * The deployment kit (kit/deploiement/): every workflow file is valid YAML, runs the project's own
 * npm scripts, publishes the folder the build writes, and derives SITE and BASE correctly from
 * what the host provides.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { KIT_FILES, kitDir, kitText } from '../../src/site/kit.ts';
import { normaliseBase } from '../../scripts/lib/static-server.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** The build's default output folder, as scripts/build.ts declares it. */
const buildOut = /out: \{ type: 'string', default: '([^']+)' \}/.exec(readFileSync('scripts/build.ts', 'utf8'))?.[1];

type Step = { uses?: string; run?: string; id?: string; env?: Record<string, string>; with?: Record<string, string> };

function yaml(file: string): Record<string, unknown> {
  const doc = parseDocument(kitText(file), { prettyErrors: true, uniqueKeys: true });
  expect(doc.errors.map(String), file).toEqual([]);
  expect(doc.warnings.map(String), file).toEqual([]);
  return doc.toJS() as Record<string, unknown>;
}

/** Every `npm run <script>` of a text names a script of package.json. */
function npmScripts(text: string): string[] {
  return [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
}

describe('kit/deploiement', () => {
  it('holds exactly the files the page lists', () => {
    expect(readdirSync(kitDir()).sort()).toEqual(KIT_FILES.map((k) => k.file).sort());
  });

  it.each(KIT_FILES.map((k) => k.file))('%s parses as YAML and runs only existing npm scripts', (file) => {
    yaml(file);
    const scripts = npmScripts(kitText(file));
    expect(scripts).toContain('build');
    for (const s of scripts) expect(pkg.scripts, s).toHaveProperty(s);
    expect(kitText(file)).toMatch(/^\s*- (run: )?npm ci$/m);
  });

  it('relies on npm ci for Node 22 (the node devDependency), so no setup-node step is needed', () => {
    expect(Number(/\d+/.exec(pkg.devDependencies.node ?? '')?.[0])).toBeGreaterThanOrEqual(22);
    const wf = yaml('github-pages.yml') as { jobs: Record<string, { steps: Step[] }> };
    const actions = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.uses?.split('@')[0]));
    expect(actions).not.toContain('actions/setup-node');
  });
});

describe('GitHub Pages workflow', () => {
  const wf = yaml('github-pages.yml') as {
    permissions: Record<string, string>;
    jobs: { build: { steps: Step[] }; deploy: { needs: string; steps: Step[]; environment: { name: string } } };
  };
  const steps = wf.jobs.build.steps;
  const uses = (name: string) => steps.find((s) => s.uses?.startsWith(`${name}@`));

  it('checks out, installs with npm ci, builds with SITE and BASE from configure-pages, uploads the build folder', () => {
    expect(uses('actions/checkout')).toBeDefined();
    const pages = uses('actions/configure-pages');
    expect(pages?.id).toBe('pages');
    const order = steps.map((s) => s.uses?.split('@')[0] ?? s.run);
    expect(order.indexOf('npm ci')).toBeLessThan(order.indexOf('npm run build'));
    const build = steps.find((s) => s.run === 'npm run build')!;
    expect(build.env?.SITE).toBe('${{ steps.pages.outputs.origin }}');
    expect(build.env?.BASE).toBe('${{ steps.pages.outputs.base_path }}/');
    expect(uses('actions/upload-pages-artifact')?.with?.path).toBe(buildOut);
  });

  it('gives a BASE the site accepts for a project site and for a custom domain', () => {
    // configure-pages' base_path is "/<repo>" for a project site and "" at the root of a domain.
    const base = (basePath: string) => wf.jobs.build.steps.find((s) => s.run === 'npm run build')!.env!.BASE!.replace('${{ steps.pages.outputs.base_path }}', basePath);
    expect(base('/clauses')).toBe('/clauses/');
    expect(base('')).toBe('/');
    for (const b of [base('/clauses'), base('')]) expect(normaliseBase(b)).toBe(b);
  });

  it('deploys with deploy-pages in the github-pages environment, with the permissions it needs', () => {
    expect(wf.jobs.deploy.needs).toBe('build');
    expect(wf.jobs.deploy.environment.name).toBe('github-pages');
    expect(wf.jobs.deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });
});

describe('GitLab Pages pipeline', () => {
  const ci = yaml('gitlab-ci.yml') as {
    pages: { script: string[]; pages: { publish: string }; artifacts: { paths: string[] } };
  };
  const job = ci.pages;

  it('installs, builds and publishes the build folder', () => {
    expect(job.script[0]).toBe('npm ci');
    expect(job.script.at(-1)).toBe('npm run build');
    expect(job.pages.publish).toBe(buildOut);
    expect(job.artifacts.paths).toEqual([buildOut]);
  });

  it('derives SITE and BASE from CI_PAGES_URL, with or without a sub-path', () => {
    const exports = job.script.filter((line) => line.startsWith('export '));
    expect(exports.map((l) => /^export (\w+)=/.exec(l)?.[1])).toEqual(['SITE', 'BASE']);
    const run = (url: string) =>
      execFileSync('sh', ['-c', `${exports.join('\n')}\nprintf '%s %s' "$SITE" "$BASE"`], {
        env: { PATH: process.env.PATH, CI_PAGES_URL: url },
        encoding: 'utf8',
      });
    expect(run('https://groupe.gitlab.io/clauses')).toBe('https://groupe.gitlab.io /clauses/');
    expect(run('https://groupe.gitlab.io/sous/groupe/clauses')).toBe('https://groupe.gitlab.io /sous/groupe/clauses/');
    expect(run('https://clauses-groupe-1a2b3c.gitlab.io')).toBe('https://clauses-groupe-1a2b3c.gitlab.io /');
    expect(run('https://pages.exemple.fr/')).toBe('https://pages.exemple.fr /');
  });
});
