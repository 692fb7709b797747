/** Release (step 6): the files of a release, written from the tables of step 5 (src/lib/tables/). */
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
