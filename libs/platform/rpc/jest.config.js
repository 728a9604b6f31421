module.exports = {
  displayName: 'platform-rpc',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
