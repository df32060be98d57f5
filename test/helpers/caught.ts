import { expect } from 'vitest';

/** The error `fn` throws, asserted to be an instance of `type` (the test fails when nothing is thrown). */
export function caught<T extends Error>(fn: () => unknown, type: new (...args: never[]) => T): T {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(type);
  return error as T;
}
