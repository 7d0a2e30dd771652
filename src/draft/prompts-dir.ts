import { fileURLToPath } from 'node:url';

/** `prompts/` at the package root, beside `src/` and `dist/`. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));
