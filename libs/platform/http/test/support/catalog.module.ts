import {
  Body,
  Controller,
  Get,
  Injectable,
  Logger,
  Module,
  type OnModuleDestroy,
  Param,
  Post,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { ApiProperty } from '@nestjs/swagger';
import {
  grpcListenerEnvironment,
  PlatformConfigModule,
  platformEnvironment,
} from '@capstone/platform/config';
import { ObservabilityModule, postgresCheck } from '@capstone/platform/observability';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import type { DestinationStream } from 'pino';
import { Pool } from 'pg';
import { z } from 'zod';
import { NotFoundError, RateLimitedError, ValidationError } from '../../src';
import {
  EchoGateway,
  UploadsController,
  VisitorController,
  WebhooksController,
} from './platform-features';

export const databaseUrl =
  process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A real pool, closed by Nest's shutdown hooks like a service's Prisma client or Kafka consumer. */
@Injectable()
export class CatalogDatabase implements OnModuleDestroy {
  readonly pool = new Pool({ connectionString: databaseUrl });

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}

/** Lets a test hold a request in flight and decide when it may finish. */
@Injectable()
export class SlowLane {
  private readonly entered = signal();
  private readonly released = signal();

  /** Resolves once a slow request is being handled. */
  whenEntered(): Promise<void> {
    return this.entered.raised;
  }

  release(): void {
    this.released.raise();
  }

  async pass(): Promise<void> {
    new Logger(SlowLane.name).log('slow request waiting');
    this.entered.raise();
    await this.released.raised;
  }
}

function signal(): { raised: Promise<void>; raise: () => void } {
  let raise!: () => void;
  const raised = new Promise<void>((resolve) => (raise = resolve));
  return { raised, raise };
}

@Module({ providers: [CatalogDatabase], exports: [CatalogDatabase] })
class CatalogDatabaseModule {}

export class CreateProductDto {
  @ApiProperty({ example: 'Desk lamp' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  name!: string;

  @ApiProperty({ example: 2500, description: 'Price in cents' })
  @IsInt()
  @Min(1)
  priceCents!: number;
}

@Controller('products')
class ProductsController {
  constructor(
    private readonly database: CatalogDatabase,
    private readonly slowLane: SlowLane,
  ) {}

  @Post()
  create(@Body() product: CreateProductDto): CreateProductDto & { id: string; isDto: boolean } {
    return { id: 'p-1', ...product, isDto: product instanceof CreateProductDto };
  }

  @Get('crash')
  crash(): never {
    throw new Error(
      'connection to db-primary.internal:5432 failed for user catalog with password hunter2',
    );
  }

  /** Waits for the test, then still needs the database: shutdown must not have closed it yet. */
  @Get('slow')
  async slow(): Promise<{ databaseAnswered: boolean }> {
    await this.slowLane.pass();
    const { rows } = await this.database.pool.query<{ answer: number }>('SELECT 1 AS answer');
    return { databaseAnswered: rows[0].answer === 1 };
  }

  /** Refused for 1.2 s more, as a rate limit refuses. */
  @Get('busy')
  busy(): never {
    throw new RateLimitedError('Too many product reads; try again later', { retryAfterMs: 1_200 });
  }

  @Get(':id')
  find(@Param('id') id: string): never {
    throw new NotFoundError(`Product ${id} does not exist`);
  }
}

class CreateArticleDto {
  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsString()
  @IsNotEmpty()
  body!: string;
}

/** An unversioned API with its own error contract, like the RealWorld facade. */
@Controller({ path: 'api/articles', version: VERSION_NEUTRAL })
class ArticlesController {
  @Post()
  create(@Body() article: CreateArticleDto): CreateArticleDto {
    return article;
  }

  @Get(':slug')
  find(@Param('slug') slug: string): never {
    throw new NotFoundError(`Article ${slug} does not exist`);
  }
}

/** The catalog's gRPC face (stock.proto): each product id picks an outcome a test wants to see. */
@Controller()
class StockController {
  constructor(
    private readonly database: CatalogDatabase,
    private readonly slowLane: SlowLane,
  ) {}

  @GrpcMethod('Stock', 'CountStock')
  async countStock({ productId }: { productId: string }) {
    if (productId === '') {
      throw new ValidationError([
        { field: 'productId', message: 'must not be empty', code: 'required' },
      ]);
    }
    if (productId === 'p-missing') throw new NotFoundError(`Product ${productId} does not exist`);
    if (productId === 'p-crash') throw new Error('stock table at db-primary.internal is corrupt');
    if (productId === 'p-slow') {
      await this.slowLane.pass();
      const { rows } = await this.database.pool.query<{ available: number }>(
        'SELECT 7 AS available',
      );
      return { productId, available: rows[0].available };
    }
    return { productId, available: 3 };
  }
}

export const catalogEnvironment = z.object({
  ...platformEnvironment(3000),
  ...grpcListenerEnvironment(4000),
});

/** A small service built the way real ones are: config, observability with a readiness check, two APIs and gRPC. */
export function catalogModule(logDestination?: DestinationStream) {
  @Module({
    imports: [
      CatalogDatabaseModule,
      PlatformConfigModule.forRoot(catalogEnvironment),
      ObservabilityModule.forRoot({
        serviceName: 'catalog-service',
        logDestination,
        readiness: {
          imports: [CatalogDatabaseModule],
          inject: [CatalogDatabase],
          useFactory: (database: CatalogDatabase) => [
            postgresCheck(() => database.pool.query('SELECT 1')),
          ],
        },
      }),
    ],
    controllers: [
      ProductsController,
      ArticlesController,
      WebhooksController,
      UploadsController,
      VisitorController,
      StockController,
    ],
    providers: [SlowLane, EchoGateway],
  })
  class CatalogModule {}
  return CatalogModule;
}
