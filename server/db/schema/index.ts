export * from './consent';
export * from './custody';
export * from './disclosures';
export * from './documents';
export * from './erasures';
export * from './reports';
export * from './review';
export * from './users';
