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
  it('loads the language files, system prompt and examples', () => {
    const prompts = loadPrompts();
    expect([...prompts.languages.packs.keys()].sort()).toEqual([
      'de',
      'en',
      'es',
      'fr',
      'it',
      'pt',
    ]);
    expect(prompts.system).toContain('{limit}');
    expect(prompts.examples.length).toBeGreaterThan(0);
  });

  it('names the file and line of a missing section', () => {
    copyPrompts();
    edit('languages/en.yml', '  invite:\n', '  invitation:\n');
    expect(() => loadPrompts(dir)).toThrow(PromptError);
    expect(() => loadPrompts(dir)).toThrow(/languages\/en\.yml:\d+: write.*invit/);
  });

  it('names the file and line of a wrong value', () => {
    copyPrompts();
    edit('languages/de.yml', '  possessive_stem: true', '  possessive_stem: maybe');
    expect(() => loadPrompts(dir)).toThrow(/languages\/de\.yml:\d+: write\.possessive_stem: /);
  });

  it('names the file and line of broken YAML', () => {
    copyPrompts();
    edit('languages/fr.yml', 'detect: [', 'detect: [[');
    expect(() => loadPrompts(dir)).toThrow(/languages\/fr\.yml:\d+: /);
  });

  it('says which file is missing', () => {
    copyPrompts();
    rmSync(join(dir, 'system.md'));
    expect(() => loadPrompts(dir)).toThrow(/system\.md: cannot read it \(ENOENT\)/);
  });

  it('needs English, the language every other falls back to', () => {
    copyPrompts();
    rmSync(join(dir, 'languages', 'en.yml'));
    expect(() => loadPrompts(dir)).toThrow(/en\.yml is required/);
  });
});
