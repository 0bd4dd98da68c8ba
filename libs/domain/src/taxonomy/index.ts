export * from './default-taxonomy';
export * from './parse-taxonomy';
export * from './taxonomy-errors';
export * from './taxonomy-index';
export * from './taxonomy-types';
