/** The disk edge: scripts/lib/fs-input.ts and the `npm run validate` command. */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSource, InputError, listPublisherFolders, openPublisherFolder, publisherFolderOf, readPublisherFolder } from '../../../scripts/lib/fs-input.ts';
import { validateDataset, type ChunkSource } from '../../../src/lib/validate/index.ts';
import { RULE_FIXTURES, VALID } from './fixtures.ts';

const ROOT_DIR = join(import.meta.dirname, '..', '..', '..');
let tmp: string;

/** A data root with the valid fixture as publisher `valide`. */
function dataRoot(name: string): string {
  const root = join(tmp, name);
  mkdirSync(root, { recursive: true });
  cpSync(VALID, join(root, 'valide'), { recursive: true });
  return root;
}

/** Every byte of a file read in pieces. */
async function allBytes(file: ChunkSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const piece of file.chunks()) parts.push(piece.slice()); // a piece's buffer is reused
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return `${e.text.fr} / ${e.text.en}`;
    throw e;
  }
  throw new Error('expected an InputError');
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'validate-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('reading publisher folders', () => {
  it('lists publisher folders and reads one', async () => {
    const root = dataRoot('ok');
    writeFileSync(join(root, 'LISEZMOI.md'), 'ignored');
    expect(await listPublisherFolders(root)).toEqual([join(root, 'valide')]);
    const input = await readPublisherFolder(join(root, 'valide'), root);
    expect(input.publisher).toBe('valide');
    expect(typeof input.meta).toBe('string');
    expect(Object.keys(input.files).sort()).toEqual(['entreprises.csv', 'facilitateurs.csv', 'heures.csv', 'marches.csv', 'operations.csv', 'participants.csv']);
    expect((await validateDataset(input)).ok).toBe(true);
  });

  it('opens a folder as files read in pieces, with the same entries and the same report as when reading it', async () => {
    const root = dataRoot('pieces');
    const read = await readPublisherFolder(join(root, 'valide'), root);
    const opened = await openPublisherFolder(join(root, 'valide'), root);
    expect(Object.keys(opened.files)).toEqual(Object.keys(read.files));
    for (const [name, source] of Object.entries(opened.files)) {
      const file = source as ChunkSource;
      expect(file.size).toBe(read.files[name]!.length);
      // Twice: a file read again from the start (as Windows-1252) gets the same bytes.
      for (let pass = 0; pass < 2; pass++) expect(await allBytes(file)).toEqual(read.files[name]);
    }
    expect(opened.meta).toBe(read.meta);
    expect((await validateDataset(opened)).report).toEqual((await validateDataset(read)).report);
    expect(await refusal(openPublisherFolder(join(root, 'absent'), root))).toContain('absent');
  });

  it('reads a file of several pieces whole and in order, and never through a link put in its place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pieces-'));
    const path = join(dir, 'heures.csv');
    const bytes = Uint8Array.from({ length: 2_500_000 }, (_, i) => (i * 7919) % 251);
    writeFileSync(path, bytes);
    const file = fileSource(path, bytes.length);
    const pieces: number[] = [];
    const copy = new Uint8Array(bytes.length);
    let at = 0;
    for await (const piece of file.chunks()) {
      pieces.push(piece.length);
      copy.set(piece, at);
      at += piece.length;
    }
    expect(pieces).toEqual([1 << 20, 1 << 20, bytes.length - 2 * (1 << 20)]);
    expect(copy).toEqual(bytes);
    // Swapped for a symbolic link after the folder was checked: opening refuses to follow it.
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    rmSync(path);
    symlinkSync(join(dir, 'secret.txt'), path);
    await expect(allBytes(file)).rejects.toThrow(/ELOOP|symbolic/i);
  });

  it('refuses badly named folders and symbolic links to folders', async () => {
    const bad = dataRoot('bad-name');
    mkdirSync(join(bad, 'Pays_De_La_Loire'));
    expect(await refusal(listPublisherFolders(bad))).toMatchInlineSnapshot(
      `"Nom de dossier d'éditeur refusé : « Pays_De_La_Loire » (minuscules et chiffres, groupes reliés par un tiret : departement-ille-et-vilaine). / Publisher folder name refused: "Pays_De_La_Loire" (lower-case letters and digits, groups joined by one hyphen: departement-ille-et-vilaine)."`,
    );
    const linked = dataRoot('linked');
    symlinkSync(VALID, join(linked, 'lien'));
    expect((await refusal(listPublisherFolders(linked))).replaceAll(tmp, '<tmp>')).toMatchInlineSnapshot(
      `"Dossier d'éditeur refusé : <tmp>/linked/lien est un lien symbolique. / Publisher folder refused: <tmp>/linked/lien is a symbolic link."`,
    );
  });

  it("refuses the ids of the release's own folders (standard, comparaison)", async () => {
    for (const id of ['standard', 'comparaison']) {
      const root = dataRoot(`reserved-${id}`);
      mkdirSync(join(root, id));
      const message = await refusal(listPublisherFolders(root));
      expect(message).toContain(`« ${id} »`);
      expect(message).toContain(`donnees/${id}/`);
      expect(message).toContain('Reserved publisher folder name');
    }
  });

  it('refuses a folder that resolves outside the data root', async () => {
    const root = dataRoot('outside');
    expect((await refusal(readPublisherFolder(join(root, '..', 'ok', 'valide'), root))).replaceAll(tmp, '<tmp>')).toMatchInlineSnapshot(
      `"Dossier refusé : <tmp>/ok/valide est en dehors de <tmp>/outside. / Folder refused: <tmp>/ok/valide is outside <tmp>/outside."`,
    );
  });

  it('does not follow symbolic links inside a folder: they are reported', async () => {
    const root = dataRoot('file-link');
    const secret = join(tmp, 'secret.csv');
    writeFileSync(secret, 'nom;prenom\nDupont;Jean\n');
    rmSync(join(root, 'valide', 'operations.csv'));
    symlinkSync(secret, join(root, 'valide', 'operations.csv'));
    const input = await readPublisherFolder(join(root, 'valide'), root);
    expect(input.files['operations.csv']).toBeUndefined();
    expect(input.refused).toEqual(['operations.csv']);
    const { report } = await validateDataset(input);
    expect(report.issues.filter((i) => i.rule !== 'fichier.encodage').map((i) => `${i.file} ${i.rule} — ${i.message.fr}`)).toMatchInlineSnapshot(`
      [
        "operations.csv fichier.lien_symbolique — Lien symbolique : refusé, il pourrait désigner un fichier hors du dossier de l'éditeur. Copiez le fichier lui-même.",
        "operations.csv fichier.absent — Table operations absente du dossier : ni ce fichier CSV, ni une feuille « operations » dans un classeur .xlsx.",
      ]
    `);
  });

  it('takes a file path for its folder', async () => {
    const root = dataRoot('by-file');
    expect(await publisherFolderOf(join(root, 'valide', 'heures.csv'))).toEqual({ dir: join(root, 'valide'), root });
  });
});

