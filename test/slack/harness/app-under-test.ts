import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, Logger } from '@slack/bolt';
import { parseConfig } from '../../../src/config.js';
import type { DigestScheduler } from '../../../src/digest/scheduler.js';
import { createDrafter, type Drafter } from '../../../src/draft/index.js';
import { createSlackApp, type DigestOptions, startDigests } from '../../../src/slack/app.js';
import { createDeps, type Deps } from '../../../src/slack/context.js';
import { createStore, type Store, type StoreOptions } from '../../../src/store/store.js';
import { FakeSlack } from './fake-slack.js';
import { sampleJson, sampleText } from './samples.js';
import { signedHeaders } from './signing.js';

export const SIGNING_SECRET = 'e2e0test0signing0secret0abcdef12';

export interface Posted {
  status: number;
  text: string;
  json(): Record<string, unknown>;
}

/**
 * Log lines the app wrote at the level it asked for (as Bolt's ConsoleLogger
 * filters), so tests can check that no note text is ever logged.
 */
export function memoryLogger(lines: string[]): Logger {
  const order = ['debug', 'info', 'warn', 'error'];
  let level = 'info';
  const push =
    (tag: string) =>
    (...msg: unknown[]) => {
      if (order.indexOf(tag) >= order.indexOf(level))
        lines.push(`${tag} ${msg.map(String).join(' ')}`);
    };
  return {
    debug: push('debug'),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level as ReturnType<Logger['getLevel']>,
    setName: () => {},
  };
}

/**
 * The real Bolt app with its real HTTP receiver on an ephemeral loopback port,
 * a fake Slack beside it, and a fresh SQLite store in a temporary folder.
 */
export class AppUnderTest {
  readonly slack = new FakeSlack();
  constructor(
    readonly options: {
      drafter?: Drafter;
      /** The app's clock; the real one by default. Tests that count days fix it. */
      clock?: () => Date;
      /** Another store than the temporary SQLite file (Redis, Postgres), and how to empty it at stop. */
      store?: StoreOptions & { dispose?(store: Store): Promise<void> };
      /**
       * Starts the digest scheduler as `npm start` does, with these options
       * (a test clock, a fast tick). Off by default: other tests' users must
       * not get digests at the real time.
       */
      digest?: DigestOptions;
    } = {},
  ) {}
  readonly logs: string[] = [];
  store!: Store;
  app!: App;
  digests: DigestScheduler | undefined;
  /** Digest passes finished since start (with `digest` on). */
  digestPasses = 0;
  #server!: Server;
  #dir = '';
  base = '';

  async start(): Promise<this> {
    await this.slack.start();
    this.#dir = mkdtempSync(join(tmpdir(), 'invite-coach-e2e-'));
    const config = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: this.slack.apiUrl,
      STORE_URL: `sqlite://${join(this.#dir, 'store.sqlite')}`,
    });
    const { dispose: _dispose, ...storeOptions } = this.options.store ?? { url: config.storeUrl };
    this.store = await createStore(storeOptions);
    this.app = createSlackApp({
      config,
      store: this.store,
      logger: memoryLogger(this.logs),
      ...(this.options.drafter ? { drafter: this.options.drafter } : {}),
      ...(this.options.clock ? { clock: this.options.clock } : {}),
    });
    this.#server = (await this.app.start({ port: 0, host: '127.0.0.1' })) as Server;
    const { port } = this.#server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${port}`;
    if (this.options.digest) {
      const { onPass } = this.options.digest;
      this.digests = startDigests(this.app, this.store, {
        ...this.options.digest,
        onPass: (result) => {
          this.digestPasses++;
          onPass?.(result);
        },
      });
    }
    return this;
  }

  /** A second view of the app's own store, for setting up and inspecting ledgers. */
  deps(): Deps {
    return createDeps(this.store, createDrafter(), this.options.clock);
  }

  async stop(): Promise<void> {
    await this.digests?.stop();
    this.#server.closeAllConnections();
    await this.app.stop();
    await this.options.store?.dispose?.(this.store);
    await this.store.close();
    await this.slack.close();
    rmSync(this.#dir, { recursive: true, force: true });
  }

  /** POSTs a raw body to /slack/events, signed unless headers say otherwise. */
  async post(
    body: string,
    contentType: string,
    headers: Record<string, string> = {},
  ): Promise<Posted> {
    const res = await fetch(`${this.base}/slack/events`, {
      method: 'POST',
      headers: { ...signedHeaders(SIGNING_SECRET, body, contentType), ...headers },
      body,
    });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
  }

  /** A slash command built from Slack's real-encoded sample, with our command and text. */
  command(text: string, fields: Record<string, string> = {}, headers?: Record<string, string>) {
    return this.post(
      commandBody(text, { response_url: this.slack.responseUrl(randomUUID()), ...fields }),
      FORM,
      headers,
    );
  }

  /** An Events API delivery. */
  event(envelope: Record<string, unknown>, headers?: Record<string, string>) {
    return this.post(JSON.stringify(envelope), 'application/json', headers);
  }

  /** An interaction (`payload=<json>`, form-encoded). */
  interaction(payload: Record<string, unknown>) {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
  }

  /** Every key in the store, to prove what was (not) written. */
  async storedKeys(): Promise<string[]> {
    const keys: string[] = [];
    const iterator = this.store.keyv.iterator;
    if (!iterator) throw new Error('store cannot list keys');
    for await (const [key] of iterator.call(this.store.keyv, undefined)) keys.push(String(key));
    return keys;
  }
}

export const FORM = 'application/x-www-form-urlencoded';

/** Slack's real-encoded slash-command sample with `command=/invite-check`, the given text and fields. */
export function commandBody(text: string, fields: Record<string, string> = {}): string {
  const params = new URLSearchParams(sampleText('slash-command.java-sdk-real.form.txt'));
  params.set('command', '/invite-check');
  params.set('text', text);
  // A plain workspace unless a test asks for Enterprise Grid.
  params.delete('enterprise_id');
  params.delete('enterprise_name');
  params.set('team_id', 'T111');
  params.set('user_id', 'U111');
  for (const [k, v] of Object.entries(fields)) params.set(k, v);
  return params.toString();
}

let eventCounter = 0;

/** `message.im` from Slack's docs sample, with a fresh event_id, our text and user. */
export function dmEvent(
  text: string,
  overrides: Record<string, unknown> = {},
  user = 'U2147483697',
) {
  const envelope = sampleJson<Record<string, unknown> & { event: Record<string, unknown> }>(
    'event-message-im.json',
  );
  eventCounter++;
  return {
    ...envelope,
    event_id: `Ev${Date.now().toString(36).toUpperCase()}${eventCounter}`,
    event: {
      ...envelope.event,
      text,
      user,
      ts: `1355517523.${String(eventCounter).padStart(6, '0')}`,
      ...overrides,
    },
  };
}

/** Any sample envelope with a fresh event_id. */
export function freshEvent(
  sample: string,
): Record<string, unknown> & { event: Record<string, unknown> } {
  eventCounter++;
  const envelope = sampleJson<Record<string, unknown> & { event: Record<string, unknown> }>(sample);
  return { ...envelope, event_id: `Ev${Date.now().toString(36).toUpperCase()}X${eventCounter}` };
}
