// Unit tests of the console's pure helpers (SLA countdowns, pinyin matching, i18n tables, allowed actions).
// Run from the repository root: npx jest -c services/console/web/jest.config.js
module.exports = {
  displayName: 'console-web',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.(ts|tsx|js)$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
