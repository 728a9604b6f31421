/** The floor of the comparison: Node's own HTTP server answering each short code from a Map. */
import { createServer } from 'node:http';
import { linksFromEnvironment, READY_PATH } from './redirect-links';

const locations = linksFromEnvironment();

createServer((request, response) => {
  const location = locations.get((request.url as string).slice('/s/'.length));
  if (location !== undefined) {
    response.writeHead(302, { location, 'content-length': 0 });
    response.end();
  } else {
    response.writeHead(request.url === READY_PATH ? 200 : 404, { 'content-length': 0 });
    response.end();
  }
}).listen(Number(process.env.PORT), '127.0.0.1');

process.on('SIGTERM', () => process.exit(0));
