module.exports = {
  displayName: 'shortener-service',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  globalSetup: '<rootDir>/../../libs/platform/testing/src/jest/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/../../libs/platform/testing/src/jest/setup-after-env.ts'],
};
