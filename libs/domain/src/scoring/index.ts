export * from './scoring-policy';
