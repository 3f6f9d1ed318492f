// A small Prometheus registry (counters, gauges, histograms with labels) and its text exposition format
// 0.0.4. prom-client is not installed; these few lines are all /metrics needs.
type Labels = Record<string, string>;

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (l: Labels) => {
  const keys = Object.keys(l).sort();
  return keys.length ? '{' + keys.map((k) => `${k}="${escape(l[k])}"`).join(',') + '}' : '';
};
const keyOf = (l: Labels) => labelText(l);

interface Metric {
  render(): string[];
}

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = keyOf(labels);
    const cur = this.values.get(k) ?? { labels, value: 0 };
    cur.value += by;
    this.values.set(k, cur);
  }
  get(labels: Labels = {}): number {
    return this.values.get(keyOf(labels))?.value ?? 0;
  }
  render(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values()) out.push(`${this.name}${labelText(labels)} ${value}`);
    return out;
  }
}

export class Gauge implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number | (() => number) }>();
  constructor(readonly name: string, readonly help: string) {}
  set(value: number | (() => number), labels: Labels = {}): void {
    this.values.set(keyOf(labels), { labels, value });
  }
  inc(labels: Labels = {}, by = 1): void {
    const cur = this.values.get(keyOf(labels));
    const v = cur && typeof cur.value === 'number' ? cur.value : 0;
    this.set(v + by, labels);
  }
  dec(labels: Labels = {}, by = 1): void {
    this.inc(labels, -by);
  }
  render(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`];
    for (const { labels, value } of this.values.values()) out.push(`${this.name}${labelText(labels)} ${typeof value === 'function' ? value() : value}`);
    return out;
  }
}

export class Histogram implements Metric {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]) {}
  observe(seconds: number, labels: Labels = {}): void {
    const k = keyOf(labels);
    let s = this.series.get(k);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    this.buckets.forEach((b, i) => {
      if (seconds <= b) s.counts[i]++;
    });
    s.sum += seconds;
    s.count++;
  }
  render(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) => out.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`));
      out.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      out.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`);
      out.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return out;
  }
}

export class Registry {
  private readonly metrics: Metric[] = [];
  register<M extends Metric>(m: M): M {
    this.metrics.push(m);
    return m;
  }
  render(): string {
    return this.metrics.flatMap((m) => m.render()).join('\n') + '\n';
  }
}

/** The gateway's metrics; one set per app instance so in-process tests do not share counters. */
export function gatewayMetrics() {
  const registry = new Registry();
  return {
    registry,
    requests: registry.register(new Counter('cats_http_requests_total', 'HTTP requests by route and status')),
    requestSeconds: registry.register(new Histogram('cats_http_request_duration_seconds', 'HTTP request duration by route')),
    submitStageSeconds: registry.register(new Histogram('cats_submit_stage_duration_seconds', 'Fabric submit stage duration (endorse, submit, commit)')),
    retries: registry.register(new Counter('cats_submit_retries_total', 'New proposals sent after a retryable failure, by reason')),
    commits: registry.register(new Counter('cats_submit_commits_total', 'Committed writes by transaction: whether the first transaction sent to ordering committed (first_attempt), whether an endorsement was asked again (endorsement_retried)')),
    orderingWaitSeconds: registry.register(new Histogram('cats_submit_ordering_wait_seconds', 'Time a write waited behind earlier writes on the same guarantee')),
    inFlight: registry.register(new Gauge('cats_submit_queue_depth', 'Transactions submitted and not yet committed')),
    indexLagBlocks: registry.register(new Gauge('cats_index_lag_blocks', 'Blocks between the ledger height and the index checkpoint')),
    indexEvents: registry.register(new Counter('cats_index_events_total', 'Chaincode events applied to the off-chain index')),
    webhookDeliveries: registry.register(new Counter('cats_webhook_deliveries_total', 'Webhook delivery attempts by outcome')),
  };
}

export type GatewayMetrics = ReturnType<typeof gatewayMetrics>;
