module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'console',
  rootDir: __dirname,
  // Unit tests only; tests that need real servers live in test/ and run in the integration tier.
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
