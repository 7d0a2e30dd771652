/**
 * What the weekly digest costs: building and sending it for 10,000 users with
 * 50 ledger entries each, against a loopback stand-in for Slack with no rate
 * limiting, and in the same run the floor (`digest-floor.ts`): bare
 * `chat.postMessage` calls posting the same 10,000 messages the pass posts,
 * built before the clock starts, to the same stand-in through the same client
 * at the same concurrency. Issue 14's target (≤ 1.2×, with a flat live heap)
 * is the pass against that same-message floor; the ratio to one-word posts
 * (the floor before) is printed too, labelled as such. Also the heap before
 * and after the digest pass. Then, untimed, the live heap during passes over a quarter of
 * the users and over all of them (a full GC at each quarter of each pass):
 * the users are streamed, so it should not grow with their number. Run with
 * --expose-gc (`npm run bench` does) for the heap figures to mean anything.
 *
 * The ledgers sit in an in-memory kv (one map per user, so a user's ledger is
 * read without walking everyone's; with conditional writes, so each keeps its
 * summary as the SQL and Redis stores do) and the roster in a Map-backed
 * keyv: the figure is the digest's own cost, not a database's.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { webApi } from '@slack/bolt';
import Keyv from 'keyv';
import { type DigestRunDeps, runDigests } from '../src/digest/pass.js';
import { startPassThread } from '../src/digest/pass-thread.js';
import { RosterRecord, rosterKey } from '../src/digest/roster.js';
import type { DigestClient } from '../src/digest/send.js';
import { LedgerRepository } from '../src/ledger/store.js';
import { digestMessage } from '../src/slack/blocks/digest-message.js';
import { memoryClaims } from '../src/store/claims.js';
import { alternatingRounds, cpuLine } from './digest-floor.js';
import {
  benchScope,
  ENTRIES,
  NOW,
  type PerUserKv,
  perUserKv,
  rosterKv,
  seedLedgers,
  templateLedger,
} from './digest-ledgers.js';

const USERS = Number(process.env.BENCH_DIGEST_USERS ?? 10_000);
const CONCURRENCY = 8;
const ROUNDS = 3;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Issue 14's target: the app's digest pass against bare posts of the same messages to the same stand-in. */
const TARGET_RATIO = 1.2;
/**
 * What "a flat live heap" allows: growth between the first and the last
 * quarter of a pass, per 1,000 users. The in-memory stand-ins keep a claim
 * and a state record per user (a few hundred bytes each); ledgers held in
 * memory would be tens of kilobytes a user.
 */
const FLAT_HEAP_KB_PER_1000 = 1024;

/** Enrols every user in `rosters`, and the first `count` users in each of `partial`. */
async function seedRosters(
  rosters: Keyv[],
  partial: Array<{ count: number; roster: Keyv }> = [],
): Promise<void> {
  for (let u = 0; u < USERS; u++) {
    const scope = benchScope(u);
    const record = RosterRecord.parse({ ...scope, timeZone: 'UTC', enabled: true });
    for (const roster of rosters) await roster.set(rosterKey(scope), record);
    for (const p of partial) if (u < p.count) await p.roster.set(rosterKey(scope), record);
  }
}

