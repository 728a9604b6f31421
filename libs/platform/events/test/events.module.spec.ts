import { Injectable } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { UserRegistered } from '@capstone/contracts';
import {
  createTestDatabase,
  eventually,
  testEndpoints,
  testKafkaNames,
  type TestDatabase,
} from '@capstone/platform/testing';
import { PrismaPg } from '@prisma/adapter-pg';
import { v7 as uuidv7 } from 'uuid';
import { EventConsumer, EventsModule, Outbox, OutboxRelay } from '../src';
import { PrismaClient } from './prisma/generated/prisma/client';
import { eventsTestProject, type TestTransaction } from './support/events-test-bed';

/** How a feature of a service subscribes: its handlers are registered before the consumer starts. */
@Injectable()
class AuthorProjection {
  constructor(consumer: EventConsumer<TestTransaction>) {
    consumer.on(UserRegistered, async (event, tx) => {
      await tx.author.create({
        data: { userId: event.data.userId, username: event.data.username },
      });
    });
  }
}

describe('EventsModule', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let app: TestingModule;

  beforeAll(async () => {
    database = await createTestDatabase(eventsTestProject);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    const names = testKafkaNames('module');
    app = await Test.createTestingModule({
      imports: [
        EventsModule.forRootAsync({
          useFactory: () => ({
            service: 'blog-service',
            brokers: testEndpoints.kafkaBrokers,
            databaseUrl: database.url,
            database: prisma,
            partitions: 2,
            topicPrefix: names.topicPrefix,
          }),
        }),
      ],
      providers: [AuthorProjection],
    }).compile();
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await prisma.$disconnect();
    await database.drop();
  });

  it('starts the relay and the consumer with the application, so a recorded event reaches its handler', async () => {
    const userId = uuidv7();
    await prisma.$transaction(async (tx) => {
      await app.get(Outbox).record(
        tx,
        UserRegistered.create({
          source: 'blog-test',
          subject: userId,
          data: {
            userId,
            username: 'ada',
            email: 'ada@example.com',
            bio: null,
            image: null,
            roles: ['user'],
            emailVerified: true,
          },
        }),
      );
    });

    await eventually(async () =>
      expect(await prisma.author.findUnique({ where: { userId } })).toMatchObject({
        username: 'ada',
      }),
    );
    expect(app.get(OutboxRelay).isLeader).toBe(true);
  });
});
