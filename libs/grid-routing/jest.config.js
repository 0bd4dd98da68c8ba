module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'grid-routing',
  rootDir: __dirname,
  // Unit tests only; tests that need real servers live in test/ and run in the integration tier.
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
