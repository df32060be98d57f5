import type { HubSpotOwner } from '../../adapters/hubspot/bundle.ts';
import { DAY } from '../../core/time.ts';

/** FlowPilot's account managers; the last one left the company (a deactivated user: archived). */
const PEOPLE = [
  ['71430001', 'Rachel', 'Kim', 9120341, 'Account Management'],
  ['71430002', 'Tom', 'Becker', 9120347, 'Account Management'],
  ['71430003', 'Priya', 'Raman', 9120352, 'Customer Success'],
  ['71430004', 'Diego', 'Santos', 9120358, 'Customer Success'],
  ['71430005', 'Hannah', 'Lowe', 9120363, 'Customer Success'],
  ['71430009', 'Marcus', 'Reed', 9120330, 'Account Management'],
] as const;

export const ARCHIVED_OWNER_ID = '71430009';

/** The owners listing of the demo portal, archived one included (the owners API lists it with `archived=true`). */
export function demoOwners(now: number): HubSpotOwner[] {
  return PEOPLE.map(([id, firstName, lastName, userId, team], i) => {
    const archived = id === ARCHIVED_OWNER_ID;
    return {
      id,
      email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@flowpilot.io`,
      type: 'PERSON',
      firstName,
      lastName,
      // A deactivated user keeps only userIdIncludingInactive.
      ...(archived ? {} : { userId }),
      userIdIncludingInactive: userId,
      createdAt: new Date(now - (1500 - i * 90) * DAY).toISOString(),
      updatedAt: new Date(now - (archived ? 45 : 20 + i) * DAY).toISOString(),
      archived,
      teams: [{ id: team === 'Customer Success' ? '402' : '401', name: team, primary: true }],
    };
  });
}

export const ACTIVE_OWNER_IDS: readonly string[] = PEOPLE.map(([id]) => id).filter((id) => id !== ARCHIVED_OWNER_ID);
