/**
 * What importing LinkedIn's Invitations.csv costs on the app's default store
 * (SQLite, a temp file): 5,000 and 50,000 rows, imported first into an empty
 * ledger and then again (every row already there). While each import runs,
 * another user's check (checking a note, reading their ledger's status) is
 * made every 100 ms, as the Slack app would serve it; its slowest answer is
 * printed, with the event loop's longest stall.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { checkNote } from '../src/check.js';
import { importInvitationsCsv } from '../src/ledger/import.js';
import { storeLedger } from '../src/ledger/open.js';
import type { LedgerRepository, LedgerScope } from '../src/ledger/store.js';
import { createStore } from '../src/store/store.js';

// BENCH_IMPORT_ROWS=5000 for a quicker look.
const SIZES = process.env.BENCH_IMPORT_ROWS
  ? process.env.BENCH_IMPORT_ROWS.split(',').map(Number)
  : [5_000, 50_000];
const NOW = new Date('2026-06-30T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const OTHER_EVERY_MS = 100;
const OTHER_NOTE =
  'Hi Sam, we met at the Lisbon Rust meetup last week. Coffee when you are next in town?';

/** An export of `rows` invitations, nine in ten outgoing and three in four with a note. */
export function invitationsCsv(rows: number): string {
  const lines = ['From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl'];
  for (let i = 0; i < rows; i++) {
    const sentAt = new Date(NOW.getTime() - (i % 720) * DAY - i * 1000)
      .toISOString()
      .replace('T', ' ')
      .slice(0, 19);
    const note =
      i % 4 === 0
        ? ''
        : `"Hi Person ${i}, we met at the ""Rust"" meetup in Lisbon last week.\nCoffee when you are next in town?"`;
    const outgoing = i % 10 !== 0;
    lines.push(
      outgoing
        ? `Me,Person ${i},${sentAt},${note},OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/person-${i}`
        : `Person ${i},Me,${sentAt},${note},INCOMING,https://www.linkedin.com/in/person-${i},https://www.linkedin.com/in/me`,
    );
  }
  return lines.join('\r\n');
}

/** Serves another user's check every 100 ms until stopped; the slowest answer, from when it was due. */
function otherUser(repo: LedgerRepository, scope: LedgerScope) {
  let slowest = 0;
  let answered = 0;
  let stopped = false;
  let due = performance.now() + OTHER_EVERY_MS;
  const loop = (async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      checkNote(OTHER_NOTE);
      await repo.status(scope, NOW);
      slowest = Math.max(slowest, performance.now() - due);
      answered += 1;
      due += OTHER_EVERY_MS;
      // A request that could not even start on time counts once, not once per missed tick.
      if (due < performance.now()) due = performance.now() + OTHER_EVERY_MS;
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { slowest, answered };
    },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function runImportBench(): Promise<void> {
  console.log(
    "import: Invitations.csv into one user's ledger (SQLite), first and again; another user's check every 100 ms meanwhile",
  );
  const dir = await mkdtemp(join(tmpdir(), 'invite-coach-bench-import-'));
  const store = await createStore({ url: `sqlite://${join(dir, 'store.sqlite')}` });
  try {
    const repo = storeLedger(store, { clock: () => NOW });
    const other: LedgerScope = { teamId: 'TBENCH', userId: 'UOTHER' };
    for (let i = 0; i < 200; i++)
      await repo.logSend(other, {
        recipient: { name: `Other ${i}` },
        noteLength: 0,
        source: 'manual',
      });
    for (const rows of SIZES) {
      const csv = Buffer.from(invitationsCsv(rows));
      const scope: LedgerScope = { teamId: 'TBENCH', userId: `UIMPORT${rows}` };
      for (const round of ['first', 'again']) {
        const stall = monitorEventLoopDelay({ resolution: 10 });
        stall.enable();
        const watcher = otherUser(repo, other);
        const t = performance.now();
        const summary = await importInvitationsCsv(repo, scope, csv);
        const took = performance.now() - t;
        const { slowest, answered } = await watcher.stop();
        stall.disable();
        console.log(
          `  ${rows.toLocaleString('en').padStart(6)} rows (${(csv.length / 1024 / 1024).toFixed(1)} MB) ${round.padEnd(5)} ${seconds(took).padStart(8)}` +
            ` · ${Math.round((took / rows) * 1000)} µs/row · added ${summary.imported}, already ${summary.alreadyThere}` +
            ` · other user: ${answered} checks, slowest ${slowest.toFixed(0)} ms · longest stall ${(stall.max / 1e6).toFixed(0)} ms`,
        );
      }
    }
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
