import { drive, type LoadFigures } from './drive';
import { ApiClient } from './http';
import { startServer } from './servers';

/**
 * The HTTP floor (bench/floor-server.ts) at each client count: requests per second when a request does nothing but
 * one pgbench transaction, driven by the same client as the purchases, with a body of the size of an order.
 */
export async function httpFloor(
  pgbenchUrl: string,
  scale: number,
  port: number,
  clientCounts: readonly number[],
  seconds: number,
): Promise<LoadFigures[]> {
  const server = await startServer('bench/floor-server.ts', port, {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: pgbenchUrl,
    PGBENCH_SCALE: String(scale),
  });
  try {
    const figures: LoadFigures[] = [];
    for (const count of clientCounts) {
      const clients = Array.from({ length: count }, () => new ApiClient(server.base));
      figures.push(
        await drive(clients, seconds, (api) =>
          api.mutation('floor.tpcb', {
            offeringId: crypto.randomUUID(),
            quantity: 1,
            idempotencyKey: `bench-${crypto.randomUUID()}`,
            notRelatedDeclared: true,
          }),
        ),
      );
    }
    return figures;
  } catch (error) {
    console.error(`--- HTTP floor server ---\n${server.log().slice(-4000)}`);
    throw error;
  } finally {
    await server.stop();
  }
}
