import { ValidationError } from '../core/validation-error.ts';
import { assessCommand } from './assess-command.ts';
import { demoCommand, startCommand } from './demo-command.ts';
import { rankCommand } from './rank-command.ts';
import { serveCommand } from './serve-command.ts';
import { signalsCommand } from './signals-command.ts';
import { UsageError, UserError } from './user-error.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const HELP = `churn-signals: churn-risk signals for CRM accounts

Usage:
  churn-signals assess <bundle.json> [--now <ISO date>] [--config <file>] [--format json|text]
      Assess one HubSpot account bundle and print the score, level, reasons with evidence, summary and tasks.
  churn-signals rank <bundle.json|dir>... [--now <ISO date>] [--config <file>] [--format text|json]
      Assess many bundles and rank the portfolio: accounts by score, revenue at risk.
  churn-signals signals [--format text|json]
      List every signal: id, title, default weight, seed source.
  churn-signals serve
      Run the HubSpot app server (webhooks, OAuth install, card data, worker); settings from the environment,
      see .env.example.
  churn-signals demo [--once] [--seed <n>] [--speed <x>]
      The whole product without a HubSpot account: a local HubSpot sandbox with a generated demo portal, the app
      installed into it through OAuth, a backfill, a scripted timeline, and a ranked report of the accounts at risk.
      --once prints the report and exits; otherwise it keeps serving the preview page until Ctrl-C.
  churn-signals start
      What npm start runs: serve when HUBSPOT_CLIENT_ID is set in the environment, the demo otherwise.
  churn-signals help
`;

/** Exit codes: 0 ok, 1 invalid input (bundle, config), 2 wrong usage. A user's mistake never prints a stack trace. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'assess':
        return await assessCommand(rest, io);
      case 'rank':
        return await rankCommand(rest, io);
      case 'serve':
        return await serveCommand(rest, io);
      case 'demo':
        return await demoCommand(rest, io);
      case 'start':
        return await startCommand(rest, io);
      case 'signals':
        return signalsCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`churn-signals: ${error.message}\n\n${HELP}`);
      return 2;
    }
    if (error instanceof UserError || error instanceof ValidationError) {
      io.err(`churn-signals: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
