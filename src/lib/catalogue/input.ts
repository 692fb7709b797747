/**
 * What the catalogue is made from: for each publisher, each release it publishes (its
 * `datapackage.json` and its files with size and SHA-256). The catalogue describes the files as
 * published, so it reads them as published: scripts/build.ts hands in the release folders.
 *
 * Each data package is read with the release schema (src/schemas/release.ts), as the site and the
 * comparison of peers read it; what an earlier release may lack (`keywords`, `contact`,
 * `frequence`, a resource's titles) the catalogue does without (graph.ts).
 */
import type { ReleaseDatapackage } from '../../schemas/release.ts';

/** A published file. */
export interface CatalogueFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface CatalogueRelease {
  datapackage: ReleaseDatapackage;
  files: readonly CatalogueFile[];
}

export interface CataloguePublisher {
  id: string;
  /** Its releases, any order; the one whose version is `current` is served at the unversioned address. */
  releases: readonly CatalogueRelease[];
  current: string;
}

export interface CatalogueInput {
  /** Absolute address of the site, ending with `/` (`SITE` + `BASE`). */
  siteUrl: string;
  publishers: readonly CataloguePublisher[];
}
