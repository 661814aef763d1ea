import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  form: URLSearchParams;
}

/** The path of `checkout.sessions.create`, for `inject`. */
export const CREATE_CHECKOUT = /^\/v1\/checkout\/sessions$/;
/** The path of `refunds.create`, for `inject`. */
export const CREATE_REFUND = /^\/v1\/refunds$/;

/**
 * A fault the stand-in injects into the next matching request: an HTTP status (a Stripe outage), a request that is
 * never answered (the client times out), or an action run when the request arrives — after Stripe has done the
 * work, and awaited before the answer (e.g. SIGKILL the server that called, between payment creation and its commit;
 * or let the sweeper expire the order whose payment is being created).
 */
export type StripeFault =
  | { status: number }
  | { hang: true }
  | { onArrival: () => unknown; andThen?: { status: number } | { hang: true } };

/**
 * A local stand-in for the few Stripe endpoints the product calls (tests only; no network). It answers
 * like Stripe's API — including replaying the first answer to a repeated `Idempotency-Key` — and records what
 * the real `stripe` client sent, so tests can assert on it.
 */
export async function startFakeStripe() {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, { id: string; status: 'open' | 'complete' | 'expired' }>();
  const byIdempotencyKey = new Map<string, string>();
  /** PaymentIntents refunded (one full refund each), and the answer first given to each refund's idempotency key. */
  const refunded = new Set<string>();
  const refundAnswers = new Map<string, { status: number; json: unknown }>();
  const faults: Array<{ path: RegExp; fault: StripeFault }> = [];
  let counter = 0;
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const path = (req.url ?? '').split('?')[0]!;
    requests.push({ method: req.method ?? '', path, headers: req.headers, form: new URLSearchParams(body) });
    const faultAt = faults.findIndex((f) => f.path.test(path));
    const fault = faultAt >= 0 ? faults.splice(faultAt, 1)[0]!.fault : undefined;
    // Stripe does the work before an outage after it or a dropped answer; an outage before it is a plain status.
    if (fault && 'status' in fault)
      return send(fault.status, { error: { type: 'api_error', message: 'injected' } });
    const answer = handle(req.method ?? '', path, req.headers['idempotency-key'], body);
    if (fault && 'onArrival' in fault) await fault.onArrival();
    const after = fault && 'onArrival' in fault ? fault.andThen : fault;
    if (after && 'hang' in after) return; // never answered: the client's timeout fires
    if (after) return send(after.status, { error: { type: 'api_error', message: 'injected' } });
    send(answer.status, answer.json);

    function send(status: number, json: unknown) {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${counter}` });
      res.end(JSON.stringify(json));
    }
  });

  function handle(method: string, path: string, idempotencyKey: string | string[] | undefined, body: string) {
    const send = (status: number, json: unknown) => ({ status, json });
    if (method === 'POST' && path === '/v1/refunds') {
      const key = typeof idempotencyKey === 'string' ? idempotencyKey : undefined;
      const replayed = key ? refundAnswers.get(key) : undefined;
      if (replayed) return replayed;
      const paymentIntent = new URLSearchParams(body).get('payment_intent') ?? '';
      const answer = refunded.has(paymentIntent)
        ? send(400, {
            error: {
              type: 'invalid_request_error',
              code: 'charge_already_refunded',
              message: `Charge ch_${paymentIntent} has already been refunded.`,
            },
          })
        : send(200, {
            id: `re_${++counter}`,
            object: 'refund',
            payment_intent: paymentIntent,
            status: 'succeeded',
          });
      if (answer.status === 200) refunded.add(paymentIntent);
      if (key) refundAnswers.set(key, answer);
      return answer;
    }
    const sessionObject = (s: { id: string; status: string }) => ({
      id: s.id,
      object: 'checkout.session',
      status: s.status,
      payment_status: s.status === 'complete' ? 'paid' : 'unpaid',
      url: s.status === 'open' ? `https://checkout.stripe.com/c/pay/${s.id}` : null,
    });
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const replayed = typeof idempotencyKey === 'string' ? byIdempotencyKey.get(idempotencyKey) : undefined;
      if (replayed) return send(200, sessionObject(sessions.get(replayed)!));
      const session = { id: `cs_test_${++counter}`, status: 'open' as const };
      sessions.set(session.id, session);
      if (typeof idempotencyKey === 'string') byIdempotencyKey.set(idempotencyKey, session.id);
      return send(200, sessionObject(session));
    }
    const match = path.match(/^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/);
    const session = match ? sessions.get(match[1]!) : undefined;
    if (match && session && method === 'GET') return send(200, sessionObject(session));
    if (match && session && match[2] && method === 'POST') {
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
    return send(404, {
      error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` },
    });
  }
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
    /** The Checkout sessions created so far (a retried creation with the same idempotency key adds none). */
    sessionIds: () => [...sessions.keys()],
    /** A session's status as Stripe has it now. */
    sessionStatus: (id: string) => sessions.get(id)?.status,
    /** The PaymentIntents refunded so far (a retried refund with the same idempotency key adds none). */
    refundedIntents: () => [...refunded],
    /** Injects `fault` into the next request whose path matches (e.g. /^\/v1\/checkout\/sessions$/ for creation). */
    inject: (path: RegExp, fault: StripeFault) => {
      faults.push({ path, fault });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // hung requests too
      }),
  };
}
