module.exports = {
  displayName: 'platform-limits',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
