import { UsageError } from './user-error.ts';

/** node:util parseArgs throws TypeErrors with codes for unknown or malformed options: report them as usage errors. */
export function parseCliArgs<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message);
    throw error;
  }
}
