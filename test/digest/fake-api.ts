import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the two Web API methods the digest calls. Counts
 * `chat.postMessage` per channel; can answer 429 with Retry-After for a
 * user's first post, a platform error (`user_not_found`) for some users, or
 * never answer a given post (to kill a sender in the middle of it).
 */
export class DigestFakeApi {
  readonly posts = new Map<string, number>();
  /** Digest weeks posted per channel (from the message metadata), for conversations.history. */
  readonly weeks = new Map<string, string[]>();
  /** Messages in a user's DM after the digests (checked notes), for conversations.history's paging. */
  readonly chatter = new Map<string, number>();
  /** channel → Slack error code, answered as `{ ok: false, error }`. */
  readonly errors = new Map<string, string>();
  /** Channels whose first post is answered 429 with `Retry-After: 1`. */
  readonly rateLimitOnce = new Set<string>();
  rateLimited = 0;
  /** The n-th post (1-based) is never answered. */
  hangAt: number | undefined;
  totalPosts = 0;
  readonly #waiters: Array<{ n: number; resolve: () => void }> = [];
  #server: Server | undefined;

  async start(): Promise<string> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const method = (req.url ?? '').replace(/^\/api\//, '').replace(/\?.*$/, '');
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        res.setHeader('content-type', 'application/json; charset=utf-8');
        if (method === 'users.info') {
          res.end(JSON.stringify({ ok: true, user: { id: form.get('user'), tz: 'UTC' } }));
          return;
        }
        if (method === 'conversations.open') {
          res.end(JSON.stringify({ ok: true, channel: { id: `D${form.get('users')}` } }));
          return;
        }
        if (method === 'conversations.history') {
          const user = (form.get('channel') ?? '').slice(1);
          // Newest first, as Slack pages it: any chatter after the digests, then the digests.
          const messages = [
            ...Array.from({ length: this.chatter.get(user) ?? 0 }, () => ({
              type: 'message',
              text: 'a checked note',
            })),
            ...(this.weeks.get(user) ?? []).toReversed().map((week) => ({
              type: 'message',
              metadata: { event_type: 'invite_coach_digest', event_payload: { week } },
            })),
          ];
          const from = Number(form.get('cursor') ?? 0);
          const limit = Number(form.get('limit') ?? 100);
          const page = messages.slice(from, from + limit);
          const more = from + limit < messages.length;
          res.end(
            JSON.stringify({
              ok: true,
              messages: page,
              has_more: more,
              response_metadata: { next_cursor: more ? String(from + limit) : '' },
            }),
          );
          return;
        }
        if (method !== 'chat.postMessage') {
          res.end(JSON.stringify({ ok: false, error: 'unknown_method' }));
          return;
        }
        const channel = form.get('channel') ?? '';
        if (this.rateLimitOnce.delete(channel)) {
          this.rateLimited++;
          res.statusCode = 429;
          res.setHeader('retry-after', '1');
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
          return;
        }
        this.totalPosts++;
        this.posts.set(channel, (this.posts.get(channel) ?? 0) + 1);
        const metadata = form.get('metadata');
        if (metadata) {
          const week = (JSON.parse(metadata) as { event_payload?: { week?: string } }).event_payload
            ?.week;
          if (week) this.weeks.set(channel, [...(this.weeks.get(channel) ?? []), week]);
        }
        for (const w of [...this.#waiters]) {
          if (this.totalPosts >= w.n) {
            this.#waiters.splice(this.#waiters.indexOf(w), 1);
            w.resolve();
          }
        }
        if (this.hangAt === this.totalPosts) return; // never answered
        const error = this.errors.get(channel);
        res.end(
          JSON.stringify(
            error
              ? { ok: false, error }
              : { ok: true, channel: 'D0TEST', ts: `${Date.now()}.000100` },
          ),
        );
      });
    });
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/api/`;
  }

  /** Resolves once `n` posts have arrived. */
  waitForPosts(n: number): Promise<void> {
    if (this.totalPosts >= n) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ n, resolve }));
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }
}
