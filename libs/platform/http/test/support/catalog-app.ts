import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import {
  createHttpAdapter,
  type ErrorMapper,
  type GrpcListenerOptions,
  type HttpOptions,
  prepareApplication,
} from '../../src';
import { catalogModule } from './catalog.module';

/** The RealWorld contract: `{"errors":{"field":["message"]}}`, and 422 for invalid input. */
export const realWorldErrors: ErrorMapper = (error) => ({
  status: error.status,
  contentType: 'application/json',
  body: {
    errors:
      error.fieldErrors.length > 0
        ? error.fieldErrors.reduce<Record<string, string[]>>(
            (byField, { field, message }) => ({
              ...byField,
              [field]: [...(byField[field] ?? []), message],
            }),
            {},
          )
        : { [error.code]: [error.message] },
  },
});

export const catalogOptions: HttpOptions = {
  api: { title: 'Catalog API', description: 'Products and articles', version: '1.2' },
  errorMappers: { '/api': realWorldErrors },
  rawBody: true,
};

/** The catalog's stock, served over gRPC beside its HTTP APIs. */
export const stockGrpc: GrpcListenerOptions = {
  package: 'catalog.stock.v1',
  protoPath: join(__dirname, 'stock.proto'),
};

/** The catalog service configured exactly as `bootstrapService` would, ready for supertest. */
export async function createCatalogApp(logs: DestinationStream): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [catalogModule(logs)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), {
    bufferLogs: true,
    rawBody: true,
  });
  return prepareApplication(app, catalogOptions);
}
