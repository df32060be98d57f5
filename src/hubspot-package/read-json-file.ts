import { readFileSync } from 'node:fs';

/** The parsed JSON of `path`; the error names the file when it is missing or not JSON. */
export function readJsonFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`${path}: ${(error as Error).message}`);
  }
}
