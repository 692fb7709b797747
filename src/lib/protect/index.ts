/** Statistical disclosure control: which published cells are secret. */
export * from './rules.ts';
export * from './suppress.ts';
export * from './protect.ts';
