export * from './mediation-types';
export * from './mediation-rejections';
export * from './mediation-rules';
export * from './mediation-machine';
export * from './mediation-figures';
