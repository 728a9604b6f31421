import { credentials, loadPackageDefinition, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS } from '@capstone/contracts';
import { stockGrpc } from './catalog-app';

type StockCount = { productId: string; available: number };

interface StockService {
  CountStock(
    request: { productId: string },
    metadata: Metadata,
    options: { deadline: Date },
    callback: (error: ServiceError | null, response?: StockCount) => void,
  ): void;
  close(): void;
}

/** A real grpc-js client of the catalog's stock.proto, as another service would build it. */
export function stockClient(url: string) {
  const definition = loadPackageDefinition(loadSync(stockGrpc.protoPath, PROTO_LOADER_OPTIONS));
  const Stock = (
    definition.catalog as never as {
      stock: { v1: { Stock: new (...args: unknown[]) => StockService } };
    }
  ).stock.v1.Stock;
  const client = new Stock(url, credentials.createInsecure());
  return {
    countStock: (productId: string, deadlineMs = 10_000) =>
      new Promise<StockCount>((resolve, reject) =>
        client.CountStock(
          { productId },
          new Metadata(),
          { deadline: new Date(Date.now() + deadlineMs) },
          (error, response) => (error ? reject(error) : resolve(response as StockCount)),
        ),
      ),
    close: () => client.close(),
  };
}
