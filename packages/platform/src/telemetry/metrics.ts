import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The Prometheus metrics every service exposes at GET /metrics. */
export class StreamMetrics {
  readonly registry = new Registry();
  readonly messagesIn = new Counter({
    name: 'optline_messages_in_total',
    help: 'Records consumed, by topic',
    labelNames: ['topic'],
    registers: [this.registry],
  });
  readonly messagesOut = new Counter({
    name: 'optline_messages_out_total',
    help: 'Records produced, by topic',
    labelNames: ['topic'],
    registers: [this.registry],
  });
  readonly messagesFailed = new Counter({
    name: 'optline_messages_failed_total',
    help: 'Records dead-lettered, by source topic and reason',
    labelNames: ['topic', 'reason'],
    registers: [this.registry],
  });
  readonly handlerSeconds = new Histogram({
    name: 'optline_handler_duration_seconds',
    help: 'Time to process one consumed batch, state and outputs committed',
    labelNames: ['topic'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly consumerLag = new Gauge({
    name: 'optline_consumer_lag',
    help: 'Records behind the partition end, read every 2 s',
    labelNames: ['topic', 'partition'],
    registers: [this.registry],
  });
  readonly retries = new Counter({
    name: 'optline_transient_retries_total',
    help: 'Batch attempts retried after a transient fault (database or broker unreachable)',
    labelNames: ['topic'],
    registers: [this.registry],
  });

  readonly stalled = new Gauge({
    name: 'optline_consumer_stalled',
    help: '1 while a partition with lag has committed nothing for the stall timeout (readiness is then 503)',
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }
}
