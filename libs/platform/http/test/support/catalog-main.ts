import { bootstrapService } from '../../src';
import { catalogOptions, stockGrpc } from './catalog-app';
import { catalogModule, SlowLane } from './catalog.module';

// The catalog service as a real process, started the way every service's main.ts starts.
void bootstrapService(catalogModule(), { ...catalogOptions, grpc: stockGrpc }).then((app) => {
  // Registered after bootstrapService's own handler: the held request ends only once draining has begun.
  process.once('SIGTERM', () => app.get(SlowLane).release());
});
