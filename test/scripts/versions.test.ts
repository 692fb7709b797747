/**
 * Kept releases (`data/<editeur>/versions/<version>/`): read with the input folders' safety, never
 * a person-level or stray file; laid out at their stable addresses; a published version never
 * changes. The sample publisher's kept release 2018.1 is real (scripts/archive-release.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, openPublisherFolder } from '../../scripts/lib/fs-input.ts';
import { earlierReleaseOf, listKeptVersions, publishVersions, readReleasePackage } from '../../scripts/lib/versions.ts';

const SAMPLE = 'data/pays-de-la-loire';
let root: string;
let publisher: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'versions-'));
  publisher = join(root, 'pays-de-la-loire');
  mkdirSync(join(publisher, 'versions'), { recursive: true });
  cpSync(join(SAMPLE, 'versions', '2018.1'), join(publisher, 'versions', '2018.1'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The error, in English (its French text is on `InputError.text.fr`). */
const refused = (fn: () => Promise<unknown>, words: RegExp) => expect(fn()).rejects.toThrow(words);

describe('kept releases', () => {
  it('reads the sample publisher’s 2018.1 release: its version, date and files', async () => {
    const [v, ...rest] = await listKeptVersions(join(SAMPLE), 'data');
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ version: '2018.1', date_publication: '2018-06-29' });
    expect(v!.files).toContain('datapackage.json');
    expect(v!.files).toContain('heures-par-annee.parquet');
    expect(v!.files.some((f) => f === 'participants.csv' || f === 'heures.csv')).toBe(false);
  });

  it('is never read as input: the input tables come from the top of the folder only', async () => {
    const opened = await openPublisherFolder(SAMPLE, 'data');
    expect(Object.keys(opened.files).some((f) => f.includes('/') || f === 'versions')).toBe(false);
    expect(Object.keys(opened.files)).toContain('marches.csv');
  });

  it('refuses a person-level file, a stray file, a link, a misnamed folder, a wrong version', async () => {
    const v = join(publisher, 'versions', '2018.1');
    writeFileSync(join(v, 'participants.csv'), 'id_participant\nP1\n');
    await refused(() => listKeptVersions(publisher, root), /person-level/);
    rmSync(join(v, 'participants.csv'));
    writeFileSync(join(v, 'notes.txt'), 'x');
    await refused(() => listKeptVersions(publisher, root), /not one of the files/);
    rmSync(join(v, 'notes.txt'));
    symlinkSync(join(v, 'LISEZMOI.md'), join(v, 'LISEZMOI2.md'));
    await refused(() => listKeptVersions(publisher, root), /symbolic link/);
    rmSync(join(v, 'LISEZMOI2.md'));
    mkdirSync(join(publisher, 'versions', 'v 2'));
    await refused(() => listKeptVersions(publisher, root), /named after a version/);
    rmSync(join(publisher, 'versions', 'v 2'), { recursive: true });
    cpSync(v, join(publisher, 'versions', '2017.1'), { recursive: true });
    await refused(() => listKeptVersions(publisher, root), /2018\.1.*2017\.1/s);
  });

  it('reads a kept release’s data package with the release schema, and names the file and its first problem otherwise', async () => {
    const v = join(publisher, 'versions', '2018.1');
    expect((await readReleasePackage(v)).temporal.end).toBe('2017-12-31');
    const [kept] = await listKeptVersions(publisher, root);
    expect((await earlierReleaseOf(kept!)).fin).toBe('2017-12-31');
    const dp = JSON.parse(readFileSync(join(v, 'datapackage.json'), 'utf8')) as { temporal: { end?: string } };
    delete dp.temporal.end;
    writeFileSync(join(v, 'datapackage.json'), JSON.stringify(dp));
    await refused(() => listKeptVersions(publisher, root), /datapackage\.json does not follow the release format \(temporal\.end: /);
    await refused(() => earlierReleaseOf(kept!), /does not follow the release format \(temporal\.end: /);
    writeFileSync(join(v, 'datapackage.json'), '{');
    await refused(() => readReleasePackage(v), /datapackage\.json does not follow the release format \(invalid JSON: /);
    rmSync(join(v, 'datapackage.json'));
    await refused(() => readReleasePackage(v), /file missing or unreadable/);
    const missing = await readReleasePackage(v).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(InputError);
    expect((missing as InputError).text.fr).toMatch(/datapackage\.json ne suit pas le format de publication \(fichier introuvable/);
  });

  it('lays out every release at its stable address, and refuses to change a published one', async () => {
    const kept = await listKeptVersions(publisher, root);
    const publication = join(root, 'publication');
    const latest = join(publication, 'donnees', 'pays-de-la-loire');
    // A "current" release: the kept files under another version, for the layout.
    cpSync(join(publisher, 'versions', '2018.1'), latest, { recursive: true });
    await publishVersions(publication, 'pays-de-la-loire', '2019.1', kept);
    expect(readdirSync(join(latest, '2019.1')).sort()).toEqual(kept[0]!.files);
    expect(readFileSync(join(latest, '2018.1', 'datapackage.json'))).toEqual(readFileSync(join(publisher, 'versions', '2018.1', 'datapackage.json')));

    // Current version already kept with other bytes: refused.
    const other = join(root, 'publication2');
    cpSync(join(publisher, 'versions', '2018.1'), join(other, 'donnees', 'pays-de-la-loire'), { recursive: true });
    writeFileSync(join(other, 'donnees', 'pays-de-la-loire', 'CITATION.txt'), 'changed');
    await refused(() => publishVersions(other, 'pays-de-la-loire', '2018.1', kept), /already published/);
  });
});