// Each case starts a tsx process: slow on a loaded machine, hence the longer timeout.
describe('npm run validate', { timeout: 90_000 }, () => {
  const run = promisify(execFile);
  const validate = (...args: string[]) =>
    run(join(ROOT_DIR, 'node_modules', '.bin', 'tsx'), [join(ROOT_DIR, 'scripts', 'validate.ts'), ...args], { cwd: tmp }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('exits 0 on valid data (warnings allowed), prints French then English, writes the JSON report', async () => {
    const root = dataRoot('cli-ok');
    const { code, stdout } = await validate('--data', root);
    expect(code).toBe(0);
    expect(stdout.indexOf('Rapport de validation — valide')).toBeLessThan(stdout.indexOf('Validation report — valide'));
    const saved: unknown = JSON.parse(readFileSync(join(tmp, '.cache', 'validation', 'valide.json'), 'utf8'));
    expect(saved).toMatchObject({ publisher: 'valide', errorCount: 0, warningCount: 1 });
  });

  it('exits 1 on an error, and prints JSON with --json', async () => {
    const root = dataRoot('cli-bad');
    cpSync(join(RULE_FIXTURES, 'heures.plafond_mensuel'), join(root, 'valide'), { recursive: true });
    const { code, stdout } = await validate('--json', join(root, 'valide'));
    expect(code).toBe(1);
    const [report] = JSON.parse(stdout) as { summary: { rule: string }[] }[];
    expect(report!.summary.map((s) => s.rule)).toEqual(['heures.plafond_mensuel', 'fichier.encodage']);
  });

  it('exits 1 when a folder cannot be read', async () => {
    const { code, stderr } = await validate('--data', join(tmp, 'nothing-here'));
    expect(code).toBe(1);
    expect(stderr).toContain('Dossier introuvable');
    expect(stderr).toContain('Folder not found');
  });
});
