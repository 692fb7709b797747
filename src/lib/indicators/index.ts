/** Indicators: pure functions on a validated Dataset. */
export * from './codes.ts';
export * from './detail.ts';
export * from './dimensions.ts';
export * from './measures.ts';
export * from './headline.ts';
