/**
 * Agent states, influence classes and mobilization channels, each described by
 * one table that the engine reads instead of positional literals.
 *
 * States: `susceptible → sympathizer → mobilized → abroad → returned | dead`,
 * plus `intercepted` (stopped before or at the border). "Travelled" — abroad,
 * returned or dead — is the cumulative count the reports measure.
 *
 * A new state or channel touches this file (its row and its index), the engine
 * where it needs logic of its own (src/engine/simulation.ts), the schema if a
 * scenario sets its parameters (src/scenario/schema.ts) and model/channels.ts to
 * compile them: four source files at most. results/ reads names and the tally
 * layout from here, so its tables follow.
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

/** Influence classes: the kinds of neighbour that count towards an agent's peer influence. */
export const Influence = { None: -1, Mobilized: 0, Abroad: 1, Returned: 2 } as const;

export interface InfluenceClassInfo {
  readonly name: string;
  /**
   * Whether the class's tie weight is set per community by the interventions in force
   * (returnee policy): changes into or out of it always redraw, whatever the base weights.
   */
  readonly weightByPolicy: boolean;
}

/** Indexed by influence class; the weights themselves are channel parameters (model/channels.ts). */
export const influenceClasses: readonly InfluenceClassInfo[] = [
  { name: 'mobilized', weightByPolicy: false },
  { name: 'abroad', weightByPolicy: false },
  { name: 'returned', weightByPolicy: true },
];
export const INFLUENCE_CLASS_COUNT = 3;

/** The calendar entry an agent in a state can have: at most one, so the state says which it is. */
export const Due = { None: 0, Peer: 1, Departure: 2, Exit: 3 } as const;
export type Due = typeof Due[keyof typeof Due];

/** The per-community pools media and actions pick from. */
export const Pool = { None: 0, Susceptibles: 1, Sympathizers: 2 } as const;
export type Pool = typeof Pool[keyof typeof Pool];

export interface StateInfo {
  readonly name: string;
  /** Influence class an agent in this state exerts on its neighbours (`Influence.None`: none). */
  readonly influence: number;
  /**
   * Receptivity to peer influence relative to a sympathizer's; `'susceptible'`: the peer
   * channel's `susceptibleReceptivity`. 0: never recruited by peers or parties.
   */
  readonly receptivity: number | 'susceptible';
  readonly pool: Pool;
  readonly due: Due;
}

/** Indexed by State. */
export const stateTable: readonly StateInfo[] = [
  { name: 'susceptible', influence: Influence.None, receptivity: 'susceptible', pool: Pool.Susceptibles, due: Due.Peer },
  { name: 'sympathizer', influence: Influence.None, receptivity: 1, pool: Pool.Sympathizers, due: Due.Peer },
  { name: 'mobilized', influence: Influence.Mobilized, receptivity: 0, pool: Pool.None, due: Due.Departure },
  { name: 'abroad', influence: Influence.Abroad, receptivity: 0, pool: Pool.None, due: Due.Exit },
  { name: 'returned', influence: Influence.Returned, receptivity: 0, pool: Pool.None, due: Due.None },
  { name: 'dead', influence: Influence.None, receptivity: 0, pool: Pool.None, due: Due.None },
  { name: 'intercepted', influence: Influence.None, receptivity: 0, pool: Pool.None, due: Due.None },
];

export const STATE_COUNT = 7;
export const stateNames = ['susceptible', 'sympathizer', 'mobilized', 'abroad', 'returned', 'dead', 'intercepted'] as const;

/** How an agent came to be mobilized. */
export const Channel = { None: 0, Media: 1, Peer: 2, Group: 3 } as const;
export type Channel = typeof Channel[keyof typeof Channel];

export interface ChannelInfo {
  readonly name: string;
  /** What the channel's recruit count means, for result columns. */
  readonly description: string;
  /** Whether an agent mobilized through it may draw friends along (a group recruit draws none: parties do not chain). */
  readonly gathersParty: boolean;
  /** Whether a recruit through it has a recruiter (`recruitedBy`). */
  readonly hasRecruiter: boolean;
}

/** Indexed by Channel. */
export const channelTable: readonly ChannelInfo[] = [
  { name: 'none', description: 'Agents never mobilized (or in the initial stock).', gathersParty: false, hasRecruiter: false },
  { name: 'media', description: 'Agents mobilized through media alone.', gathersParty: true, hasRecruiter: false },
  { name: 'peer', description: 'Agents mobilized by the influence of friends and family.', gathersParty: true, hasRecruiter: true },
  { name: 'group', description: 'Agents who joined a friend\'s party as it mobilized.', gathersParty: false, hasRecruiter: true },
];
export const CHANNEL_COUNT = 4;
export const channelNames = ['none', 'media', 'peer', 'group'] as const;
