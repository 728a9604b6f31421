module.exports = {
  displayName: 'platform-testing',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  globalSetup: '<rootDir>/src/jest/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/src/jest/setup-after-env.ts'],
};
