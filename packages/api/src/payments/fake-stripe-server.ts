import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  form: URLSearchParams;
}

/**
 * A local stand-in for the few Stripe endpoints the product calls (tests only; no network). It answers
 * like Stripe's API and records what the real `stripe` client sent, so tests can assert on it.
 */
export async function startFakeStripe() {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, { id: string; status: 'open' | 'complete' | 'expired' }>();
  let counter = 0;
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const path = (req.url ?? '').split('?')[0]!;
    requests.push({ method: req.method ?? '', path, headers: req.headers, form: new URLSearchParams(body) });
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${counter}` });
      res.end(JSON.stringify(json));
    };
    const sessionObject = (s: { id: string; status: string }) => ({
      id: s.id,
      object: 'checkout.session',
      status: s.status,
      payment_status: s.status === 'complete' ? 'paid' : 'unpaid',
      url: s.status === 'open' ? `https://checkout.stripe.com/c/pay/${s.id}` : null,
    });
    if (req.method === 'POST' && path === '/v1/checkout/sessions') {
      const session = { id: `cs_test_${++counter}`, status: 'open' as const };
      sessions.set(session.id, session);
      return send(200, sessionObject(session));
    }
    const match = path.match(/^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/);
    const session = match ? sessions.get(match[1]!) : undefined;
    if (match && session && req.method === 'GET') return send(200, sessionObject(session));
    if (match && session && match[2] && req.method === 'POST') {
      if (session.status !== 'open') {
        return send(400, {
          error: {
            type: 'invalid_request_error',
            message: `Only Checkout Sessions with a status in ["open"] can be expired.`,
          },
        });
      }
      session.status = 'expired';
      return send(200, sessionObject(session));
    }
    send(404, {
      error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path})` },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: { host: '127.0.0.1', port, protocol: 'http' as const },
    requests,
    /** What Stripe's side would do when the buyer pays in Checkout. */
    markPaid: (id: string) => {
      const s = sessions.get(id);
      if (s) s.status = 'complete';
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
