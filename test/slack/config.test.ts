import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_STORE_URL, parseConfig } from '../../src/config.js';

function problems(env: Record<string, string>): readonly string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('chooses Socket Mode when an app token is set', () => {
    const c = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_SIGNING_SECRET: 'abcdef0123456789',
    });
    expect(c).toMatchObject({
      mode: 'socket',
      appToken: 'xapp-1',
      storeUrl: DEFAULT_STORE_URL,
      logLevel: 'info',
      digestThread: true,
    });
  });

  it('reads DIGEST_THREAD, off meaning the main thread', () => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };
    expect(parseConfig({ ...env, DIGEST_THREAD: 'off' }).digestThread).toBe(false);
    expect(parseConfig({ ...env, DIGEST_THREAD: 'on' }).digestThread).toBe(true);
  });

  it('chooses HTTP mode on PORT (default 3000) with a signing secret and no app token', () => {
    expect(
      parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef0123456789' }),
    ).toMatchObject({
      mode: 'http',
      port: 3000,
    });
    expect(
      parseConfig({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 'abcdef0123456789',
        PORT: '8080',
      }),
    ).toMatchObject({ port: 8080 });
  });

  it('normalises SLACK_API_URL to end with a slash', () => {
    const c = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'http://127.0.0.1:1/api',
    });
    expect(c.slackApiUrl).toBe('http://127.0.0.1:1/api/');
  });

  it('names every missing token, one line each, with where to find it', () => {
    const lines = problems({});
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^SLACK_BOT_TOKEN is missing: .*OAuth & Permissions/);
    expect(lines[1]).toMatch(
      /^SLACK_APP_TOKEN is missing .*SLACK_SIGNING_SECRET.*App-Level Tokens/,
    );
  });

  it('treats blank values as missing', () => {
    expect(problems({ SLACK_BOT_TOKEN: '  ', SLACK_APP_TOKEN: 'xapp-1' })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is missing/),
    ]);
  });

  it.each([
    [
      { SLACK_BOT_TOKEN: 'xoxp-user', SLACK_APP_TOKEN: 'xapp-1' },
      /^SLACK_BOT_TOKEN must start with xoxb-/,
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' },
      /^SLACK_APP_TOKEN must start with xapp-/,
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', PORT: 'eighty' },
      /^PORT must be a number/,
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', STORE_URL: 'mysql://x' },
      /^STORE_URL unsupported store URL/,
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'ftp://x' },
      /^SLACK_API_URL/,
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', DIGEST_THREAD: 'yes' },
      /^DIGEST_THREAD must be on or off/,
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'short' },
      /^SLACK_SIGNING_SECRET looks malformed/,
    ],
  ])('refuses a malformed variable: %o', (env, expected) => {
    expect(problems(env)).toEqual([expect.stringMatching(expected)]);
  });
});
