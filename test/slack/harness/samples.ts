import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is test/slack/harness/samples.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Slack's own payloads and responses, checked out beside the repository (CI does the same). */
export const SAMPLES_DIR = resolve(REPO_ROOT, '../shared/slack-samples');

export function sampleText(name: string): string {
  return readFileSync(resolve(SAMPLES_DIR, name), 'utf8');
}

export function sampleJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(sampleText(name)) as T;
}
