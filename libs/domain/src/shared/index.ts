export * from './bilingual';
export * from './domain-error';
