export * from './consent';
export * from './users';
