import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { parseConfig } from '../../src/config.js';
import { createSlackApp } from '../../src/slack/app.js';
import { createStore, type Store } from '../../src/store/store.js';
import { commandBody, dmEvent, memoryLogger } from './harness/app-under-test.js';
import { FakeSlack } from './harness/fake-slack.js';

// Socket Mode, the default: the real Bolt app with its real Socket Mode client,
// against a fake Slack that answers apps.connections.open with a loopback
// WebSocket and speaks Slack's envelope protocol on it.
let slack: FakeSlack;
let wss: WebSocketServer;
let socket: WebSocket;
const received: Record<string, unknown>[] = [];
let app: App;
let store: Store;
let dir: string;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(wss, 'listening');
  const { port } = wss.address() as AddressInfo;
  slack.answers.set('apps.connections.open', { ok: true, url: `ws://127.0.0.1:${port}/` });
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(
      JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A111' } }),
    );
  });

  dir = mkdtempSync(join(tmpdir(), 'invite-coach-socket-'));
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-socket-test',
    SLACK_APP_TOKEN: 'xapp-socket-test',
    SLACK_API_URL: slack.apiUrl,
    STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
  });
  store = await createStore({ url: config.storeUrl });
  app = createSlackApp({ config, store, logger: memoryLogger([]) });
  await app.start();
});

afterAll(async () => {
  await app?.stop();
  await store?.close();
  for (const client of wss?.clients ?? []) client.terminate();
  await new Promise<void>((resolve) => wss?.close(() => resolve()));
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Socket Mode', () => {
  it('opens the connection through SLACK_API_URL with the app token', () => {
    const open = slack.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.headers.authorization).toBe('Bearer xapp-socket-test');
  });

  it('answers /invite-check in the envelope ack', async () => {
    const payload = Object.fromEntries(
      new URLSearchParams(commandBody('Hi [Name], we met at the meetup.')),
    );
    socket.send(
      JSON.stringify({
        envelope_id: 'env-cmd-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload,
      }),
    );
    // The first check of the process loads the rules: on a busy machine that takes over a second.
    await vi.waitFor(() => expect(received.some((m) => m.envelope_id === 'env-cmd-1')).toBe(true), {
      timeout: 5000,
    });
    const ack = received.find((m) => m.envelope_id === 'env-cmd-1') as {
      payload: { blocks: unknown[] };
    };
    expect(JSON.stringify(ack.payload.blocks)).toContain('Hi *[Name]*, we met at the meetup.');
    expect(JSON.stringify(ack.payload.blocks)).toMatch(/\/200 characters · Basic account/);
  });

  it('acks a DM event and answers it in the DM', async () => {
    const envelope = dmEvent('help', { channel: 'DSOCKET1' });
    socket.send(
      JSON.stringify({
        envelope_id: 'env-ev-1',
        type: 'events_api',
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: '',
        payload: envelope,
      }),
    );
    await vi.waitFor(() =>
      expect(slack.callsTo('chat.postMessage').some((c) => c.body.channel === 'DSOCKET1')).toBe(
        true,
      ),
    );
    expect(received.some((m) => m.envelope_id === 'env-ev-1')).toBe(true);
  });
});
