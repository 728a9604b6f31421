import { SendMail, type SendMailJob } from '@capstone/contracts';
import {
  Injectable,
  Module,
  UnauthorizedException,
  type INestApplication,
  type OnModuleInit,
  type Type,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import request from 'supertest';
import {
  JobHandler,
  JobProducer,
  QueueRegistry,
  QueuesModule,
  type ProcessesJob,
  type QueuesOptions,
} from '../src';
import { isolatedPrefix, passwordResetMail, redisConnection, settledJob } from './isolated-queues';

const rolesByToken: Readonly<Record<string, readonly string[]>> = {
  'admin-token': ['admin', 'user'],
  'reader-token': ['user'],
};

/** A real, if tiny, authorizer: unknown callers are unauthenticated, known non-admins are forbidden. */
function adminsOnly(request: FastifyRequest): boolean {
  const token = request.headers.authorization?.replace(/^Bearer /, '');
  const roles = token ? rolesByToken[token] : undefined;
  if (!roles) throw new UnauthorizedException('A bearer token is required');
  return roles.includes('admin');
}

@Injectable()
@JobHandler(SendMail)
class SendMailHandler implements ProcessesJob<typeof SendMail> {
  readonly sent: SendMailJob[] = [];

  async process(mail: SendMailJob): Promise<string> {
    this.sent.push(mail);
    return `sent to ${mail.to.email}`;
  }
}

/** What an app's login gate does: a request hook, added while modules initialise, that supplies the credential. */
@Module({})
class AdminCookieModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    server.addHook('onRequest', async (request: FastifyRequest) => {
      if (request.headers.cookie === 'session=admin')
        request.headers.authorization = 'Bearer admin-token';
    });
  }
}

async function startApp(
  options: Partial<QueuesOptions>,
  providers = [SendMailHandler],
  imports: Type<unknown>[] = [],
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      QueuesModule.forRoot({
        connection: redisConnection,
        prefix: isolatedPrefix(),
        queues: [SendMail.queue],
        ...options,
      }),
      // After QueuesModule, as an app's feature modules are.
      ...imports,
    ],
    providers,
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

async function stopApp(app: INestApplication): Promise<void> {
  await Promise.all(
    app
      .get(QueueRegistry)
      .all()
      .map((queue) => queue.obliterate({ force: true })),
  );
  await app.close();
}

describe('QueuesModule', () => {
  it('runs a worker for @JobHandler providers that processes what JobProducer enqueues', async () => {
    const app = await startApp({ concurrency: { [SendMail.queue]: 2 } });
    try {
      const mail = passwordResetMail();

      const job = await app.get(JobProducer).enqueue(SendMail, mail, { jobId: mail.deliveryId });
      const settled = await settledJob(app.get(QueueRegistry).get(SendMail.queue), String(job.id));

      expect(settled.returnvalue).toBe('sent to alice@example.com');
      expect(app.get(SendMailHandler).sent).toEqual([mail]);
    } finally {
      await stopApp(app);
    }
  });

  it('refuses to start with a queue that has no job contract', async () => {
    await expect(startApp({ queues: [SendMail.queue, 'newsletters'] }, [])).rejects.toThrow(
      'No job contract in @capstone/contracts for queues: newsletters',
    );
  });

  it('refuses to start with a @JobHandler for a queue the service did not declare', async () => {
    await expect(startApp({ queues: [] })).rejects.toThrow(
      '@JobHandler for undeclared queues: mail',
    );
  });
});

describe('the queue dashboard', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await startApp({ dashboard: { authorize: adminsOnly } });
  });

  afterAll(async () => {
    await stopApp(app);
  });

  it('answers 401 to a request without credentials', async () => {
    const response = await request(app.getHttpServer())
      .get('/admin/queues')
      .expect(401)
      .expect('Content-Type', /^application\/problem\+json/);

    expect(response.body).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('answers 403 to a signed-in user who is not an admin, on the page and on its API', async () => {
    const reader = { Authorization: 'Bearer reader-token' };
    await request(app.getHttpServer()).get('/admin/queues').set(reader).expect(403);
    await request(app.getHttpServer()).get('/admin/queues/api/queues').set(reader).expect(403);
  });

  it('shows an admin the declared queues', async () => {
    const admin = { Authorization: 'Bearer admin-token' };
    await request(app.getHttpServer())
      .get('/admin/queues')
      .set(admin)
      .expect(200)
      .expect('Content-Type', /html/);

    const { body } = await request(app.getHttpServer())
      .get('/admin/queues/api/queues')
      .set(admin)
      .expect(200);

    expect(body.queues.map((queue: { name: string }) => queue.name)).toEqual([SendMail.queue]);
  });
});

describe('the queue dashboard behind request hooks of the app', () => {
  it('runs the hooks modules add while they initialise before its own gate', async () => {
    const app = await startApp(
      { dashboard: { authorize: adminsOnly } },
      [SendMailHandler],
      [AdminCookieModule],
    );
    try {
      await request(app.getHttpServer())
        .get('/admin/queues/api/queues')
        .set('Cookie', 'session=admin')
        .expect(200);
    } finally {
      await stopApp(app);
    }
  });
});
