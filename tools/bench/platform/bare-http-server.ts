/** The floor of the comparison: Node's own HTTP server and nothing else, answering every path. */
import { createServer } from 'node:http';
import { documentFromEnvironment } from './small-document';

const document = documentFromEnvironment();

createServer((_request, response) => {
  // Serialised per request, as a framework serialises a handler's return value.
  const body = JSON.stringify(document);
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1');

process.on('SIGTERM', () => process.exit(0));
