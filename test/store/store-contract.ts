import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { accountContract } from './contract/accounts.ts';
import type { ContractContext, MakeStore } from './contract/context.ts';
import { T0 } from './contract/context.ts';
import { deadLetterContract } from './contract/dead-letters.ts';
import { inboxContract } from './contract/inbox.ts';
import { installationContract } from './contract/installations.ts';
import { oauthStateContract } from './contract/oauth-states.ts';
import { progressContract } from './contract/progress.ts';
import { purgeContract } from './contract/purge.ts';
import { settingsAndSnoozesContract } from './contract/settings-and-snoozes.ts';
import { taskLedgerContract } from './contract/tasks.ts';

export type { MakeStore } from './contract/context.ts';

/**
 * The behaviour every Store implementation owes (SQLite now, PostgreSQL later): call it from the implementation's
 * test file with a factory that opens a fresh, empty store whose bookkeeping clock is the one given.
 */
export function storeContract(name: string, makeStore: MakeStore): void {
  describe(`${name}: store contract`, () => {
    let store: Store | undefined;
    let now = T0;
    const context: ContractContext = {
      store: () => {
        if (store === undefined) throw new Error('the store is opened in beforeEach');
        return store;
      },
      setNow: (at) => {
        now = at;
      },
    };

    beforeEach(async () => {
      now = T0;
      store = await makeStore({ now: () => now });
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    installationContract(context);
    oauthStateContract(context);
    inboxContract(context);
    deadLetterContract(context);
    accountContract(context);
    taskLedgerContract(context);
    progressContract(context);
    purgeContract(context);
    settingsAndSnoozesContract(context);
  });
}
