/**
 * Stable addresses of a publisher's releases.
 *
 * - `donnees/<editeur>/` always serves the latest release (the unversioned address);
 * - `donnees/<editeur>/<version>/` serves one release, the current one included, and never
 *   changes once published.
 *
 * A publisher keeps each earlier release it still publishes in `data/<editeur>/versions/<version>/`
 * (the release's published files exactly as published, written by `scripts/archive-release.ts`);
 * the build copies each to `donnees/<editeur>/<version>/` (scripts/lib/versions.ts). Pure module.
 */
import type { Metadonnees } from '../../schemas/metadonnees.ts';

/** Folder of `data/<editeur>/` holding the earlier releases kept, one sub-folder per version. */
export const VERSIONS_DIR = 'versions';

/** A release of a publisher: its version and publication date. */
export interface ReleaseVersion {
  version: string;
  date_publication: string;
}

/** The releases a publisher publishes besides the current one, and where the site is served. */
export interface ReleaseVersions {
  /** Absolute address of the site, ending with `/` (`SITE` + `BASE`). */
  siteUrl: string;
  /** Earlier releases kept (any order; the current version, if listed, is ignored). */
  kept: readonly ReleaseVersion[];
}

/** Path of a publisher's unversioned folder in the publication: `donnees/<editeur>`. */
export const latestDir = (id: string) => `donnees/${id}`;

/** Path of one release's folder in the publication: `donnees/<editeur>/<version>`. */
export const versionDir = (id: string, version: string) => `donnees/${id}/${version}`;

/** Every release, current included, newest first (by publication date, then version). */
export function allVersions(meta: Pick<Metadonnees, 'version' | 'date_publication'>, kept: readonly ReleaseVersion[]): ReleaseVersion[] {
  const current = { version: meta.version, date_publication: meta.date_publication };
  const others = kept.filter((v) => v.version !== meta.version);
  return [current, ...others].sort((a, b) =>
    a.date_publication !== b.date_publication ? (a.date_publication < b.date_publication ? 1 : -1) : a.version < b.version ? 1 : a.version > b.version ? -1 : 0,
  );
}

/**
 * The data package's list of releases: `derniere_version` (the unversioned address) and
 * `versions`, newest first, each with its stable address and whether it is the current one.
 */
export function versionsOf(meta: Metadonnees, versions: ReleaseVersions) {
  const url = (path: string) => new URL(`${path}/`, versions.siteUrl).href;
  return {
    derniere_version: url(latestDir(meta.id)),
    versions: allVersions(meta, versions.kept).map((v) => ({
      version: v.version,
      date_publication: v.date_publication,
      courante: v.version === meta.version,
      url: url(versionDir(meta.id, v.version)),
    })),
  };
}
