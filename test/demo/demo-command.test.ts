import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

describe('churn-signals demo and start: usage', () => {
  it('refuses a seed that is not an integer and a speed that is not positive, with the help', () => {
    const seed = runCli('demo', '--once', '--seed', 'abc');
    expect(seed.status).toBe(2);
    expect(seed.stderr).toContain('--seed must be an integer, not "abc"');
    expect(seed.stderr).toContain('churn-signals demo [--once]');
    const speed = runCli('demo', '--once', '--speed', '0');
    expect(speed.status).toBe(2);
    expect(speed.stderr).toContain('--speed must be a positive number, not "0"');
  });

  it('refuses unknown options and arguments to start', () => {
    expect(runCli('demo', '--fast').status).toBe(2);
    const start = runCli('start', 'now');
    expect(start.status).toBe(2);
    expect(start.stderr).toContain('start takes no arguments');
  });
});
