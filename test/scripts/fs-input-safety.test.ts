/**
 * Nothing the data or the command line says can make the build read outside data/ or write outside
 * dist/: publisher folders reached through `..`, absolute paths or symbolic links are refused,
 * links inside a folder are not followed, badly named folders are refused with a FR/EN message;
 * `--out` must be a folder of its own; published paths built from the data stay in the publication.
 */
import { execFileSync, execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputDir, OutputError, publishedPath, type ProtectedDir } from '../../scripts/lib/atomic-dir.ts';
import { InputError, listPublisherFolders, readPublisherFolder } from '../../scripts/lib/fs-input.ts';
import { runPipeline } from '../../src/lib/pipeline.ts';
import { highs } from '../lib/released.ts';

const PROJECT = resolve(import.meta.dirname, '..', '..');
const VALID = join(PROJECT, 'test', 'fixtures', 'valide');
const TMP = mkdtempSync(join(tmpdir(), 'fs-input-safety-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

let roots = 0;
/** A fresh data root holding the valid fixture as publisher `valide`. */
function dataRoot(): string {
  const root = join(TMP, `data-${++roots}`);
  mkdirSync(root);
  cpSync(VALID, join(root, 'valide'), { recursive: true });
  return root;
}

/** The FR / EN sentence of the InputError or OutputError `p` rejects with, temp paths replaced. */
async function refusal(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof InputError || e instanceof OutputError) return `${e.text.fr} / ${e.text.en}`.replaceAll(TMP, '<tmp>').replaceAll(PROJECT, '<project>');
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('publisher folders cannot be read from outside the data root', () => {
  const shown = (path: string) => path.replaceAll(TMP, '<tmp>');

  it('refuses a path that climbs out with ..', async () => {
    const root = dataRoot();
    const other = dataRoot();
    const climbing = join(root, 'valide', '..', '..', basename(other), 'valide');
    expect(await refusal(readPublisherFolder(climbing, root))).toBe(
      `Dossier refusé : ${shown(resolve(climbing))} est en dehors de ${shown(root)}. / Folder refused: ${shown(resolve(climbing))} is outside ${shown(root)}.`,
    );
    // The data root itself is not a publisher folder either.
    expect(await refusal(readPublisherFolder(join(root, 'valide', '..'), root))).toMatch(/^Dossier refusé : .* est en dehors de .* \/ Folder refused: .* is outside /);
  });

  it('refuses an absolute path elsewhere on the disk', async () => {
    const root = dataRoot();
    const elsewhere = join(TMP, 'ailleurs');
    cpSync(VALID, elsewhere, { recursive: true });
    expect(await refusal(readPublisherFolder(elsewhere, root))).toBe(`Dossier refusé : <tmp>/ailleurs est en dehors de ${shown(root)}. / Folder refused: <tmp>/ailleurs is outside ${shown(root)}.`);
    expect(await refusal(readPublisherFolder('/etc', root))).toBe(`Dossier refusé : /etc est en dehors de ${shown(root)}. / Folder refused: /etc is outside ${shown(root)}.`);
  });

  it('refuses a publisher folder that is a symbolic link to a folder outside', async () => {
    const root = dataRoot();
    const outside = join(TMP, 'dehors');
    cpSync(VALID, outside, { recursive: true });
    symlinkSync(outside, join(root, 'lien'));
    const link = shown(join(root, 'lien'));
    const message = `Dossier d'éditeur refusé : ${link} est un lien symbolique. / Publisher folder refused: ${link} is a symbolic link.`;
    expect(await refusal(listPublisherFolders(root))).toBe(message);
    expect(await refusal(readPublisherFolder(join(root, 'lien'), root))).toBe(message);
  });

  it('refuses a folder reached through a symbolic link in the middle of its path', async () => {
    const root = dataRoot();
    mkdirSync(join(TMP, 'hors', 'editeur'), { recursive: true });
    symlinkSync(join(TMP, 'hors'), join(root, 'passage'));
    const dir = shown(join(root, 'passage', 'editeur'));
    expect(await refusal(readPublisherFolder(join(root, 'passage', 'editeur'), root))).toBe(
      `Dossier refusé : ${dir} est en dehors de ${shown(root)}. / Folder refused: ${dir} is outside ${shown(root)}.`,
    );
  });

  it.each([
    ['upper case', 'Pays-De-La-Loire'],
    ['a space', 'pays de la loire'],
    ['an accent', 'région'],
    ['a Unicode hyphen', 'pays\u2010de-la-loire'],
    ['an underscore', 'pays_de_la_loire'],
    ['a leading dot', '.cache'],
    ['a leading hyphen', '-pays'],
    ['two hyphens in a row', 'pays--loire'],
  ])('refuses a folder name with %s, naming it in French and English', async (_, name) => {
    const root = dataRoot();
    mkdirSync(join(root, name));
    const message = `Nom de dossier d'éditeur refusé : « ${name} » (minuscules et chiffres, groupes reliés par un tiret : departement-ille-et-vilaine). / Publisher folder name refused: "${name}" (lower-case letters and digits, groups joined by one hyphen: departement-ille-et-vilaine).`;
    expect(await refusal(listPublisherFolders(root))).toBe(message);
    expect(await refusal(readPublisherFolder(join(root, name), root))).toBe(message);
  });
});

describe('inside a publisher folder, only regular files are read', () => {
  it('does not follow a symbolic link to a file outside: it is reported, its content never read, nothing published', async () => {
    const root = dataRoot();
    const secret = join(TMP, 'secret.csv');
    writeFileSync(secret, 'id_participant;nom;prenom\nP1;SECRET-NOM;SECRET-PRENOM\n');
    rmSync(join(root, 'valide', 'participants.csv'));
    symlinkSync(secret, join(root, 'valide', 'participants.csv'));
    symlinkSync(join(root, 'valide', 'heures.csv'), join(root, 'valide', 'copie.csv')); // even a link that stays inside
    const input = await readPublisherFolder(join(root, 'valide'), root);
    expect(input.refused).toEqual(['copie.csv', 'participants.csv']);
    expect(Object.keys(input.files)).not.toContain('participants.csv');
    const result = await runPipeline([{ input }], { highs });
    expect(result.ok).toBe(false);
    expect(result.files.size).toBe(0);
    const report = result.reports[0]!;
    expect(
      report.issues
        .filter((i) => i.rule === 'fichier.lien_symbolique')
        .map((i) => `${i.file}: ${i.message.fr} / ${i.message.en}`)
        .sort(),
    ).toEqual([
      "copie.csv: Lien symbolique : refusé, il pourrait désigner un fichier hors du dossier de l'éditeur. Copiez le fichier lui-même. / Symbolic link: refused, it could point to a file outside the publisher's folder. Copy the file itself.",
      "participants.csv: Lien symbolique : refusé, il pourrait désigner un fichier hors du dossier de l'éditeur. Copiez le fichier lui-même. / Symbolic link: refused, it could point to a file outside the publisher's folder. Copy the file itself.",
    ]);
    expect(JSON.stringify(result.reports)).not.toContain('SECRET');
  });

  it('skips a named pipe and a sub-folder instead of reading them (a pipe would block the build)', async () => {
    const root = dataRoot();
    rmSync(join(root, 'valide', 'heures.csv'));
    execFileSync('mkfifo', [join(root, 'valide', 'heures.csv')]);
    mkdirSync(join(root, 'valide', 'operations.csv.d'));
    const input = await readPublisherFolder(join(root, 'valide'), root);
    expect(Object.keys(input.files)).not.toContain('heures.csv');
    expect(Object.keys(input.files)).not.toContain('operations.csv.d');
    const result = await runPipeline([{ input }], { highs });
    expect(result.ok).toBe(false);
    expect(result.reports[0]!.issues.some((i) => i.rule === 'fichier.absent' && i.file === 'heures.csv')).toBe(true);
  });
});

describe('the output folder must be a folder of its own', () => {
  const guard = (data: string): { notParentOf: ProtectedDir[]; notInside: ProtectedDir[] } => ({
    notParentOf: [
      { path: data, what: { fr: 'les données', en: 'the data' } },
      { path: PROJECT, what: { fr: 'le projet', en: 'the project' } },
    ],
    notInside: [
      { path: data, what: { fr: 'les données', en: 'the data' } },
      { path: join(PROJECT, 'src'), what: { fr: 'src/', en: 'src/' } },
    ],
  });
  const check = (out: string, data = join(TMP, 'proj', 'data')) => refusal(() => checkOutputDir(out, guard(data)));
  const accepts = (out: string) => expect(() => checkOutputDir(out, guard(join(TMP, 'proj', 'data')))).not.toThrow();

  it('refuses the file-system root, however written', async () => {
    const root =
      'Dossier de sortie refusé : {out} est la racine du système de fichiers. Choisissez un dossier dédié, par exemple dist/. / Output folder refused: {out} is the root of the file system. Choose a dedicated folder, for example dist/.';
    expect(await check('/')).toBe(root.replaceAll('{out}', '/'));
    expect(await check('/tmp/..')).toBe(root.replaceAll('{out}', '/tmp/..'));
    symlinkSync('/', join(TMP, 'racine'));
    expect(await check(join(TMP, 'racine'))).toBe(root.replaceAll('{out}', '<tmp>/racine'));
  });

  it('refuses the project, the data, and any folder holding them', async () => {
    mkdirSync(join(TMP, 'proj', 'data'), { recursive: true });
    expect(await check(PROJECT)).toBe(
      'Dossier de sortie refusé : <project> contient le projet (<project>), que la construction effacerait. Choisissez un dossier dédié, par exemple dist/. / Output folder refused: <project> holds the project (<project>), which the build would erase. Choose a dedicated folder, for example dist/.',
    );
    // The project's parent holds the project, and also this test's data when the project itself
    // lives in the system's temporary folder (as a CI clone may): either reason refuses it.
    expect(await check(`${PROJECT}/..`)).toMatch(
      /^Dossier de sortie refusé : <project>\/\.\. contient (le projet \(<project>\)|les données \(<tmp>\/proj\/data\)), que la construction effacerait\. .* \/ Output folder refused: <project>\/\.\. holds (the project|the data) /,
    );
    expect(await check(join(TMP, 'proj', 'data'))).toMatch(/^Dossier de sortie refusé : <tmp>\/proj\/data contient les données \(<tmp>\/proj\/data\), .* holds the data \(<tmp>\/proj\/data\)/);
    expect(await check(join(TMP, 'proj'))).toMatch(/contient les données .* holds the data/);
    expect(await check(TMP)).toMatch(/contient les données .* holds the data/);
  });

  it('refuses a folder inside the data or the sources', async () => {
    expect(await check(join(TMP, 'proj', 'data', 'dist'))).toBe(
      'Dossier de sortie refusé : <tmp>/proj/data/dist se trouve dans les données (<tmp>/proj/data). Choisissez un dossier dédié, par exemple dist/. / Output folder refused: <tmp>/proj/data/dist is inside the data (<tmp>/proj/data). Choose a dedicated folder, for example dist/.',
    );
    expect(await check(join(PROJECT, 'src', 'pages'))).toMatch(/se trouve dans src\/ .* is inside src\//);
    // A link that leads into the data is followed before judging.
    symlinkSync(join(TMP, 'proj', 'data'), join(TMP, 'vers-donnees'));
    expect(await check(join(TMP, 'vers-donnees', 'dist'))).toMatch(/se trouve dans les données/);
  });

  it('refuses a file, and a folder that holds something other than an earlier build', async () => {
    writeFileSync(join(TMP, 'un-fichier'), 'x');
    expect(await check(join(TMP, 'un-fichier'))).toBe(
      "Dossier de sortie refusé : <tmp>/un-fichier existe et n'est pas un dossier. / Output folder refused: <tmp>/un-fichier exists and is not a folder.",
    );
    mkdirSync(join(TMP, 'documents'));
    writeFileSync(join(TMP, 'documents', 'lettre.txt'), 'x');
    expect(await check(join(TMP, 'documents'))).toMatch(/^Dossier de sortie refusé : <tmp>\/documents n'est pas vide et ne contient ni un site construit par ce projet .* ni ses seules données/);
    // donnees/ alone is not enough: a site has index.html, a data-only build validation/.
    mkdirSync(join(TMP, 'documents', 'donnees'));
    expect(await check(join(TMP, 'documents'))).toMatch(/holds neither a site built by this project \(index.html and donnees\/\) nor its data alone/);
    // donnees/ and validation/ with anything else beside them is not a data-only build either.
    mkdirSync(join(TMP, 'documents', 'validation'));
    expect(await check(join(TMP, 'documents'))).toMatch(/holds neither a site built by this project/);
  });

  it('accepts a new folder, an empty one, and an earlier build', () => {
    accepts(join(TMP, 'sortie', 'dist'));
    mkdirSync(join(TMP, 'vide'));
    accepts(join(TMP, 'vide'));
    mkdirSync(join(TMP, 'ancien', 'donnees'), { recursive: true });
    writeFileSync(join(TMP, 'ancien', 'index.html'), '<!doctype html>');
    accepts(join(TMP, 'ancien'));
    // An earlier `--data-only` build: the published files alone.
    mkdirSync(join(TMP, 'donnees-seules', 'donnees'), { recursive: true });
    mkdirSync(join(TMP, 'donnees-seules', 'validation'));
    accepts(join(TMP, 'donnees-seules'));
    accepts(join(PROJECT, 'dist'));
  });
});

describe('published paths built from the data stay inside the publication folder', () => {
  const pub = join(TMP, 'publication');
  it('accepts plain relative paths', () => {
    expect(publishedPath(pub, 'donnees/valide/valide-test.1.xlsx')).toBe(join(pub, 'donnees', 'valide', 'valide-test.1.xlsx'));
  });

  it.each(['', '/etc/passwd', '../x', 'donnees/../../x', 'donnees/valide/valide-/../../../../../escaped.xlsx', 'a//b', 'a/./b', 'a/', 'a\\..\\b', 'a\u0000b', 'a\nb'])('refuses %j', async (path) => {
    expect(await refusal(() => publishedPath(pub, path))).toBe(
      `Chemin de fichier publié refusé : « ${path} » sortirait du dossier de publication (chemin absolu, « .. » ou caractère interdit). / Published file path refused: "${path}" would leave the publication folder (absolute path, ".." or forbidden character).`,
    );
  });
});

// Each case starts the real build script (tsx); they run in parallel, and fail before any output.
describe('scripts/build.ts refuses a dangerous --out before reading or writing anything', { timeout: 120_000 }, () => {
  const TSX = join(PROJECT, 'node_modules', '.bin', 'tsx');
  const build = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(TSX, [join(PROJECT, 'scripts', 'build.ts'), ...args], { cwd: PROJECT }, (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, stdout, stderr: stderr.replaceAll(TMP, '<tmp>').replaceAll(PROJECT, '<project>') }),
      );
    });

  it('refuses /, the project, its parent, the data folder; and a published path that climbs out of the release', async () => {
    // The data given is a throwaway copy, so that even a broken guard could not touch data/.
    const data = join(TMP, 'cli', 'data');
    mkdirSync(data, { recursive: true });
    cpSync(VALID, join(data, 'valide'), { recursive: true });
    const listing = () => JSON.stringify(readdirSync(data, { recursive: true }).sort());
    const before = listing();
    // A version that climbs out: `donnees/valide/valide-<version>.xlsx` would land in <tmp>/cli/;
    // the metadata schema refuses it.
    const hostile = join(TMP, 'cli', 'hostile');
    mkdirSync(hostile);
    cpSync(VALID, join(hostile, 'valide'), { recursive: true });
    const meta = JSON.parse(readFileSync(join(VALID, 'metadonnees.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(hostile, 'valide', 'metadonnees.json'), JSON.stringify({ ...meta, version: '/../../../../../escaped' }));

    const [root, project, parent, inData, escape] = await Promise.all([
      build(['--data', data, '--out', '/']),
      build(['--data', data, '--out', '.']),
      build(['--data', data, '--out', '..']),
      build(['--data', data, '--out', data]),
      build(['--data', hostile, '--out', join(TMP, 'cli', 'dist')]),
    ]);
    expect(root.code).toBe(1);
    expect(root.stderr).toBe(
      'Dossier de sortie refusé : / est la racine du système de fichiers. Choisissez un dossier dédié, par exemple dist/.\nOutput folder refused: / is the root of the file system. Choose a dedicated folder, for example dist/.\n',
    );
    expect(project.code).toBe(1);
    expect(project.stderr).toBe(
      'Dossier de sortie refusé : <project> contient le projet (<project>), que la construction effacerait. Choisissez un dossier dédié, par exemple dist/.\nOutput folder refused: <project> holds the project (<project>), which the build would erase. Choose a dedicated folder, for example dist/.\n',
    );
    expect(parent.code).toBe(1);
    expect(parent.stderr).toMatch(/^Dossier de sortie refusé : .* contient (le projet|les données) .*\nOutput folder refused: .* holds (the project|the data) /);
    expect(inData.code).toBe(1);
    expect(inData.stderr).toMatch(/^Dossier de sortie refusé : <tmp>\/cli\/data contient les données .*\nOutput folder refused: <tmp>\/cli\/data holds the data /);
    for (const r of [root, project, parent, inData]) expect(r.stdout).toBe('');
    expect(listing()).toBe(before);

    expect(escape.code).toBe(1);
    // The metadata schema refuses such a version first (the path guard above is the second line).
    expect(escape.stdout).toMatch(/metadonnees\.json.*version/);
    expect(readdirSync(join(TMP, 'cli')).sort()).toEqual(['data', 'hostile']); // no escaped file, no dist, no staging
    expect(existsSync(join(TMP, 'escaped.xlsx'))).toBe(false);
  });
});
