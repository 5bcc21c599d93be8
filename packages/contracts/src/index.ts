export * from './permissions.ts';
export * from './enums.ts';
export * from './errors.ts';
export * from './labels.ts';
export * from './supervision.ts';
export * from './joint-meetings.ts';
export * from './consultation.ts';
export * from './enrollment.ts';
