/**
 * Agent states. `susceptible → sympathizer → mobilized → abroad → returned | dead`,
 * plus `intercepted` (stopped before or at the border). "Travelled" — abroad,
 * returned or dead — is the cumulative count the reports measure.
 */
export const State = {
  Susceptible: 0,
  Sympathizer: 1,
  Mobilized: 2,
  Abroad: 3,
  Returned: 4,
  Dead: 5,
  Intercepted: 6,
} as const;
export type State = typeof State[keyof typeof State];

export const STATE_COUNT = 7;
export const stateNames = ['susceptible', 'sympathizer', 'mobilized', 'abroad', 'returned', 'dead', 'intercepted'] as const;
export type StateName = typeof stateNames[number];

/** How an agent came to be mobilized. */
export const Channel = { None: 0, Media: 1, Peer: 2, Group: 3 } as const;
export type Channel = typeof Channel[keyof typeof Channel];
export const channelNames = ['none', 'media', 'peer', 'group'] as const;

export const hasTravelled = (s: number): boolean => s === State.Abroad || s === State.Returned || s === State.Dead;
