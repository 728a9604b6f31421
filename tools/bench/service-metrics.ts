import { call } from './loopback-http';

export type Labels = Readonly<Record<string, string>>;

export interface MetricsPage {
  /** The sum of a metric's samples whose labels `matches` accepts; 0 while it has none. */
  sum(name: string, matches?: (labels: Labels) => boolean): number;
}

const SAMPLE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

function labelsOf(text: string | undefined): Labels {
  return Object.fromEntries(
    [...(text ?? '').matchAll(LABEL)].map(([, name, value]) => [name, value]),
  );
}

/**
 * A service's `/metrics` at one moment, read as Prometheus reads it (text format): figures taken
 * from one page describe the same instant.
 */
export async function scrapeMetrics(serviceUrl: string): Promise<MetricsPage> {
  const answer = await call({ url: `${serviceUrl}/metrics` });
  if (answer.status !== 200) throw new Error(`${serviceUrl}/metrics answered ${answer.status}`);
  const samples = answer.body.split('\n').flatMap((line) => {
    const sample = SAMPLE.exec(line);
    return sample
      ? [{ name: sample[1], labels: labelsOf(sample[2]), value: Number(sample[3]) }]
      : [];
  });
  return {
    sum: (name, matches = () => true) =>
      samples
        .filter((sample) => sample.name === name && matches(sample.labels))
        .reduce((total, sample) => total + sample.value, 0),
  };
}
