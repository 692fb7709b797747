/**
 * The input data contract published as a versioned, reusable data standard, in the layout of the
 * French public schema catalogue (schema.data.gouv.fr). See docs/standard.md.
 */
export * from './version.ts';
export * from './build.ts';
export * from './schema.ts';
export * from './example.ts';
export * from './metadata.ts';
export * from './readme.ts';
