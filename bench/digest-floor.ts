/**
 * The digest bench's floor: bare `chat.postMessage` calls posting the very
 * messages the pass posts (built, before the clock starts, by the pass's own
 * `sendDigest` with `digestMessage` for the same seeded users and the same
 * week), through the same client at the same concurrency. Any app sending
 * that digest pays for its size (form-encoding ~7 KB, the client's debug
 * line, the socket), so the target compares the pass with this floor. The
 * old floor, a one-word post, is timed too and printed as such.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { webApi } from '@slack/bolt';
import type { DigestRunResult } from '../src/digest/pass.js';
import type { PassThread } from '../src/digest/pass-thread.js';
import { weekKey } from '../src/digest/schedule.js';
import { type DigestClient, sendDigest } from '../src/digest/send.js';
import { LedgerRepository } from '../src/ledger/store.js';
import { digestMessage } from '../src/slack/blocks/digest-message.js';
import { benchScope, copyLedger, perUserKv, type TemplateLedger } from './digest-ledgers.js';

type PostArgs = Parameters<DigestClient['chat']['postMessage']>[0];
type Client = InstanceType<typeof webApi.WebClient>;

/**
 * What the pass posts to each of `users` users as of `now`: each user's
 * ledger is copied in, read and built as the pass does, then dropped, so the
 * floor's thread holds the messages and no ledgers.
 */
export async function digestPosts(
  template: TemplateLedger,
  users: number,
  now: Date,
): Promise<PostArgs[]> {
  const posts: PostArgs[] = [];
  const capture: DigestClient = {
    chat: { postMessage: async (args) => posts.push(args) },
    users: { info: async () => ({}) },
    conversations: { open: async () => ({}), history: async () => ({}) },
  };
  const kv = perUserKv();
  const ledger = new LedgerRepository(kv, { clock: () => now });
  const deps = { ledger, client: capture, clock: () => now, render: digestMessage };
  const week = weekKey(now, 'UTC');
  for (let u = 0; u < users; u++) {
    copyLedger(kv, template, u);
    await sendDigest(deps, benchScope(u), week);
    kv.users.clear();
  }
  return posts;
}

/** Posts every message, `concurrency` at a time. */
async function postAll(client: Client, posts: readonly object[], concurrency: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < posts.length) {
        const args = posts[next++];
        // The WebClient's typings want blocks as an array; it sends a string as it is.
        await client.chat.postMessage(args as Parameters<Client['chat']['postMessage']>[0]);
      }
    }),
  );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** CPU time of the calling thread, ms (Linux's schedstat; NaN elsewhere). */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

/** One timed piece of a round: wall time, CPU time here and in the whole process, this thread's busy share. */
export interface Timed {
  ms: number;
  cpuHere: number;
  cpuAll: number;
  busy: number;
}

async function timed<T>(work: () => Promise<T>): Promise<Timed & { result: T }> {
  const elu = performance.eventLoopUtilization();
  const cpuAll = process.cpuUsage();
  const cpuHere = threadCpuMs();
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  const all = process.cpuUsage(cpuAll);
  return {
    result,
    ms,
    cpuHere: threadCpuMs() - cpuHere,
    cpuAll: (all.user + all.system) / 1000,
    busy: performance.eventLoopUtilization(elu).utilization,
  };
}

/** Per piece, the median round's figures (each figure's median on its own). */
export interface Rounds {
  /** Bare posts of the pass's own messages: the floor the target is against. */
  floor: Timed;
  /** Bare one-word posts: the floor before, shown beside it. */
  minimal: Timed;
  /** The digest pass on its own thread. */
  pass: Timed;
  viaWorker: DigestRunResult;
}

function medianOf(rounds: Timed[]): Timed {
  const of = (k: keyof Timed) => median(rounds.map((r) => r[k]));
  return { ms: of('ms'), cpuHere: of('cpuHere'), cpuAll: of('cpuAll'), busy: of('busy') };
}

/**
 * The floors and the digest pass on its thread, in alternating rounds so that
 * other load on the machine weighs on all alike; the median round of each is
 * reported. Each round's pass is `weekMs` after the last, so every user is
 * due again; its floor posts that week's messages.
 */
export async function alternatingRounds(
  run: { thread: PassThread; client: Client; template: TemplateLedger },
  shape: { users: number; concurrency: number; rounds: number; now: Date; weekMs: number },
): Promise<Rounds> {
  const floors: Timed[] = [];
  const minimals: Timed[] = [];
  const passes: Timed[] = [];
  let viaWorker: DigestRunResult = { sent: 0, failed: 0, skipped: 0 };
  const minimal = Array.from({ length: shape.users }, () => ({
    channel: 'U0FLOOR',
    text: 'floor',
  }));
  for (let round = 0; round < shape.rounds; round++) {
    const now = new Date(shape.now.getTime() + round * shape.weekMs);
    const posts = await digestPosts(run.template, shape.users, now);
    minimals.push(await timed(() => postAll(run.client, minimal, shape.concurrency)));
    floors.push(await timed(() => postAll(run.client, posts, shape.concurrency)));
    posts.length = 0;
    const pass = await timed(() => run.thread.run(now));
    viaWorker = pass.result;
    passes.push(pass);
  }
  return {
    floor: medianOf(floors),
    minimal: medianOf(minimals),
    pass: medianOf(passes),
    viaWorker,
  };
}

/**
 * CPU time, steadier than wall time on a loaded machine: this thread's (the
 * client's and the stand-in's) and the whole process's (the pass thread too).
 */
export function cpuLine({ floor, minimal, pass }: Rounds): string {
  const ms = (t: number) => `${Math.round(t)} ms`;
  return (
    `CPU, this thread / whole process: floor ${ms(floor.cpuHere)} / ${ms(floor.cpuAll)}, minimal post ${ms(minimal.cpuHere)} / ${ms(minimal.cpuAll)}, ` +
    `threaded pass ${ms(pass.cpuHere)} / ${ms(pass.cpuAll)} (${(pass.cpuHere / floor.cpuHere).toFixed(2)}× the floor here, ${(pass.cpuAll / floor.cpuAll).toFixed(2)}× in all; ` +
    `the same messages cost ${(floor.cpuHere / minimal.cpuHere).toFixed(2)}× the minimal post here)`
  );
}
