import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { Test, type TestingModule } from '@nestjs/testing';
import { AUTH_USERS_TOPIC, UserRegistered } from '@capstone/contracts';
import {
  createTestDatabase,
  eventually,
  testEndpoints,
  testKafkaNames,
  type TestDatabase,
} from '@capstone/platform/testing';
import { PrismaPg } from '@prisma/adapter-pg';
import { v7 as uuidv7 } from 'uuid';
import {
  createKafka,
  deadLetterTopic,
  EventConsumer,
  EventsModule,
  Outbox,
  OutboxRelay,
  TransactionsModule,
} from '../src';
import { PrismaClient } from './prisma/generated/prisma/client';
import { eventsTestProject, type TestTransactions } from './support/events-test-bed';

/** How a feature of a service subscribes: its handlers are registered before the consumer starts. */
@Injectable()
class AuthorProjection {
  constructor(consumer: EventConsumer, transactions: TransactionHost) {
    const txHost = transactions as TestTransactions;
    consumer.on(UserRegistered, async (event) => {
      await txHost.tx.author.create({
        data: { userId: event.data.userId, username: event.data.username },
      });
    });
  }
}

describe('EventsModule', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let app: TestingModule;
  const names = testKafkaNames('module');

  beforeAll(async () => {
    database = await createTestDatabase(eventsTestProject);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    app = await Test.createTestingModule({
      imports: [
        TransactionsModule.forRoot({
          imports: [
            {
              module: class DatabaseModule {},
              providers: [{ provide: PrismaClient, useValue: prisma }],
              exports: [PrismaClient],
            },
          ],
          database: PrismaClient,
        }),
        EventsModule.forRootAsync({
          useFactory: () => ({
            service: 'blog-service',
            brokers: testEndpoints.kafkaBrokers,
            databaseUrl: database.url,
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
    await app.get(TransactionHost).withTransaction(async () => {
      await app.get(Outbox).record(
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

  it('creates the topics it consumes, and their dead-letter topics, with the configured partitions', async () => {
    const topic = names.topic(AUTH_USERS_TOPIC);
    const admin = createKafka({
      clientId: 'events-module-test',
      brokers: testEndpoints.kafkaBrokers,
    }).admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({
        topics: [topic, deadLetterTopic(topic)],
      });

      const partitionsByTopic = Object.fromEntries(
        topics.map(({ name, partitions }) => [name, partitions.length]),
      );

      expect(partitionsByTopic).toEqual({ [topic]: 2, [deadLetterTopic(topic)]: 2 });
    } finally {
      await admin.disconnect();
    }
  });
});
