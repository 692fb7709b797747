/**
 * `npm run init -- <id>` in a temporary data root: it writes the template folder (the same files
 * as src/lib/template gives), and refuses, with a French and an English message and exit 1, an id
 * that is not a folder name, a reserved one, or one that exists (nothing overwritten).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publisherTemplate } from '../../src/lib/template/index.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
const DATA = mkdtempSync(join(tmpdir(), 'init-test-'));
afterAll(() => rmSync(DATA, { recursive: true, force: true }));

function init(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT, 'scripts', 'init.ts'), ...args, '--data', DATA], {
    cwd: PROJECT,
    env: { ...process.env, TODAY: '2024-03-15' },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run init', () => {
  it('writes the template folder', () => {
    const r = init('departement-exemple');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Ensuite / next: npm run validate -- ${join(DATA, 'departement-exemple')}`);
    const expected = publisherTemplate({ id: 'departement-exemple', today: '2024-03-15' });
    for (const [path, bytes] of expected) expect(new Uint8Array(readFileSync(join(DATA, 'departement-exemple', path))), path).toEqual(bytes);
    expect(readdirSync(join(DATA, 'departement-exemple')).sort()).toEqual(['donnees.xlsx', 'metadonnees.json', 'modeles']);
  });

  it('refuses an id that exists, and overwrites nothing', () => {
    writeFileSync(join(DATA, 'departement-exemple', 'metadonnees.json'), '{"mine": true}');
    const r = init('departement-exemple');
    expect(r.code).toBe(1);
    expect(r.stderr.replaceAll(DATA, '<data>')).toMatchInlineSnapshot(`
      "Le dossier <data>/departement-exemple existe déjà : rien n’est écrit. Choisissez un autre identifiant, ou complétez ce dossier et vérifiez-le (npm run validate -- <data>/departement-exemple).
      Folder <data>/departement-exemple already exists: nothing is written. Choose another id, or complete that folder and check it (npm run validate -- <data>/departement-exemple).
      "
    `);
    expect(readFileSync(join(DATA, 'departement-exemple', 'metadonnees.json'), 'utf8')).toBe('{"mine": true}');
  });

  it('refuses an invalid id, a reserved one, and no id', () => {
    expect(init('Département_35')).toMatchObject({ code: 1, stdout: '' });
    expect(init('Département_35').stderr).toMatchInlineSnapshot(`
      "Nom de dossier d'éditeur refusé : « Département_35 » (minuscules et chiffres, groupes reliés par un tiret : departement-ille-et-vilaine).
      Publisher folder name refused: "Département_35" (lower-case letters and digits, groups joined by one hyphen: departement-ille-et-vilaine).
      "
    `);
    expect(init('standard').stderr).toMatchInlineSnapshot(`
      "Nom de dossier d'éditeur réservé : « standard » est un dossier de la publication elle-même (donnees/standard/). Choisissez un autre identifiant.
      Reserved publisher folder name: "standard" is a folder of the release itself (donnees/standard/). Choose another id.
      "
    `);
    expect(init('references').stderr).toMatchInlineSnapshot(`
      "Nom de dossier réservé : « references » contient les résultats publiés d'autres territoires (data/references/). Choisissez un autre identifiant.
      Reserved folder name: "references" holds other territories' published results (data/references/). Choose another id.
      "
    `);
    expect(init()).toMatchObject({ code: 1 });
    expect(init().stderr).toMatchInlineSnapshot(`
      "Usage : npm run init -- <identifiant> [--data data] ; identifiant en minuscules, chiffres et tirets, par exemple departement-ille-et-vilaine.
      Usage: npm run init -- <id> [--data data]; an id in lower-case letters, digits and hyphens, e.g. departement-ille-et-vilaine.
      "
    `);
  });
});
