/**
 * An app process for the multi-process tests, run with `node --import tsx`.
 * Argument: JSON `{ mode, target, scope, count?, tag, inflight? }`.
 *
 * - `burst`: opens the store, prints `ready`, waits for a line on stdin, then
 *   fires `count` sends at once, prints `done <n>` and exits.
 * - `naive-burst`: the same, but each send appends to one shared array key by
 *   reading, changing and rewriting it: the design the ledger avoids. The
 *   tests use it to show that their harness does catch lost updates.
 * - `stream`: opens the store, then logs sends forever, `inflight` at a time,
 *   printing `ack <id>` as each one resolves and marking every third one
 *   accepted (`out <id>`), until it is killed.
 */
import { createInterface } from 'node:readline';
import { LedgerRepository, type LedgerScope } from '../../../src/ledger/store.js';
import { type BackendTarget, openStore } from './backends.js';

interface WorkerArgs {
  mode: 'burst' | 'naive-burst' | 'stream';
  target: BackendTarget;
  scope: LedgerScope;
  tag: string;
  count?: number;
  inflight?: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as WorkerArgs;
const store = await openStore(args.target);
const repo = new LedgerRepository(store.kv);
const say = (line: string) => process.stdout.write(`${line}\n`);

async function naiveAppend(name: string): Promise<void> {
  const key = `naive:${args.scope.userId}`;
  const list = ((await store.kv.get(key)) as string[] | undefined) ?? [];
  list.push(name);
  await store.kv.set(key, list);
}

if (args.mode === 'burst' || args.mode === 'naive-burst') {
  say('ready');
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  lines.close();
  const count = args.count ?? 100;
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      args.mode === 'naive-burst'
        ? naiveAppend(`${args.tag} ${i}`)
        : repo.logSend(args.scope, {
            recipient: { name: `${args.tag} ${i}` },
            noteLength: 0,
            source: 'check',
          }),
    ),
  );
  say(`done ${count}`);
  await store.close();
} else {
  let n = 0;
  const one = async (): Promise<void> => {
    for (;;) {
      n += 1;
      const i = n;
      const entry = await repo.logSend(args.scope, {
        recipient: { name: `${args.tag} ${i}` },
        noteLength: i % 2 === 0 ? 50 : 0,
        source: 'manual',
      });
      say(`ack ${entry.id}`);
      if (i % 3 === 0) {
        await repo.setOutcome(args.scope, entry.id, 'accepted');
        say(`out ${entry.id}`);
      }
    }
  };
  say('ready');
  await Promise.all(Array.from({ length: args.inflight ?? 4 }, one));
}
