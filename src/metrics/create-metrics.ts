export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  labels?: Labels;
  value: number;
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

export type MetricType = 'counter' | 'gauge';

export interface MetricsRegistry {
  /**
   * A counter the code increments. Without `initial` it is one unlabelled series starting at 0; with it, those label
   * sets are exposed at 0 before their first increment (`[]`: a series appears at its first increment).
   */
  counter(name: string, help: string, initial?: readonly Labels[]): Counter;
  /** Samples read at scrape time (queue depth, a component's own totals). */
  collect(name: string, help: string, type: MetricType, read: () => Sample[] | Promise<Sample[]>): void;
  /**
   * The Prometheus text exposition (format 0.0.4). A collected family whose read fails is left out of this scrape
   * (and reported to `onCollectError`): the counters are most useful exactly when the store is down.
   */
  render(onCollectError?: (name: string, error: unknown) => void): Promise<string>;
}

interface Family {
  name: string;
  help: string;
  type: MetricType;
  read: () => Sample[] | Promise<Sample[]>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A tiny Prometheus registry, no dependency: https://prometheus.io/docs/instrumenting/exposition_formats/ */
export function createMetrics(): MetricsRegistry {
  const families: Family[] = [];

  function add(family: Family): void {
    if (!NAME.test(family.name)) throw new TypeError(`invalid metric name: ${family.name}`);
    if (families.some((f) => f.name === family.name)) throw new TypeError(`metric registered twice: ${family.name}`);
    families.push(family);
  }

  return {
    counter(name, help, initial) {
      const values = new Map<string, Sample>();
      for (const labels of initial ?? [{}]) values.set(labelText(labels), { labels, value: 0 });
      add({ name, help, type: 'counter', read: () => [...values.values()] });
      return {
        inc(labels = {}, by = 1) {
          if (!(by >= 0)) throw new RangeError(`a counter only goes up: ${name} by ${by}`);
          const key = labelText(labels);
          const sample = values.get(key);
          if (sample) sample.value += by;
          else values.set(key, { labels, value: by });
        },
      };
    },
    collect(name, help, type, read) {
      add({ name, help, type, read });
    },
    async render(onCollectError) {
      const blocks = await Promise.all(
        families.map(async (family) => {
          let samples: Sample[];
          try {
            samples = await family.read();
          } catch (error) {
            onCollectError?.(family.name, error);
            return '';
          }
          const lines = [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`];
          for (const sample of samples) lines.push(`${family.name}${labelText(sample.labels)} ${number(sample.value)}`);
          return `${lines.join('\n')}\n`;
        }),
      );
      return blocks.join('');
    },
  };
}

function labelText(labels: Labels = {}): string {
  const names = Object.keys(labels).sort();
  if (names.length === 0) return '';
  const pairs = names.map((name) => {
    if (!LABEL.test(name) || name.startsWith('__')) throw new TypeError(`invalid label name: ${name}`);
    return `${name}="${escapeValue(String(labels[name]))}"`;
  });
  return `{${pairs.join(',')}}`;
}

function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function number(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}
