import { Controller, Get, Injectable, Module } from '@nestjs/common';
import { PlatformConfigModule, platformEnvironment } from '@capstone/platform/config';
import { ObservabilityModule } from '@capstone/platform/observability';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../src';

@Injectable()
class Greeter {
  greet(): string {
    return 'hello from production';
  }
}

@Controller('greetings')
class GreetingsController {
  constructor(private readonly greeter: Greeter) {}

  @Get()
  greet(): { message: string } {
    return { message: this.greeter.greet() };
  }
}

@Module({
  imports: [
    PlatformConfigModule.forRoot(z.object(platformEnvironment(3999))),
    ObservabilityModule.forRoot({
      serviceName: 'greeting-service',
      logDestination: new Writable({ write: (_chunk, _encoding, done) => done() }),
    }),
  ],
  controllers: [GreetingsController],
  providers: [Greeter],
})
class GreetingModule {}

describe('createTestApp', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(GreetingModule, {
      http: { api: { title: 'Greetings', description: 'Says hello', version: '1.0' } },
      overrides: (builder) =>
        builder.overrideProvider(Greeter).useValue({ greet: () => 'hello from the test' }),
    });
  });

  afterAll(() => testApp.close());

  it('builds the app as production does: versioned routes, request ids and problem details', async () => {
    const ok = await testApp.http.get('/v1/greetings').expect(200);
    expect(ok.body).toEqual({ message: 'hello from the test' });
    // A fresh id per request the client did not name: a random UUID.
    expect(ok.headers['x-request-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );

    const missing = await testApp.http.get('/greetings').expect(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
