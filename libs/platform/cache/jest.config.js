module.exports = {
  displayName: 'platform-cache',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
