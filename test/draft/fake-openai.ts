import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reply of the stand-in OpenAI-compatible server. */
export type Reply =
  | { note: string; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { content: string }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { hang: true };

export interface FakeOpenAi {
  baseURL: string;
  /** The JSON bodies of every request received, in order. */
  requests: Array<{
    model: string;
    messages: Array<{ role: string; content: string }>;
    response_format?: unknown;
  }>;
  close(): Promise<void>;
}

type Request = FakeOpenAi['requests'][number];

/**
 * A real HTTP server on loopback that answers chat completions from a script:
 * replies in order (the last one repeats), or a function of each request.
 * Token usage is estimated at four characters a token unless a reply sets it.
 */
export async function startFakeOpenAi(
  script: Reply[] | ((request: Request, index: number) => Reply),
): Promise<FakeOpenAi> {
  const requests: FakeOpenAi['requests'] = [];
  const hanging: IncomingMessage[] = [];
  let next = 0;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Request;
    requests.push(request);
    const index = next++;
    const reply =
      typeof script === 'function'
        ? script(request, index)
        : (script[Math.min(index, script.length - 1)] as Reply);
    if ('hang' in reply) {
      hanging.push(req);
      return;
    }
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(
        JSON.stringify(
          reply.body ?? { error: { message: 'scripted failure', type: 'server_error' } },
        ),
      );
      return;
    }
    const content =
      'note' in reply
        ? JSON.stringify({ note: reply.note, context: '', invite: '', next_step: '' })
        : reply.content;
    const estimate = (text: string) => Math.ceil(text.length / 4);
    const usage =
      'note' in reply && reply.usage
        ? reply.usage
        : {
            prompt_tokens: estimate(request.messages.map((m) => m.content).join('\n')),
            completion_tokens: estimate(content),
          };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: `chatcmpl-${next}`,
        object: 'chat.completion',
        created: 1_700_000_000,
        model: 'scripted',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const req of hanging) req.socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
