// Jest `setupFilesAfterEnv` for real-infrastructure tests: a consumer group joins and rebalances in
// seconds, and every wait in a test carries its own, shorter deadline.
jest.setTimeout(60_000);
