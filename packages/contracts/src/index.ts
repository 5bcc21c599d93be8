export * from './permissions.ts';
export * from './enums.ts';
export * from './errors.ts';
export * from './labels.ts';
