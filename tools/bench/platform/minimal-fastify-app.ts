/** Nest 12 on Fastify with one controller and nothing else: what the framework itself costs. */
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DOCUMENT_PATH, documentFromEnvironment } from './small-document';

const document = documentFromEnvironment();

@Controller()
class DocumentController {
  @Get(DOCUMENT_PATH)
  document(): unknown {
    return document;
  }
}

@Module({ controllers: [DocumentController] })
class MinimalModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(
    MinimalModule,
    new FastifyAdapter(),
    {
      logger: false,
    },
  );
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

void main();
