/**
 * What the weekly digest costs: building and sending it for 10,000 users with
 * 50 ledger entries each, against a loopback stand-in for Slack with no rate
 * limiting, and in the same run the floor: 10,000 bare `chat.postMessage`
 * calls to the same stand-in through the same client at the same concurrency.
 * Prints both, their ratio (target ≤ 1.5×) and the heap before and after the
 * digest pass. Then, untimed, the live heap during passes over a quarter of
 * the users and over all of them (a full GC at each quarter of each pass):
 * the users are streamed, so it should not grow with their number. Run with
 * --expose-gc (`npm run bench` does) for the heap figures to mean anything.
 *
 * The ledgers sit in an in-memory kv (one map per user, so a user's ledger is
 * read without walking everyone's) and the roster in a Map-backed keyv: the
 * figure is the digest's own cost, not a database's.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { webApi } from '@slack/bolt';
import Keyv from 'keyv';
import { memoryClaims } from '../src/digest/claims.js';
import { type DigestClient, RosterRecord, rosterKey, runDigests } from '../src/digest/run.js';
import type { LedgerKv } from '../src/ledger/kv.js';
import type { Outcome } from '../src/ledger/records.js';
import { LedgerRepository, scopePrefix } from '../src/ledger/store.js';

const USERS = Number(process.env.BENCH_DIGEST_USERS ?? 10_000);
const ENTRIES = 50;
const CONCURRENCY = 8;
const NOW = new Date('2026-11-23T10:00:00Z'); // a Monday after 09:00 UTC
const DAY = 24 * 60 * 60 * 1000;

/** A LedgerKv with one map per user prefix, so a user's scan touches only their keys. */
function perUserKv(): LedgerKv & { users: Map<string, Map<string, unknown>> } {
  const users = new Map<string, Map<string, unknown>>();
  const userOf = (key: string) => key.slice(0, key.indexOf('/ledger/') + '/ledger/'.length);
  return {
    users,
    get: async (key) => users.get(userOf(key))?.get(key),
    async set(key, value) {
      const user = userOf(key);
      const map = users.get(user) ?? new Map<string, unknown>();
      users.set(user, map);
      map.set(key, value);
    },
    delete: async (key) => users.get(userOf(key))?.delete(key) ?? false,
    async *scan(prefix) {
      const map = users.get(userOf(prefix));
      if (map) for (const entry of map) if (entry[0].startsWith(prefix)) yield entry;
    },
  };
}

