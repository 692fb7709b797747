/** Statistical disclosure control: which published cells are secret. */
export * from './rules.ts';
export * from './suppress.ts';
export * from './protect.ts';

/** The marker of a hidden cell in every published format (CSV, XLSX, JSON). */
export const SECRET = 'secret';
