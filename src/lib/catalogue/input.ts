/**
 * What the catalogue is made from: for each publisher, each release it publishes (its
 * `datapackage.json` and its files with size and SHA-256). The catalogue describes the files as
 * published, so it reads them as published: scripts/build.ts hands in the release folders.
 *
 * The schema reads only the parts of datapackage.json the catalogue needs (loosely: an earlier
 * release's data package may lack a key a later one has).
 */
import { z } from 'zod';
import { FREQUENCES } from '../../schemas/metadonnees.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/);

export const ReleasePackageSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    title_en: z.string().optional(),
    description: z.string(),
    description_en: z.string().optional(),
    version: z.string(),
    created: isoDate,
    keywords: z.array(z.string()).default([]),
    contributors: z.array(z.object({ title: z.string(), role: z.string().optional() }).loose()).min(1),
    temporal: z.object({ start: isoDate, end: isoDate }),
    spatial: z.object({ territoire: z.string(), code_region: z.string(), departements: z.array(z.string()) }).loose(),
    contact: z.string().optional(),
    frequence: z.enum(FREQUENCES).optional(),
    resources: z
      .array(
        z
          .object({ path: z.string(), title: z.string().optional(), title_en: z.string().optional(), description: z.string().optional(), description_en: z.string().optional() })
          .loose(),
      )
      .default([]),
  })
  .loose();
export type ReleasePackage = z.output<typeof ReleasePackageSchema>;

/** A published file. */
export interface CatalogueFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface CatalogueRelease {
  datapackage: ReleasePackage;
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
