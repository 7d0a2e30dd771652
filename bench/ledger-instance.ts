/**
 * One app instance for bench/ledger-pair.ts, run with `node --import tsx`.
 * Argument: JSON `{ place, seconds, inflight, users, heavy }`. Opens the
 * store, prints `ready`, waits for a line on stdin, then for `seconds` keeps
 * `inflight` requests going, each what logging a send from a check costs
 * (the user's status for the budget line, then the send), for users picked
 * at random from `users` (shared with the other instance: a load balancer
 * sends one user's requests to either). Every tenth request also reads the
 * status of the user with 5,000 entries. Prints one JSON line of figures.
 */

import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { LedgerRepository, type LedgerScope } from '../src/ledger/store.js';
import { type BenchPlace, openPlace } from './ledger-stores.js';

interface InstanceArgs {
  place: BenchPlace;
  seconds: number;
  inflight: number;
  users: number;
  heavy: LedgerScope;
}

const args = JSON.parse(process.argv[2] ?? '{}') as InstanceArgs;
const opened = await openPlace(args.place);
const repo = new LedgerRepository(opened.kv);
await repo.status(args.heavy); // connected and warm, as a running instance is
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();

const sends: number[] = [];
const statuses: number[] = [];
let requests = 0;
const end = performance.now() + args.seconds * 1000;
async function loop(): Promise<void> {
  while (performance.now() < end) {
    const user: LedgerScope = {
      teamId: 'TPAIR',
      userId: `U${Math.floor(Math.random() * args.users)}`,
    };
    await repo.status(user);
    const t = performance.now();
    await repo.logSend(user, {
      recipient: { name: `Pair ${requests}` },
      noteLength: 0,
      source: 'check',
    });
    sends.push(performance.now() - t);
    requests++;
    if (requests % 10 === 0) {
      const s = performance.now();
      await repo.status(args.heavy);
      statuses.push(performance.now() - s);
    }
  }
}
await Promise.all(Array.from({ length: args.inflight }, loop));
process.stdout.write(`${JSON.stringify({ requests, sends, statuses })}\n`);
await opened.close();