/** Enrols every user in `rosters`, and the first `count` users in each of `partial`. */
async function seed(
  kv: ReturnType<typeof perUserKv>,
  rosters: Keyv[],
  partial: Array<{ count: number; roster: Keyv }> = [],
): Promise<void> {
  // One ledger of 50 entries over 60 days, a third accepted, some ignored; copied to every user.
  const templateScope = { teamId: 'TBENCH', userId: 'UTEMPLATE' };
  let t = NOW.getTime() - 60 * DAY;
  const repo = new LedgerRepository(kv, { clock: () => new Date(t) });
  const outcomes: (Outcome | undefined)[] = ['accepted', undefined, 'ignored', undefined];
  for (let i = 0; i < ENTRIES; i++) {
    t = NOW.getTime() - 60 * DAY + i * (60 / ENTRIES) * DAY;
    const entry = await repo.logSend(templateScope, {
      recipient: { name: `Person ${i}`, profileUrl: `https://www.linkedin.com/in/person-${i}` },
      noteLength: i % 3 === 0 ? 0 : 140,
      source: 'manual',
    });
    const outcome = outcomes[i % outcomes.length];
    if (outcome) await repo.setOutcome(templateScope, entry.id, outcome, new Date(t + DAY));
  }
  const templatePrefix = scopePrefix(templateScope);
  const template = kv.users.get(templatePrefix) ?? new Map();
  kv.users.delete(templatePrefix);
  for (let u = 0; u < USERS; u++) {
    const scope = { teamId: 'TBENCH', userId: `U${u.toString(36).toUpperCase().padStart(6, '0')}` };
    const prefix = scopePrefix(scope);
    const map = new Map<string, unknown>();
    for (const [key, value] of template) map.set(prefix + key.slice(templatePrefix.length), value);
    kv.users.set(prefix, map);
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

export async function runDigestBench(): Promise<void> {
  console.log(
    `\nDigest: ${USERS.toLocaleString('en')} users × ${ENTRIES} entries, concurrency ${CONCURRENCY}`,
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
  await seed(kv, [roster, dryRoster], memoryPasses);
  console.log(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  // Warm the client and the connection pool, so neither figure pays for it.
  for (let i = 0; i < 200; i++) await client.chat.postMessage({ channel: 'U0WARM', text: 'warm' });
  // The floor: bare posts, the same client, the same concurrency.
  const floorStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < USERS) {
        next++;
        await client.chat.postMessage({ channel: 'U0FLOOR', text: 'floor' });
      }
    }),
  );
  const floor = performance.now() - floorStart;

  // The same pass with a client that sends nothing: what reading, building and claiming cost.
  const nothing = async () => ({ ok: true });
  const dryStart = performance.now();
  await runDigests({
    keyv: dryRoster,
    ledger: new LedgerRepository(kv, { clock: () => NOW }),
    claims: memoryClaims(),
    client: {
      chat: { postMessage: nothing },
      users: { info: async () => ({}) },
      conversations: { open: async () => ({}), history: async () => ({}) },
    },
    clock: () => NOW,
    logger: { info() {}, warn() {}, error: (m) => console.error(m) },
    concurrency: CONCURRENCY,
  });
  const dry = performance.now() - dryStart;
  await dryRoster.clear();

  const heapBefore = heap();
  let heapPeak = heapBefore;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 50);
  const digestStart = performance.now();
  const result = await runDigests({
    keyv: roster,
    ledger: new LedgerRepository(kv, { clock: () => NOW }),
    claims: memoryClaims(),
    client: sending,
    clock: () => NOW,
    logger: { info() {}, warn() {}, error: (m) => console.error(m) },
    concurrency: CONCURRENCY,
  });
  const digest = performance.now() - digestStart;
  clearInterval(sampler);
  const heapAfter = heap();

  // Untimed: the live heap (after a full GC) at each quarter of a pass over
  // fewer and over all users, through the same client and stand-in. Streaming
  // means the same few users in flight whatever their number.
  const memory: string[] = [];
  for (const pass of globalThis.gc === undefined ? [] : memoryPasses) {
    const start = heap();
    const live: number[] = [];
    let posts = 0;
    let peak = start;
    const checkpoints = new Set([1, 2, 3].map((q) => Math.floor((pass.count * q) / 4)));
    const sampling = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 50);
    await runDigests({
      keyv: pass.roster,
      ledger: new LedgerRepository(kv, { clock: () => NOW }),
      claims: memoryClaims(),
      client: {
        users: sending.users,
        conversations: sending.conversations,
        chat: {
          postMessage: (args) => {
            if (checkpoints.has(++posts)) live.push(heap());
            return sending.chat.postMessage(args);
          },
        },
      },
      clock: () => NOW,
      logger: { info() {}, warn() {}, error: (m) => console.error(m) },
      concurrency: CONCURRENCY,
    });
    clearInterval(sampling);
    const end = heap();
    const first = live[0] ?? start;
    const last = live.at(-1) ?? start;
    const perThousand = ((last - first) / Math.max(1, pass.count / 2)) * 1000;
    memory.push(
      `  ${pass.count.toLocaleString('en').padStart(6)} users: live heap ${live.map(mb).join(', ')} at each quarter, ` +
        `${mb(end)} after (${mb(start)} before; ${(perThousand / 1024).toFixed(0)} KB per 1,000 users between the first and last quarter); sampled peak ${mb(peak)}`,
    );
    await pass.roster.clear();
  }
  await slack.close();

  const per = (total: number) => `${((total / USERS) * 1000).toFixed(0)} µs/user`;
  console.log(`  floor  (bare chat.postMessage): ${(floor / 1000).toFixed(2)} s  ${per(floor)}`);
  console.log(
    `  digest (build + send):          ${(digest / 1000).toFixed(2)} s  ${per(digest)}  sent ${result.sent}, failed ${result.failed}`,
  );
  console.log(
    `  digest without sending (read + build + claim): ${(dry / 1000).toFixed(2)} s  ${per(dry)}`,
  );
  const ratio = digest / floor;
  console.log(
    `  ratio ${ratio.toFixed(2)}× the floor (target ≤ 1.5×)${ratio <= 1.5 ? '' : '  ABOVE TARGET'}`,
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
  for (const line of memory) console.log(line);
}

if (import.meta.url === `file://${process.argv[1]}`) await runDigestBench();