async function fakeSlack(): Promise<{ url: string; posts: () => number; close(): Promise<void> }> {
  let posts = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      posts++;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end('{"ok":true,"channel":"D0BENCH","ts":"1700000000.000100"}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    posts: () => posts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function heap(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

/** A pass's deps here: the bench's clock, claims in memory, errors printed. */
function passDeps(roster: Keyv, kv: PerUserKv, client: DigestClient): DigestRunDeps {
  return {
    kv: rosterKv(roster),
    render: digestMessage,
    ledger: new LedgerRepository(kv, { clock: () => NOW }),
    claims: memoryClaims(),
    client,
    clock: () => NOW,
    logger: { info() {}, warn() {}, error: (m) => console.error(m) },
    concurrency: CONCURRENCY,
  };
}

/** A pass on this thread: how long it took, what it did, the heap around it. */
async function passHere(deps: DigestRunDeps) {
  const heapBefore = heap();
  let heapPeak = heapBefore;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 50);
  const start = performance.now();
  const result = await runDigests(deps);
  const ms = performance.now() - start;
  clearInterval(sampler);
  return { ms, result, heapBefore, heapPeak, heapAfter: heap() };
}

/**
 * Untimed: the live heap (after a full GC) at each quarter of a pass over
 * fewer and over all users, through the same client and stand-in. Streaming
 * means the same few users in flight whatever their number. Returns a line
 * per pass and the largest pass's growth, in KB per 1,000 users.
 */
async function liveHeapPasses(
  passes: Array<{ count: number; roster: Keyv }>,
  kv: PerUserKv,
  sending: DigestClient,
): Promise<{ lines: string[]; growth: number }> {
  const lines: string[] = [];
  let growth = Number.NaN;
  for (const pass of passes) {
    const live: number[] = [];
    let posts = 0;
    const checkpoints = new Set([1, 2, 3].map((q) => Math.floor((pass.count * q) / 4)));
    const client: DigestClient = {
      users: sending.users,
      conversations: sending.conversations,
      chat: {
        postMessage: (args) => {
          if (checkpoints.has(++posts)) live.push(heap());
          return sending.chat.postMessage(args);
        },
      },
    };
    const run = await passHere(passDeps(pass.roster, kv, client));
    const first = live[0] ?? run.heapBefore;
    const last = live.at(-1) ?? run.heapBefore;
    const perThousand = ((last - first) / Math.max(1, pass.count / 2)) * 1000;
    // The verdict is the largest pass's (the last): a small one's few users extrapolate noise.
    growth = perThousand / 1024;
    lines.push(
      `  ${pass.count.toLocaleString('en').padStart(6)} users: live heap ${live.map(mb).join(', ')} at each quarter, ` +
        `${mb(run.heapAfter)} after (${mb(run.heapBefore)} before; ${(perThousand / 1024).toFixed(0)} KB per 1,000 users between the first and last quarter); sampled peak ${mb(run.heapPeak)}`,
    );
    await pass.roster.clear();
  }
  return { lines, growth };
}

export async function runDigestBench(): Promise<void> {
  console.log(
    `\nDigest: ${USERS.toLocaleString('en')} users × ${ENTRIES} entries, concurrency ${CONCURRENCY}; floor and pass in ${ROUNDS} alternating rounds, medians`,
  );
  const slack = await fakeSlack();
  const client = new webApi.WebClient('xoxb-bench', {
    slackApiUrl: slack.url,
    logLevel: webApi.LogLevel.ERROR,
  });
  // The WebClient's typings want blocks as an array; it sends a string as it is.
  const sending = client as unknown as DigestClient;
  const kv = perUserKv();
  const roster = new Keyv();
  const dryRoster = new Keyv();
  const memoryPasses = [...new Set([Math.ceil(USERS / 4), USERS])].map((count) => ({
    count,
    roster: new Keyv(),
  }));
  const seedStart = performance.now();
  await seedRosters([roster, dryRoster], memoryPasses);
  // The app's default: the pass on a thread of its own, which holds its own
  // copy of the ledgers and the roster; only the Slack calls come back here.
  // This thread gets its copy of the ledgers only after that pass, as the
  // app's main thread holds none (they are in the store).
  const thread = startPassThread(
    {
      module: new URL('./digest-ledgers.ts', import.meta.url),
      data: { users: USERS, concurrency: CONCURRENCY },
    },
    sending,
    { info() {}, warn() {}, error: (m) => console.error(m) },
  );
  await thread.ready();
  console.log(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  // Warm the client and the connection pool, so neither figure pays for it.
  for (let i = 0; i < 200; i++) await client.chat.postMessage({ channel: 'U0WARM', text: 'warm' });
  const rounds = await alternatingRounds(
    { thread, client, template: await templateLedger() },
    { users: USERS, concurrency: CONCURRENCY, rounds: ROUNDS, now: NOW, weekMs: WEEK_MS },
  );
  await thread.close();

  await seedLedgers(kv, USERS);
  // The same pass with a client that sends nothing: what reading, building and claiming cost.
  const nothing = async () => ({ ok: true });
  const dry = await passHere(
    passDeps(dryRoster, kv, {
      chat: { postMessage: nothing },
      users: { info: async () => ({}) },
      conversations: { open: async () => ({}), history: async () => ({}) },
    }),
  );
  await dryRoster.clear();
  const here = await passHere(passDeps(roster, kv, sending));
  const { heapBefore, heapPeak, heapAfter, result } = here;
  const { floor, minimal, pass, viaWorker } = rounds;
  const worker = pass.ms;
  const digest = here.ms;
  const memory =
    globalThis.gc === undefined
      ? { lines: [], growth: Number.NaN }
      : await liveHeapPasses(memoryPasses, kv, sending);
  await slack.close();

  const per = (total: number) => `${((total / USERS) * 1000).toFixed(0)} µs/user`;
  console.log(
    `  floor  (bare chat.postMessage of the pass's own messages): ${(floor.ms / 1000).toFixed(2)} s  ${per(floor.ms)}`,
  );
  console.log(
    `  minimal post (bare chat.postMessage, text 'floor'):       ${(minimal.ms / 1000).toFixed(2)} s  ${per(minimal.ms)}`,
  );
  console.log(
    `  digest, its pass on a thread of its own (the app's default): ${(worker / 1000).toFixed(2)} s  ${per(worker)}  sent ${viaWorker.sent}, failed ${viaWorker.failed}`,
  );
  console.log(
    `  digest, its pass on this thread:                           ${(digest / 1000).toFixed(2)} s  ${per(digest)}  sent ${result.sent}, failed ${result.failed}`,
  );
  console.log(
    `  read + build + claim alone, on this thread:                 ${(dry.ms / 1000).toFixed(2)} s  ${per(dry.ms)}`,
  );
  const ratio = worker / floor.ms;
  const pct = (value: number) => `${Math.round(value * 100)}%`;
  console.log(
    `  ratio ${ratio.toFixed(2)}× the same-message floor (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT MET'}); ${(digest / floor.ms).toFixed(2)}× when the pass runs on this thread`,
  );
  console.log(
    `  against the minimal post (the old floor, no target): ${(worker / minimal.ms).toFixed(2)}×; the same messages alone cost ${(floor.ms / minimal.ms).toFixed(2)}× it`,
  );
  console.log(`  ${cpuLine(rounds)}`);
  console.log(
    `  this thread busy ${pct(floor.busy)} of the floor, ${pct(pass.busy)} of the threaded pass (below 100%: it waits on the pass thread)`,
  );
  console.log(
    `  heap: ${mb(heapBefore)} before the pass (the seeded store included), peak ${mb(heapPeak)}, ${mb(heapAfter)} after`,
  );
  if (globalThis.gc === undefined) {
    console.log('  (run node with --expose-gc for the live-heap figures)');
    return;
  }
  console.log(
    '  live heap during a pass (full GC at each quarter; the peak between GCs is garbage not yet collected,',
  );
  console.log(
    '  and what grows is the claims and roster records kept by the in-memory stand-ins, a few hundred bytes a user):',
  );
  for (const line of memory.lines) console.log(line);
  console.log(
    `  live heap flat (the largest pass: at most ${FLAT_HEAP_KB_PER_1000} KB per 1,000 users between its first and last quarter): ${memory.growth <= FLAT_HEAP_KB_PER_1000 ? 'met' : 'NOT MET'} (${memory.growth.toFixed(0)} KB)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runDigestBench();
