import { readFile } from 'node:fs/promises';
import { UserError } from './user-error.ts';

export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code ?? error);
    throw new UserError(`cannot read ${what} ${path}: ${reason}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${what} ${path} is not valid JSON: ${(error as Error).message}`);
  }
}
