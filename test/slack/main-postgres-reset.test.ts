/**
 * `npm start` on Postgres when the server ends the app's connections (a
 * restart, a failover, `idle_session_timeout`, `pg_terminate_backend`): the
 * process lives on and the next command reconnects. A real process
 * (dist/slack/main.js); only the app's own backends are ended, matched by
 * the application_name in its STORE_URL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POSTGRES_URL, runId, serviceGate } from '../ledger/store/backends.js';
import { commandBody, FORM } from './harness/app-under-test.js';
import { FakeSlack } from './harness/fake-slack.js';
import { REPO_ROOT } from './harness/samples.js';
import { signedHeaders } from './harness/signing.js';

const MAIN = resolve(REPO_ROOT, 'dist/slack/main.js');
const SECRET = 'main0test0signing0secret0abcdef12';
const gate = await serviceGate('postgres');

describe.skipIf(gate === 'skip')(
  'npm start on Postgres whose server ends its connections',
  { timeout: 30_000 },
  () => {
    const application = `ictest_${runId()}`;
    // A user of this run's own, so that the default table shared by app starts holds nothing of another's.
    const user = `UPG${runId()
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')}`.slice(0, 32);
    let dir: string;
    let slack: FakeSlack;
    let child: ChildProcess;
    let port: number;
    let admin: pg.Client;
    const lines: string[] = [];

    beforeAll(async () => {
      if (gate === 'fail') throw new Error('REQUIRE_SERVICES=1 and postgres is not reachable.');
      if (!existsSync(MAIN))
        throw new Error(`${MAIN} is missing: run npm run build (npm test does)`);
      dir = mkdtempSync(join(tmpdir(), 'invite-coach-main-pg-'));
      slack = await new FakeSlack().start();
      admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      const url = new URL(POSTGRES_URL);
      url.searchParams.set('application_name', application);
      const env: NodeJS.ProcessEnv = {};
      for (const [k, v] of Object.entries(process.env))
        if (!/^(SLACK_|PORT$|STORE_URL$|LOG_LEVEL$)/.test(k)) env[k] = v;
      child = spawn(process.execPath, [MAIN], {
        cwd: dir,
        env: {
          ...env,
          SLACK_BOT_TOKEN: 'xoxb-main-test',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: slack.apiUrl,
          PORT: '0',
          STORE_URL: url.toString(),
          // The digest's own thread would hold connections of its own: not what this is about.
          DIGEST_THREAD: 'off',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      for (const stream of [child.stdout, child.stderr])
        createInterface({ input: stream as NodeJS.ReadableStream }).on('line', (l) =>
          lines.push(l),
        );
      await vi.waitFor(
        () => {
          const m = lines.join('\n').match(/listening on port (\d+) at \/slack\/events/);
          expect(m).not.toBeNull();
          port = Number(m?.[1]);
        },
        { timeout: 15_000, interval: 50 },
      );
    }, 30_000);
    afterAll(async () => {
      if (child && child.exitCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
      // The app's table is the default one; leave only what this run wrote out of it.
      await admin
        ?.query(`DELETE FROM public.invite_coach WHERE key LIKE $1`, [
          'invite-coach:t/T111/u/UPGRESET1/%',
        ])
        .catch(() => {});
      await admin?.end();
      await slack?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function log(text: string): Promise<string> {
      const body = commandBody(text, {
        command: '/invite-log',
        user_id: user,
        trigger_id: `t.${runId()}`,
      });
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: signedHeaders(SECRET, body, FORM),
        body,
      });
      expect(res.status).toBe(200);
      return res.text();
    }

    it('lives on after its backends are terminated, and the next command works', async () => {
      expect(await log(`sent Ana ${runId()}`)).toMatch(/Logged/);
      const ended = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [application],
      );
      expect(ended.rowCount).toBeGreaterThan(0);
      // pg reported the lost connections within milliseconds; give a crash its chance.
      await new Promise((r) => setTimeout(r, 1500));
      expect(child.exitCode).toBeNull();
      expect(await log(`sent Bo ${runId()}`)).toMatch(/Logged/);
      expect(lines.some((l) => /a Postgres connection was lost \(57P01\)/.test(l))).toBe(true);
    });
  },
);
