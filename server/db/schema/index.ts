export * from './consent';
export * from './disclosures';
export * from './documents';
export * from './erasures';
export * from './rechecks';
export * from './reports';
export * from './review';
export * from './users';
