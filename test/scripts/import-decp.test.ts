/**
 * `scripts/import-decp.ts` end to end, in a temporary data folder: the script is run as the buyer
 * runs it (through tsx), and its files, output and exit codes are checked.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBytes, parseCsv } from '../../src/lib/csv/index.ts';
import { MARCHES_COLUMNS } from '../../src/lib/decp/merge.ts';
import { createPseudonymiser } from '../../src/lib/decp/pseudonym.ts';
import { CONTRACTOR_IDS, EXAMPLE_SIRET, FIXTURES, OFFICIAL_EXAMPLE, SALT, SIRET } from '../lib/decp/helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'import-decp.ts');
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const TMP = mkdtempSync(join(tmpdir(), 'import-decp-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const pseudonymOf = await createPseudonymiser(SALT);

let folders = 0;
/** A fresh data root with one publisher folder whose metadata carries `siret`. */
function dataRoot(siret: string, periode = { debut: '2012-01-01', fin: '2025-12-31' }): { data: string; folder: string } {
  const data = join(TMP, `data-${++folders}`);
  const folder = join(data, 'editeur-test');
  mkdirSync(folder, { recursive: true });
  const meta = JSON.parse(readFileSync(join(ROOT, 'data', 'pays-de-la-loire', 'metadonnees.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(folder, 'metadonnees.json'), JSON.stringify({ ...meta, id: 'editeur-test', siret_acheteur: siret, periode }, null, 2));
  return { data, folder };
}

function run(args: string[], env: Record<string, string | undefined> = { DECP_SEL: SALT }) {
  const r = spawnSync(process.execPath, [TSX, SCRIPT, ...args], {
    cwd: TMP,
    encoding: 'utf8',
    env: { ...process.env, DECP_SEL: undefined, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const csvRows = (path: string) => {
  const csv = parseCsv(decodeBytes(new Uint8Array(readFileSync(path))).text);
  return { header: csv.header, rows: Array.from({ length: csv.rowCount }, (_, r) => Object.fromEntries(csv.header.map((h, c) => [h, csv.columns[c]![r]!]))) };
};

describe('npm run import:decp', { timeout: 120_000 }, () => {
  it('imports the official example when the metadata SIRET is its buyer', async () => {
    const { data, folder } = dataRoot(EXAMPLE_SIRET);
    const r = run([OFFICIAL_EXAMPLE, '--data', data, '--editeur', 'editeur-test']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Importés : 1 — 1 nouveau(x), 0 mis à jour, 0 inchangé(s)');
    expect(r.stdout).toContain('Imported: 1 — 1 new, 0 updated, 0 unchanged');
    const { header, rows } = csvRows(join(folder, 'marches.csv'));
    expect(header).toEqual(MARCHES_COLUMNS);
    expect(rows).toEqual([
      expect.objectContaining({
        id_marche: 'Exemple1',
        id_acheteur: EXAMPLE_SIRET,
        code_cpv: '45000000-7',
        segment: 'TRAVAUX',
        procedure: 'APPEL_OFFRES_OUVERT',
        date_notification: '2024-05-15',
        duree_mois: '48',
        montant: '575000',
        considerations_sociales: 'CLAUSE_SOCIALE',
        type_clause: 'EXECUTION',
        critere_attribution: 'non',
        departement: '',
        id_operation: '',
      }),
    ]);
    // DECP_SEL in the environment: the pseudonym is the library's, with that salt.
    expect(rows[0]!.id_titulaire).toBe(await pseudonymOf('55204599900869'));
    const written = readFileSync(join(folder, 'marches.csv'), 'utf8');
    expect(written).not.toContain('55204599900869');
    expect(written).not.toContain(SALT);
    expect(r.stdout).not.toContain(SALT);
    expect(readdirSync(folder).sort()).toEqual(['marches.csv', 'metadonnees.json']); // no temporary file left
  });

  it('imports nothing from the official example for another SIRET, says why, and writes nothing', () => {
    const { data, folder } = dataRoot(SIRET);
    const r = run([OFFICIAL_EXAMPLE, '--data', data, '--editeur', 'editeur-test']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Autre acheteur (1) :');
    expect(r.stdout).toContain(`Acheteur ${EXAMPLE_SIRET}, différent du SIRET de l'éditeur (${SIRET}). × 1`);
    expect(r.stdout).toContain('Another buyer (1):');
    expect(r.stdout).toContain('Rien à changer, fichier laissé tel quel');
    expect(existsSync(join(folder, 'marches.csv'))).toBe(false);
  });

  it('merges into an existing file, keeps hand-filled columns, and leaves the file alone the second time', async () => {
    const { data, folder } = dataRoot(SIRET, { debut: '2020-01-01', fin: '2025-12-31' });
    const target = join(folder, 'marches.csv');
    copyFileSync(join(FIXTURES, 'fusion-marches.csv'), target);
    writeFileSync(join(folder, 'entreprises.csv'), 'id_entreprise;taille;secteur\nE00412;PME;F\nE00001;GE;F\nE00003;PME;N\n');
    const before = csvRows(target).rows;

    const first = run([join(FIXTURES, 'v2-objet.json'), '--data', data, '--editeur', 'editeur-test', '--sel', SALT], {});
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Importés : 4 — 1 nouveau(x), 3 mis à jour, 0 inchangé(s)');
    expect(first.stdout).toContain('  ~ 2024-001 : duree_mois, montant');
    expect(first.stdout).toContain('1 ligne(s) existante(s) absente(s) de ce fichier DECP');
    expect(first.stdout).toContain('Non importés : 6');
    expect(first.stdout).toContain('Vos valeurs conservées');
    expect(first.stdout).toContain('Titulaires à ajouter dans entreprises.csv');
    expect(first.stdout).toContain('Le fichier existant était en Windows-1252 ; il est réécrit en UTF-8.');

    const after = csvRows(target).rows;
    expect(after.map((r) => r.id_marche)).toEqual(['2023-050', '2024-001', '2024-002', '2024-003', '2024-008']);
    expect(after[0]).toEqual(before[0]);
    for (const c of ['id_operation', 'heures_prevues', 'direction', 'id_facilitateur', 'departement', 'id_titulaire']) {
      expect(after[1]![c], c).toBe(before[1]![c]);
    }
    expect(after[1]).toMatchObject({ montant: '130000', duree_mois: '14' });
    // --sel on the command line gives the same pseudonyms as the library with that salt.
    expect(after[2]!.id_titulaire).toBe(await pseudonymOf('33333333300033'));
    const text = readFileSync(target, 'utf8');
    for (const id of CONTRACTOR_IDS) expect(text).not.toContain(id);

    const bytes = readFileSync(target);
    const mtime = statSync(target).mtimeMs;
    const second = run([join(FIXTURES, 'v2-objet.json'), '--data', data, '--editeur', 'editeur-test']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Importés : 4 — 0 nouveau(x), 0 mis à jour, 4 inchangé(s)');
    expect(second.stdout).toContain('Nothing to change, file left as it is');
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(statSync(target).mtimeMs).toBe(mtime);
  });

  it('writes nothing with --dry-run', () => {
    const { data, folder } = dataRoot(SIRET);
    const r = run([join(FIXTURES, 'tableau-ancien.json'), '--data', data, '--editeur', 'editeur-test', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Importés : 2 — 2 nouveau(x)');
    expect(r.stdout).toContain('Simulation (--dry-run) : rien n’est écrit.');
    expect(existsSync(join(folder, 'marches.csv'))).toBe(false);
  });

  it('prints the whole report as JSON with --json, without the file text', () => {
    const { data } = dataRoot(SIRET);
    const r = run([join(FIXTURES, 'v2-tableau.json'), '--data', data, '--editeur', 'editeur-test', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { outcome: string; import: { marches: unknown[]; skipped: { reason: string }[] }; merge: Record<string, unknown> };
    expect(report.outcome).toBe('written');
    expect(report.import.marches).toHaveLength(2);
    expect(report.import.skipped.map((s) => s.reason)).toEqual(['concession']);
    expect(report.merge).not.toHaveProperty('text');
  });

  describe('stops with a non-zero code and a bilingual message', () => {
    it.each([
      ['a missing file', () => [join(TMP, 'absent.json')], 'Fichier DECP introuvable', 'DECP file not found'],
      ['a file that is not JSON', () => [join(FIXTURES, 'fusion-marches.csv')], "n'est pas un JSON valide", 'is not valid JSON'],
      ['JSON that is not DECP', () => [join(ROOT, 'package.json')], "Ce n'est pas un fichier DECP", 'This is not a DECP file'],
    ])('%s', (_, file, fr, en) => {
      const { data, folder } = dataRoot(SIRET);
      const r = run([...file(), '--data', data, '--editeur', 'editeur-test']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(fr);
      expect(r.stderr).toContain(en);
      expect(r.stdout).toBe('');
      expect(existsSync(join(folder, 'marches.csv'))).toBe(false);
    });

    it('without a salt', () => {
      const { data, folder } = dataRoot(SIRET);
      const r = run([join(FIXTURES, 'v2-tableau.json'), '--data', data, '--editeur', 'editeur-test'], {});
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Sel de pseudonymisation absent ou trop court');
      expect(r.stderr).toContain('Pseudonymisation salt missing or too short');
      expect(existsSync(join(folder, 'marches.csv'))).toBe(false);
    });

    it('without the publisher metadata', () => {
      const r = run([join(FIXTURES, 'v2-tableau.json'), '--data', join(TMP, 'nowhere'), '--editeur', 'editeur-test']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Métadonnées introuvable');
      expect(r.stderr).toContain('metadata not found');
    });

    it('when the existing marches.csv cannot be merged, leaving it untouched', () => {
      const { data, folder } = dataRoot(SIRET);
      const broken = 'id_marche;objet\n2025-010;a\n2025-010;b\n';
      writeFileSync(join(folder, 'marches.csv'), broken);
      const r = run([join(FIXTURES, 'v2-tableau.json'), '--data', data, '--editeur', 'editeur-test']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('corrigez le doublon');
      expect(readFileSync(join(folder, 'marches.csv'), 'utf8')).toBe(broken);
    });

    it.each([
      ['no file', []],
      ['a publisher name with a slash', ['a.json', '--editeur', '../x']],
    ])('on a usage error (%s): code 2', (_, args) => {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Usage : npm run import:decp');
      expect(r.stderr).toContain('Usage: npm run import:decp');
    });
  });
});
