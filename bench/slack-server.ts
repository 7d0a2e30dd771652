// The server side of bench/slack.ts, one process per app: starts the app on
// an ephemeral loopback port with a fake Slack Web API beside it (for Bolt's
// auth.test), prints the port, then answers each line on stdin with its own
// CPU time so far. Run by bench/slack.ts as `slack-server.ts <kind>`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { App, Logger } from '@slack/bolt';
import { FakeSlack } from '../test/slack/harness/fake-slack.js';

export const SECRET = 'bench0signing0secret0abcdef123456';

/**
 * `ours`: the app itself; `bare`: a Bolt app that only acks a constant (the
 * framework's own floor); `checked`: a bare Bolt app whose one listener runs
 * the same check and acks the same Block Kit reply as ours, the floor for
 * doing our work at all, so that ours against it is what the app adds.
 */
export type Kind = 'ours' | 'bare' | 'checked';

const silent: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => 'error' as ReturnType<Logger['getLevel']>,
  setName() {},
};

async function bareApp(kind: 'bare' | 'checked', apiUrl: string): Promise<App> {
  const { App } = await import('@slack/bolt');
  // The checker only where it runs: the bare floor loads nothing of ours.
  const replyToNote =
    kind === 'checked' ? (await import('../src/slack/reply.js')).replyToNote : undefined;
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: SECRET,
    logger: silent,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command('/invite-check', async ({ ack, command }) => {
    if (replyToNote === undefined) return ack('ok');
    const reply = replyToNote(command.text, 'basic', { sentButton: true });
    await ack({ response_type: 'ephemeral', text: reply.text, blocks: reply.blocks });
  });
  return app;
}

async function ourApp(apiUrl: string): Promise<App> {
  const { parseConfig } = await import('../src/config.js');
  const { createStore } = await import('../src/store/store.js');
  const { createSlackApp } = await import('../src/slack/app.js');
  const dir = mkdtempSync(join(tmpdir(), 'invite-coach-bench-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    STORE_URL: `sqlite://${join(dir, 'bench.sqlite')}`,
  });
  const store = await createStore({ url: config.storeUrl });
  await seedLedgers(store, Number(process.env.BENCH_SLACK_LEDGER ?? 0));
  return createSlackApp({ config, store, logger: silent });
}

/** The bench's users, as bench/slack.ts signs their commands. */
export const BENCH_USERS = 50;
export const benchUser = (i: number) => `UBENCH${i % BENCH_USERS}`;

/**
 * `BENCH_SLACK_LEDGER=<n>`: each bench user has logged `n` sends, so every
 * check reads a ledger for its budget line, as a returning user's does.
 */
async function seedLedgers(store: import('../src/store/store.js').Store, sends: number) {
  if (!(sends > 0)) return;
  const { storeLedger } = await import('../src/ledger/index.js');
  const ledger = storeLedger(store);
  for (let u = 0; u < BENCH_USERS; u++) {
    const scope = { teamId: 'T111', userId: benchUser(u) };
    for (let k = 0; k < sends; k++)
      await ledger.logSend(scope, {
        recipient: { name: `Person ${k}` },
        noteLength: 120,
        source: 'check',
      });
  }
}

export async function serve(kind: Kind): Promise<void> {
  const slack = await new FakeSlack().start();
  const app = kind === 'ours' ? await ourApp(slack.apiUrl) : await bareApp(kind, slack.apiUrl);
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as import('node:http').Server;
  const address = server.address() as import('node:net').AddressInfo;
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
  // Asked between rounds: the server's own CPU time so far (user + system, µs).
  createInterface({ input: process.stdin }).on('line', () => {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpu: user + system })}\n`);
  });
  process.on('SIGTERM', () => process.exit(0));
}

const entry = process.argv[1] ? pathToFileURL(process.argv[1]).href : '';
if (entry === import.meta.url) {
  const kind = process.argv[2];
  await serve(kind === 'bare' || kind === 'checked' ? kind : 'ours');
}
