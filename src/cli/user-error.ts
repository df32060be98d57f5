/** A mistake in what the user gave us (a missing file, broken JSON): reported in one line, exit code 1. */
export class UserError extends Error {
  override name = 'UserError';
}

/** The command line itself is wrong: reported with the help text, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
