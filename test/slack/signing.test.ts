import { describe, expect, it } from 'vitest';
import { sampleJson, sampleText } from './harness/samples.js';
import { slackSignature } from './harness/signing.js';

describe('the test harness signs like Slack', () => {
  it("matches Slack's published test vector", () => {
    const v = sampleJson<Record<string, string>>('signing-test-vector.json');
    const body = sampleText('slash-command.form.txt');
    expect(body).toBe(v.body);
    expect(
      slackSignature(v.signing_secret as string, v.x_slack_request_timestamp as string, body),
    ).toBe(v.x_slack_signature);
  });
});
