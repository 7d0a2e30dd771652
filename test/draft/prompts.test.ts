import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROMPTS_DIR, loadPrompts, PromptError } from '../../src/draft/prompts.js';

let dir: string;
function copyPrompts(): string {
  dir = mkdtempSync(join(tmpdir(), 'prompts-'));
  cpSync(DEFAULT_PROMPTS_DIR, dir, { recursive: true });
  return dir;
}
function edit(file: string, from: string, to: string) {
  const path = join(dir, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
}
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('loadPrompts', () => {
  it('loads the shipped templates, system prompt and examples', () => {
    const prompts = loadPrompts();
    expect(Object.keys(prompts.scenarios)).toEqual(['close', 'acquaintance', 'stranger']);
    expect(prompts.system).toContain('{limit}');
    expect(prompts.examples.length).toBeGreaterThan(0);
  });

  it('names the file and line of an unknown slot', () => {
    copyPrompts();
    edit('acquaintance.yml', '"great meeting you {met}."', '"great meeting you {mett} {met}."');
    expect(() => loadPrompts(dir)).toThrow(PromptError);
    expect(() => loadPrompts(dir)).toThrow(
      /acquaintance\.yml:10: context\.met\.0: unknown slot \{mett\}/,
    );
  });

  it('names the file and line of a missing section', () => {
    copyPrompts();
    edit('close.yml', 'invite:\n', 'invitation:\n');
    expect(() => loadPrompts(dir)).toThrow(/close\.yml:\d+: .*invit/);
  });

  it('names the file and line of broken YAML', () => {
    copyPrompts();
    edit('stranger.yml', 'greeting:\n', 'greeting: [\n');
    expect(() => loadPrompts(dir)).toThrow(/stranger\.yml:\d+: /);
  });

  it('says which file is missing', () => {
    copyPrompts();
    rmSync(join(dir, 'system.md'));
    expect(() => loadPrompts(dir)).toThrow(/system\.md: cannot read it \(ENOENT\)/);
  });
});
