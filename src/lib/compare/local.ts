/**
 * This site's own publishers go into the comparison the way a peer does: through their published
 * release. As the pipeline publishes each file, {@link LocalReleases.keep} keeps the few a
 * comparison reads (`datapackage.json` and the compared tables of each release folder);
 * {@link LocalReleases.read} then reads each folder with the peers' reader (./release.ts): the
 * same schema, hashes, consistency checks and measures. A release of this site that fails them
 * is a bug of the writer: it throws, and nothing is published.
 */
import { bytesOf, type FileBody } from '../release/body.ts';
import { RELEASE_FOLDERS } from '../release/folders.ts';
import { COMPARED_TABLE_IDS } from './measures.ts';
import type { ComparedRelease } from './peers.ts';
import { readReleaseFiles } from './release.ts';

const KEPT = new Set(['datapackage.json', ...COMPARED_TABLE_IDS.map((t) => `${t}.csv`)]);

export class LocalReleases {
  /** Kept files by release folder (`donnees/<editeur>` or a folder below it), then by name. */
  private readonly folders = new Map<string, Map<string, Uint8Array>>();

  /**
   * A published file, passed through: a file the comparison reads is kept (and returned as its
   * bytes, so that it is made once); any other is returned as it came.
   */
  keep(path: string, body: FileBody): FileBody {
    const slash = path.lastIndexOf('/');
    const [folder, name] = [path.slice(0, slash), path.slice(slash + 1)];
    const top = folder.split('/');
    if (top[0] !== 'donnees' || top.length < 2 || RELEASE_FOLDERS.has(top[1]!) || !KEPT.has(name)) return body;
    const bytes = bytesOf(body);
    let files = this.folders.get(folder);
    if (!files) this.folders.set(folder, (files = new Map<string, Uint8Array>()));
    files.set(name, bytes);
    return bytes;
  }

  /**
   * Each publisher's release, read as a peer's is. A publisher whose release is published in
   * several folders (the current one and a versioned copy) counts once: its shallowest folder.
   */
  read(): ComparedRelease[] {
    const out = new Map<string, ComparedRelease>();
    const folders = [...this.folders.entries()].filter(([, files]) => files.has('datapackage.json'));
    folders.sort(([a], [b]) => a.split('/').length - b.split('/').length || a.localeCompare(b));
    for (const [folder, files] of folders) {
      const read = readReleaseFiles(files);
      if (!read.ok) throw new Error(`Publication de ${folder} illisible par la comparaison / unreadable by the comparison: ${read.problem.raison.fr} / ${read.problem.raison.en}`);
      const id = read.value.contexte.editeur;
      if (!out.has(id)) out.set(id, { comparison: read.value, origine: 'site', adresse: `${folder}/datapackage.json` });
    }
    return [...out.values()];
  }
}
