module.exports = {
  displayName: 'platform-queues',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
