import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sampleText } from './samples.js';

/** One request the app made to "Slack": a Web API call or a POST to a response_url. */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url:<id>`. */
  target: string;
  headers: IncomingMessage['headers'];
  /** Form fields and JSON bodies both end up here; JSON-valued form fields are parsed. */
  body: Record<string, unknown>;
  /** The body as sent (file uploads are neither form nor JSON). */
  raw: string;
}

const SAMPLE_RESPONSES: Record<string, string> = {
  'auth.test': 'api-auth.test.json',
  'chat.postMessage': 'api-chat.postMessage.json',
  'chat.postEphemeral': 'api-chat.postEphemeral.json',
  'chat.update': 'api-chat.update.json',
  'conversations.open': 'api-conversations.open.json',
  'views.publish': 'api-views.publish.json',
  'views.open': 'api-views.open.json',
  'users.info': 'api-users.info.json',
};

/**
 * A loopback server standing in for Slack: the Web API under `/api/<method>`
 * (answering with Slack's sample responses) and response URLs under
 * `/response/<id>`. Records every call. Port 0, so parallel runs never clash.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** Per-method overrides: a file name from the samples folder. */
  readonly responses = new Map<string, string>();
  /**
   * Per-method answers built by a test (for methods without a sample, like
   * apps.connections.open), or a function of the call's body (users.info per user).
   */
  readonly answers = new Map<string, unknown>();
  /** Files served under `/files/<id>` to a request with the bot token, as Slack serves `url_private_download`. */
  readonly files = new Map<
    string,
    {
      body: Buffer | string;
      contentType?: string /** Answers 302 to this URL instead. */;
      redirect?: string;
    }
  >();
  #server: Server | undefined;
  #base = '';

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const url = new URL(req.url ?? '/', 'http://localhost');
        const api = url.pathname.match(/^\/api\/([\w.]+)$/);
        const hook = url.pathname.match(/^\/response\/([\w-]+)$/);
        const target = api ? api[1] : hook ? `response_url:${hook[1]}` : url.pathname;
        this.calls.push({
          target: target ?? '',
          headers: req.headers,
          body: req.url?.startsWith('/upload/') ? {} : parseBody(raw, req.headers['content-type']),
          raw,
        });
        const served = url.pathname.match(/^\/files\/([\w.-]+)$/);
        if (served?.[1] !== undefined) {
          const file = this.files.get(served[1]);
          // Like Slack: no token, no file (its sign-in page instead).
          if (!file || req.headers.authorization !== 'Bearer xoxb-test-token') {
            res.setHeader('content-type', 'text/html');
            res.end('<html>sign in</html>');
            return;
          }
          if (file.redirect) {
            res.writeHead(302, { location: file.redirect });
            res.end();
            return;
          }
          res.setHeader('content-type', file.contentType ?? 'text/csv');
          res.end(file.body);
          return;
        }
        res.setHeader('content-type', 'application/json; charset=utf-8');
        if (api?.[1] && this.answers.has(api[1])) {
          const answer = this.answers.get(api[1]);
          const call = this.calls.at(-1);
          res.end(JSON.stringify(typeof answer === 'function' ? answer(call?.body ?? {}) : answer));
          return;
        }
        if (api?.[1]) {
          const file = this.responses.get(api[1]) ?? SAMPLE_RESPONSES[api[1]];
          if (!file) {
            res.end(JSON.stringify({ ok: false, error: 'unknown_method' }));
            return;
          }
          res.end(sampleText(file));
          return;
        }
        res.end(JSON.stringify({ ok: true }));
      });
    });
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    const { port } = this.#server.address() as AddressInfo;
    this.#base = `http://127.0.0.1:${port}`;
    return this;
  }

  /** For `SLACK_API_URL`. */
  get apiUrl(): string {
    return `${this.#base}/api/`;
  }

  /** Where files.getUploadURLExternal tells the app to send a file's bytes. */
  uploadUrl(id: string): string {
    return `${this.#base}/upload/${id}`;
  }

  /** The `url_private_download` of a file put in {@link files}. */
  fileUrl(id: string): string {
    return `${this.#base}/files/${id}`;
  }

  responseUrl(id: string): string {
    return `${this.#base}/response/${id}`;
  }

  callsTo(target: string): RecordedCall[] {
    return this.calls.filter((c) => c.target === target);
  }

  async close(): Promise<void> {
    if (!this.#server) return;
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
