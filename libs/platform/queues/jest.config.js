module.exports = {
  displayName: 'platform-queues',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  // NestJS 12 ships only ES modules; SWC turns them into CommonJS for Jest's module loader.
  transformIgnorePatterns: ['/node_modules/(?!(uuid|jose|@nestjs)/)'],
};
