import { drive, type LoadFigures } from './drive';
import { ApiClient } from './http';
import { type ApiServer, startServer } from './servers';

/**
 * The HTTP floor (bench/floor-server.ts) as 1 and as 2 processes, like the API, at each client count: requests per
 * second when a request does nothing but one pgbench transaction, driven by the same client as the purchases (spread
 * round-robin over the processes), with a body of the size of an order.
 */
export async function httpFloor(options: {
  pgbenchUrl: string;
  scale: number;
  firstPort: number;
  processCounts: readonly number[];
  clientCounts: readonly number[];
  seconds: number;
}): Promise<Array<LoadFigures & { processes: number }>> {
  const figures: Array<LoadFigures & { processes: number }> = [];
  for (const processes of options.processCounts) {
    const servers: ApiServer[] = [];
    try {
      for (let i = 0; i < processes; i++) {
        const port = options.firstPort + i;
        servers.push(
          await startServer('bench/floor-server.ts', port, {
            ...process.env,
            NODE_ENV: 'production',
            PORT: String(port),
            DATABASE_URL: options.pgbenchUrl,
            PGBENCH_SCALE: String(options.scale),
          }),
        );
      }
      for (const count of options.clientCounts) {
        const clients = Array.from({ length: count }, (_, i) => new ApiClient(servers[i % processes]!.base));
        const step = await drive(clients, options.seconds, (api) =>
          api.mutation('floor.tpcb', {
            offeringId: crypto.randomUUID(),
            quantity: 1,
            idempotencyKey: `bench-${crypto.randomUUID()}`,
            notRelatedDeclared: true,
          }),
        );
        figures.push({ processes, ...step });
      }
    } catch (error) {
      for (const s of servers) console.error(`--- HTTP floor server ${s.base} ---\n${s.log().slice(-4000)}`);
      throw error;
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }
  return figures;
}
