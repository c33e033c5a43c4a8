import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry before http and pg are loaded, so their calls are traced. The stream processor carries
 * the W3C `traceparent` in Kafka headers itself, so a trace follows a message across services. Spans are exported over
 * OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise tracing still gives log lines their trace ids.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): void {
  if (sdk || env.OTEL_SDK_DISABLED === 'true') return;
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    // Without a collector the SDK would still try its default OTLP endpoint and stall shutdown on it.
    for (const signal of ['OTEL_TRACES_EXPORTER', 'OTEL_METRICS_EXPORTER', 'OTEL_LOGS_EXPORTER'])
      env[signal] ??= 'none';
  }
  sdk = new NodeSDK({
    serviceName: `optline-${serviceName}`,
    traceExporter: env.OTEL_EXPORTER_OTLP_ENDPOINT ? new OTLPTraceExporter() : undefined,
    instrumentations: [new HttpInstrumentation(), new PgInstrumentation()],
  });
  sdk.start();
}

export async function stopTracing(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
  sdk = undefined;
}
