import type { z } from 'zod';

export interface ValidationIssue {
  /** Where the problem is, in JS notation from the document's root: `contacts[3].properties.email`. */
  path: string;
  message: string;
}

/** A user's document (bundle, config, payload) that does not match its schema: every issue names a field. */
export class ValidationError extends Error {
  readonly issues: readonly ValidationIssue[];

  constructor(what: string, issues: readonly ValidationIssue[]) {
    super(`${what} is invalid:\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }

  static fromZod(what: string, error: z.ZodError): ValidationError {
    return new ValidationError(
      what,
      error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    );
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
