import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who asked for the work in progress. Set once per HTTP request or consumed message, then read
 * anywhere below it (logs, outbox rows, Kafka headers) without passing it through every call.
 */
export interface CorrelationContext {
  /** Identifies one HTTP request or one delivery; echoed as X-Request-Id. */
  requestId: string;
  /** Identifies the whole causal chain across services; carried over HTTP and Kafka. */
  correlationId: string;
  /** The event (if any) that caused this work. */
  causationId?: string;
  /** W3C `traceparent` received with the work, passed on unchanged to whatever it causes. */
  traceparent?: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export const Correlation = {
  run<T>(context: CorrelationContext, work: () => T): T {
    return storage.run(context, work);
  },
  current(): CorrelationContext | undefined {
    return storage.getStore();
  },
};
