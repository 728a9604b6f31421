import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { z } from 'zod';
import { AppConfig, ConfigurationError, PlatformConfigModule, port } from '../src';

const environmentSchema = z.object({
  GREETER_PORT: port(3100),
  GREETING: z.string().min(1).describe('the word to greet with'),
});
type Environment = z.infer<typeof environmentSchema>;

@Injectable()
class Greeter {
  constructor(private readonly config: AppConfig<Environment>) {}

  greet(name: string): string {
    return `${this.config.get('GREETING')}, ${name} (port ${this.config.get('GREETER_PORT')})`;
  }
}

@Module({ providers: [Greeter] })
class GreetingModule {}

describe('PlatformConfigModule', () => {
  afterEach(() => {
    delete process.env.GREETING;
  });

  it('provides the validated environment to any module as a typed AppConfig', async () => {
    process.env.GREETING = 'Hello';
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformConfigModule.forRoot(environmentSchema), GreetingModule],
    }).compile();

    expect(moduleRef.get(Greeter).greet('Ada')).toBe('Hello, Ada (port 3100)');
    await moduleRef.close();
  });

  it('fails the application start with a ConfigurationError when a variable is missing', async () => {
    const compiling = Test.createTestingModule({
      imports: [PlatformConfigModule.forRoot(environmentSchema), GreetingModule],
    }).compile();

    await expect(compiling).rejects.toBeInstanceOf(ConfigurationError);
    await expect(compiling).rejects.toThrow('GREETING: missing (expected the word to greet with)');
  });
});
