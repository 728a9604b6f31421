import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import WebSocket from 'ws';

type Agent = ReturnType<typeof request>;

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface GraphqlAnswer<Data = unknown> {
  status: number;
  data: Data | null;
  errors?: GraphqlError[];
}

export interface GraphqlCall {
  variables?: Record<string, unknown>;
  /** The whole Authorization header, e.g. `tokenOf(user)`. */
  authorization?: string;
}

/** One operation POSTed to `/graphql` as a GraphQL client sends it. */
export async function graphql<Data = unknown>(
  agent: Agent,
  query: string,
  { variables, authorization }: GraphqlCall = {},
): Promise<GraphqlAnswer<Data>> {
  const call = agent.post('/graphql').set('Content-Type', 'application/json');
  if (authorization) call.set('Authorization', authorization);
  const response = await call.send({ query, variables });
  return { status: response.status, ...response.body };
}

export const codesOf = (answer: GraphqlAnswer): (string | undefined)[] =>
  (answer.errors ?? []).map((error) => error.extensions?.code);

export interface LiveSubscription<Payload> {
  /** Every `next` payload received so far, and every `error` or `connection_error` message whole. */
  received: Payload[];
  close(): Promise<void>;
}

/**
 * A subscription over the graphql-transport-ws protocol (graphql-ws's, which Mercurius speaks
 * beside the older subscriptions-transport-ws one): the token goes in the connection_init payload,
 * as browsers, which cannot set headers on a WebSocket, send it.
 */
export async function subscribe<Payload = unknown>(
  url: string,
  query: string,
  { variables, authorization }: GraphqlCall = {},
): Promise<LiveSubscription<Payload>> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const received: Payload[] = [];
  const acknowledged = new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString());
      if (message.type === 'connection_ack') resolve();
      else if (message.type === 'next') received.push(message.payload);
      else if (message.type === 'error' || message.type === 'connection_error') {
        received.push(message);
      }
    });
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(
    JSON.stringify({
      type: 'connection_init',
      payload: authorization ? { authorization } : {},
    }),
  );
  await acknowledged;
  socket.send(
    JSON.stringify({ id: randomUUID(), type: 'subscribe', payload: { query, variables } }),
  );
  return {
    received,
    close: () =>
      new Promise((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}
