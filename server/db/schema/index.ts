export * from './consent';
export * from './documents';
export * from './reports';
export * from './users';
