module.exports = {
  displayName: 'platform-storage',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  globalSetup: '<rootDir>/../testing/src/jest/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/../testing/src/jest/setup-after-env.ts'],
};
