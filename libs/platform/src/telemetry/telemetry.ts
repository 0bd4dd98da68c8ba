import { context, propagation } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ConsoleSpanExporter, NoopSpanProcessor, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export type TracesExporter = 'none' | 'console' | 'otlp';

function exporterFor(kind: TracesExporter, endpoint?: string): SpanExporter | undefined {
  if (kind === 'console') return new ConsoleSpanExporter();
  if (kind === 'otlp') return new OTLPTraceExporter(endpoint ? { url: `${endpoint.replace(/\/$/, '')}/v1/traces` } : {});
  return undefined;
}

/**
 * Starts OpenTelemetry before anything else is required, so HTTP, kafkajs and the Mongo driver get instrumented.
 * With exporter `none` spans are still created (trace ids reach logs and event envelopes) but not exported.
 */
export function startTelemetry(serviceName: string, exporter: TracesExporter = (process.env.OTEL_TRACES_EXPORTER as TracesExporter) ?? 'none'): NodeSDK {
  const traceExporter = exporterFor(exporter, process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    // `none` must say so: given no exporter, the SDK falls back to OTLP on localhost:4318 and tries to ship every
    // batch there every 5 s, from every process, whether or not a collector listens
    ...(traceExporter ? { traceExporter } : { spanProcessors: [new NoopSpanProcessor()] }),
    instrumentations: [new HttpInstrumentation(), new KafkaJsInstrumentation(), new MongoDBInstrumentation()],
  });
  sdk.start();
  return sdk;
}

/** The W3C traceparent of the active context, for event envelopes and workflow inputs. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** Runs `fn` inside the trace context a producer recorded, so a consumer's spans join the producer's trace. */
export function withTraceparent<T>(traceparent: string | undefined, fn: () => T): T {
  if (!traceparent) return fn();
  const parent = propagation.extract(context.active(), { traceparent });
  return context.with(parent, fn);
}
