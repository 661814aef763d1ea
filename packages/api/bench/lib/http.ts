/**
 * A browser-like client of the real HTTP API: signs in through better-auth (keeps the session cookie) and calls tRPC
 * procedures over fetch with the superjson envelope. Every request carries `Origin: <server base URL>`, as a browser
 * on the product's own pages would (cookie-authenticated mutations are CSRF-checked against it).
 */
export class ApiClient {
  private cookie = '';

  constructor(readonly base: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const res = await fetch(`${this.base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in ${email}: HTTP ${res.status} ${await res.text()}`);
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }

  async query<T>(path: string, input?: unknown): Promise<T> {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    return this.result<T>(
      path,
      await fetch(`${this.base}/api/trpc/${path}${query}`, { headers: this.headers() }),
    );
  }

  async mutation<T>(path: string, input: unknown): Promise<T> {
    const res = await fetch(`${this.base}/api/trpc/${path}`, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ json: input }),
    });
    return this.result<T>(path, res);
  }

  private headers(): Record<string, string> {
    return this.cookie ? { origin: this.base, cookie: this.cookie } : { origin: this.base };
  }

  private async result<T>(path: string, res: Response): Promise<T> {
    const text = await res.text();
    const body = JSON.parse(text) as { result?: { data?: { json?: T } }; error?: unknown };
    if (!res.ok || body.error || !body.result)
      throw new Error(`${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
    return body.result.data?.json as T;
  }
}
