/** The DCAT catalogue of the published releases (data.gouv.fr harvest): input, triples, syntaxes. */
export * from './input.ts';
export * from './graph.ts';
export * from './serialize.ts';
export * from './vocabulary.ts';
