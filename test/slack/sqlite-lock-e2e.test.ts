/**
 * Another process holding the SQLite file's write lock, through the real Bolt
 * HTTP receiver: the write that needs the lock waits at most its deadline and
 * says so, while nobody else's command waits on it (`/invite-coach help`
 * touches no store; `/invite-check` and `/invite-log pending` only read).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppUnderTest, commandBody, FORM } from './harness/app-under-test.js';
import { REPO_ROOT } from './harness/samples.js';

// Holds the write lock (an open write transaction) until stdin closes.
const HOLDER = `
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database(process.argv[1]);
db.exec("BEGIN EXCLUSIVE; INSERT OR REPLACE INTO invite_coach(key, value) VALUES ('lock/test', '{}')", (error) => {
  console.log(error ? 'failed ' + error.code : 'locked');
});
process.stdin.on('end', () => db.exec('ROLLBACK', () => db.close(() => process.exit(0))));
process.stdin.resume();
`;

describe('the SQLite file locked by another process', { timeout: 30_000 }, () => {
  let t: AppUnderTest;
  let holder: ChildProcess;

  beforeAll(async () => {
    t = await new AppUnderTest().start();
    // The table exists once the store has answered a first call.
    await t.store.ping();
    const file = (t.store.options?.url ?? '').slice('sqlite://'.length);
    holder = spawn(process.execPath, ['-e', HOLDER, file], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    for await (const line of createInterface({ input: holder.stdout as NodeJS.ReadableStream })) {
      expect(line).toBe('locked');
      break;
    }
  });
  afterAll(async () => {
    holder.stdin?.end();
    if (holder.exitCode === null) await once(holder, 'exit');
    await t.stop();
  });

  let hooks = 0;
  /** The answer (the ack, or the follow-up after "Working on it…") and how long it took. */
  async function timed(command: string, text: string, user: string) {
    const hook = `lock-${++hooks}`;
    const started = Date.now();
    const res = await t.post(
      commandBody(text, { command, user_id: user, response_url: t.slack.responseUrl(hook) }),
      FORM,
    );
    if (!res.text.includes('Working on it')) return { ms: Date.now() - started, text: res.text };
    await vi.waitFor(
      () => expect(t.slack.callsTo(`response_url:${hook}`).length).toBeGreaterThan(0),
      { timeout: 10_000, interval: 20 },
    );
    const body = JSON.stringify(t.slack.callsTo(`response_url:${hook}`)[0]?.body);
    return { ms: Date.now() - started, text: body };
  }

  it('keeps answering others while one write waits, and the write says it could not be done', async () => {
    const write = timed('/invite-log', 'sent Jane Park', 'U1WRITER');
    // Let the write reach the lock first.
    await new Promise((r) => setTimeout(r, 100));
    const help = await timed('/invite-coach', 'help', 'U2HELP');
    expect(help.text).toMatch(/invite-coach/);
    expect(help.ms).toBeLessThan(1000);
    const pending = await timed('/invite-log', 'pending', 'U3READER');
    expect(pending.ms).toBeLessThan(1000);
    const check = await timed(
      '/invite-check',
      'Hi Sam, we met at the Lisbon meetup. Coffee?',
      'U4CHECK',
    );
    expect(check.text).toMatch(/characters/);
    expect(check.ms).toBeLessThan(1000);
    const written = await write;
    expect(written.ms).toBeLessThan(3000);
    expect(written.text).toMatch(/could not reach your ledger/);
    // The lock was never had: nothing was written, and the user is told so.
    expect(written.text).toMatch(/Nothing was changed/);
    // And it stays so once the lock is let go: the given-up write is not retried into the file.
    holder.stdin?.end();
    await once(holder, 'exit');
    await new Promise((r) => setTimeout(r, 300));
    expect((await t.storedKeys()).filter((k) => k.includes('/u/U1WRITER/ledger/'))).toEqual([]);
  });
});
