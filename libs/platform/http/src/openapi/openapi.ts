import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export interface ApiDescription {
  title: string;
  description?: string;
  /** The API's version as shown in the document, e.g. `1.0`. */
  version?: string;
}

/** Swagger UI at `/docs` and the OpenAPI document at `/docs-json`, with a bearer token scheme. */
export function serveOpenApi(app: INestApplication, api: ApiDescription): void {
  const document = new DocumentBuilder()
    .setTitle(api.title)
    .setDescription(api.description ?? '')
    .setVersion(api.version ?? '1.0')
    .addBearerAuth()
    .build();
  // Built on the first request, once every route and version is known.
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, document), {
    jsonDocumentUrl: 'docs-json',
  });
}
