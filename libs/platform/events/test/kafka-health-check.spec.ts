import { testEndpoints } from '@capstone/platform/testing';
import type { Admin } from 'kafkajs';
import { createKafka, KafkaHealthCheck } from '../src';

describe('KafkaHealthCheck', () => {
  const checks: KafkaHealthCheck[] = [];

  afterAll(() => Promise.all(checks.map((check) => check.onApplicationShutdown())));

  function checkAgainst(brokers: string[]): { check: KafkaHealthCheck; admins: Admin[] } {
    const kafka = createKafka({ clientId: 'kafka-health-check-spec', brokers });
    const admin = jest.spyOn(kafka, 'admin');
    const check = new KafkaHealthCheck(kafka);
    checks.push(check);
    return { check, admins: admin.mock.results.map((result) => result.value as Admin) };
  }

  it('answers every probe over one admin connection, opened once and kept', async () => {
    const { check, admins } = checkAgainst(testEndpoints.kafkaBrokers);
    let connects = 0;
    admins.forEach((admin) => admin.on(admin.events.CONNECT, () => (connects += 1)));

    for (let probe = 0; probe < 5; probe += 1) await check.probe();

    expect(admins).toHaveLength(1);
    expect(connects).toBe(1);
  });

  it('rejects within a few seconds when no broker answers', async () => {
    const { check } = checkAgainst(['127.0.0.1:1']);
    const startedAt = Date.now();

    await expect(check.probe()).rejects.toThrow();

    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });
});
