export * from './org-errors';
export * from './org-tree';
export * from './org-unit';
