export interface LoadFigures {
  clients: number;
  seconds: number;
  operations: number;
  perSecond: number;
  errors: number;
  firstError?: string;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

/**
 * Closed-loop load: every client repeats `operation` back to back until `seconds` have passed (an operation started
 * before the deadline finishes and counts). Latency is per operation, wall clock.
 */
export async function drive<C>(
  clients: readonly C[],
  seconds: number,
  operation: (client: C) => Promise<unknown>,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        const began = performance.now();
        try {
          await operation(client);
          latencies.push(performance.now() - began);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    clients: clients.length,
    seconds: round(elapsed, 2),
    operations: latencies.length,
    perSecond: round(latencies.length / elapsed, 1),
    errors,
    ...(firstError ? { firstError } : {}),
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      max: round(latencies.at(-1) ?? 0, 1),
    },
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!, 1);
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
