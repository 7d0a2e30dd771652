/**
 * A digest sender process for the exactly-once tests, run with `node --import tsx`.
 * Argument: JSON `{ target, slackApiUrl, now, leaseMs? }`. Opens the store,
 * prints `ready`, waits for a line on stdin, runs one digest pass with the
 * store's claims and prints `done <result json>`.
 */
import { createInterface } from 'node:readline';
import { webApi } from '@slack/bolt';
import { runDigests } from '../../src/digest/pass.js';
import type { DigestClient } from '../../src/digest/send.js';
import { LedgerRepository } from '../../src/ledger/store.js';
import { digestMessage } from '../../src/slack/blocks/digest-message.js';
import { type BackendTarget, openStore } from '../ledger/store/backends.js';

interface WorkerArgs {
  target: BackendTarget;
  slackApiUrl: string;
  now: string;
  leaseMs?: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as WorkerArgs;
const store = await openStore(args.target);
const clock = () => new Date(args.now);
const say = (line: string) => process.stdout.write(`${line}\n`);
const client = new webApi.WebClient('xoxb-test', {
  slackApiUrl: args.slackApiUrl,
  logLevel: webApi.LogLevel.ERROR,
}) as unknown as DigestClient;

say('ready');
const input = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => input.once('line', () => resolve()));
input.close();
const result = await runDigests({
  render: digestMessage,
  kv: store.kv,
  ledger: new LedgerRepository(store.kv, { clock }),
  claims: store.store.claims(),
  client,
  clock,
  logger: { info() {}, warn() {}, error: (m) => process.stderr.write(`${m}\n`) },
  concurrency: 4,
  ...(args.leaseMs !== undefined ? { leaseMs: args.leaseMs } : {}),
});
say(`done ${JSON.stringify(result)}`);
await store.close();
process.exit(0);
