import { call } from './loopback-http';

export type Labels = Readonly<Record<string, string>>;

const SAMPLE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

function labelsOf(text: string | undefined): Labels {
  return Object.fromEntries(
    [...(text ?? '').matchAll(LABEL)].map(([, name, value]) => [name, value]),
  );
}

/**
 * The sum of a metric's samples whose labels `matches` accepts, read from a service's `/metrics`
 * as Prometheus reads it (text format); 0 while the metric has no sample.
 */
export async function scrapeMetric(
  serviceUrl: string,
  name: string,
  matches: (labels: Labels) => boolean = () => true,
): Promise<number> {
  const answer = await call({ url: `${serviceUrl}/metrics` });
  if (answer.status !== 200) throw new Error(`${serviceUrl}/metrics answered ${answer.status}`);
  let sum = 0;
  for (const line of answer.body.split('\n')) {
    const sample = SAMPLE.exec(line);
    if (sample && sample[1] === name && matches(labelsOf(sample[2]))) sum += Number(sample[3]);
  }
  return sum;
}
