/** `npm run infra -- up|down|status`: the Postgres, Redis, Kafka and S3 every service and test relies on. */
import type { ComponentStatus } from './component';
import { InfraError } from './infra-error';
import { infraDown, infraStatus, infraUp } from './lifecycle';
import { renderStatusTable } from './status-table';

const usage = 'usage: npm run infra -- up | down | status';

async function run(command: string | undefined): Promise<number> {
  switch (command) {
    case 'up': {
      const started = Date.now();
      // Resolves only once every component is healthy; a failure is thrown as an InfraError.
      const { statuses } = await infraUp();
      console.log(
        `\n${renderStatusTable(statuses)}\n\nready in ${((Date.now() - started) / 1000).toFixed(1)}s`,
      );
      return 0;
    }
    case 'down': {
      const stopped = await infraDown();
      console.log(
        stopped.length > 0
          ? `stopped: ${stopped.join(', ')}`
          : 'nothing to stop: capstone is not running any infrastructure',
      );
      return 0;
    }
    case 'status': {
      const statuses = await infraStatus();
      console.log(renderStatusTable(statuses));
      return exitCodeFor(statuses);
    }
    default:
      console.error(usage);
      return 2;
  }
}

function exitCodeFor(statuses: ComponentStatus[]): number {
  return statuses.every((status) => status.healthy) ? 0 : 1;
}

run(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof InfraError ? `✗ [${error.code}] ${error.message}` : error);
    process.exit(1);
  },
);
