export * from './registry.ts';
export * from './system.ts';
export * from './entitlements.ts';
export * from './imports.ts';
export * from './cases.ts';
export * from './dashboard.ts';
export * from './case-documents.ts';
