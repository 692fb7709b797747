/** Release: the manifest of published tables and the files of a release. */
export * from './types.ts';
export * from './manifest.ts';
export * from './build.ts';
export * from './csv.ts';
export * from './xlsx.ts';
export * from './zip.ts';
export * from './bytes.ts';
export * from './datapackage.ts';
export * from './documents.ts';
export * from './publications.ts';
export * from './restrict.ts';
export * from './body.ts';
export * from './parquet.ts';
export * from './versions.ts';
