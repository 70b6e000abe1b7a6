/**
 * The daily loop. Runs on typed arrays only (CSR ties, per-agent state and
 * influence counts), and its cost per day follows activity: media picks its
 * day's converts from per-community pools by geometric skipping, and every
 * other change (a peer success, a travel attempt, a return, a death) is an
 * event on the calendar. When an agent changes state, its neighbours'
 * influence counts change and their next peer-success day is drawn afresh —
 * exact for a daily Bernoulli process, which has no memory. The same holds when
 * an intervention changes a hazard (model/hazards.ts says which factors feed
 * which): pending peer, departure and exit days are redrawn then, and only then.
 *
 * What a state or channel does comes from the tables in model/states.ts (the
 * influence class a state exerts, its receptivity, its pool, the event due for
 * it), turned into typed arrays once per run.
 *
 * The engine knows nothing of files, terminals or charts: it reports through
 * an Observer.
 */
import type { ChannelParams } from '../model/channels.js';
import { changedCommunities, hazards, type Hazard } from '../model/hazards.js';
import type { Action, CommunityFactors, InterventionSchedule } from '../model/interventions.js';
import {
  State, Channel, Due, Influence, Pool, INFLUENCE_CLASS_COUNT, channelTable, influenceClasses, stateTable,
  type ChannelInfo, type StateInfo,
} from '../model/states.js';
import { stream, type Rng } from '../random/streams.js';
import { Calendar } from './calendar.js';
import { logSurvival, nextDue, NONE, waitDays } from './peer-clock.js';
import { PeerLogSurvival } from './peer-survival.js';
import { Pools } from './pools.js';

/** What the engine reads of a world (world/build.ts's World has all of it). */
export interface EngineWorld {
  agentCount: number;
  ties: { offsets: Int32Array; neighbors: Int32Array };
  /** Community index of each agent; a community's agents are contiguous from its firstAgent. */
  communityOf: Uint32Array;
  initialState: Uint8Array;
  communities: readonly { firstAgent: number; agents: number; susceptibility: number; mediaReach: number; routeSuccess: number }[];
  /** [agent]: its own threshold (threshold or fractional rule), in place of the rule's; absent: the rule's for all. */
  agentThreshold?: Float64Array;
  /** [agent]: factor of its state's receptivity; absent: 1 for all. */
  agentReceptivity?: Float64Array;
}

/** The state and channel tables a run uses: model/states.ts's unless a test extends them. */
export interface EngineTables {
  states: readonly StateInfo[];
  channels: readonly ChannelInfo[];
}

export interface SimulationOptions {
  /** The scenario's channels through model/channels.ts's compileChannels. */
  channels: ChannelParams;
  /** Days to simulate after the start date (day 0). */
  days: number;
  schedule: InterventionSchedule;
  seed: number;
  replicate: number;
  tables?: EngineTables;
  /**
   * End the run once nothing can change any more before its last day (no pending event, no
   * media, no intervention still to start or end): the later days would only repeat the
   * state, so their records are made from it without simulating them.
   */
  stopAtQuiescence?: boolean;
}

/** Counts per community, updated as agents change: read them in `Observer.record`. */
export interface Tally {
  communities: number;
  /** [community × STATE_COUNT + state]: agents in each state now (the stride is the state table's length). */
  states: Int32Array;
  /** [community × CHANNEL_COUNT + channel]: agents mobilized through each channel since the start. */
  recruits: Int32Array;
  /** [community]: agents removed from the network by interventions (prosecution, targeting). */
  removed: Int32Array;
  /**
   * [community]: recruits (any channel) who were sympathizers when they mobilized. Media is the
   * only way to become a sympathizer, so these are the recruits media had prepared; the others
   * went straight from susceptible, prepared by a tie (or a party).
   */
  preparedByMedia: Int32Array;
}

export interface Observer {
  /** Whether to call `record` at the end of this day (day 0 is the start). */
  recordOn?(day: number): boolean;
  record?(day: number, tally: Readonly<Tally>): void;
  /**
   * Asked after each recorded day: true ends the run there (a caller that has seen enough,
   * such as a calibration whose proposal can no longer be accepted). The outcome is then
   * that day's, and `lastDay` says so.
   */
  stopAfter?(day: number): boolean;
  /** Called after each simulated day. */
  progress?(day: number, days: number): void;
  /**
   * Called on every change of an agent's state after day 0 (the initial states are the
   * world's): what a day-by-day picture of the network needs. Draws nothing, so the run's
   * numbers are the same with it or without it.
   */
  stateChanged?(agent: number, to: number, day: number): void;
}

export interface SimulationOutcome {
  tally: Tally;
  state: Uint8Array;
  /** Channel that mobilized each agent (Channel.None if never). */
  channel: Uint8Array;
  /** Who influenced each peer or group recruit (-1 otherwise). */
  recruitedBy: Int32Array;
  /** Day each agent mobilized (-1 if never). */
  mobilizedOn: Int32Array;
  /** 1 for agents removed from the network by an intervention. */
  removed: Uint8Array;
  /** Agents whose state changed on some day: a measure of the run's work. */
  events: number;
  /** The last day simulated: the scenario's last, unless the observer stopped the run (a run stopped at quiescence counts as run to its last day). */
  lastDay: number;
  /** The last day on which some agent changed state (0: none after the start). */
  lastChangeDay: number;
  /** With stopAtQuiescence: the day from which nothing could change any more, if it came before the last day. */
  quiescentFrom?: number;
  /**
   * With stopAtQuiescence: whether something could still change after the last day (an agent
   * with a positive hazard, media): the end date cut the run short of its quiescence.
   */
  activeAtEnd?: boolean;
  /** Ties looked at during the run. */
  tieVisits: number;
}

/** Influence classes: the stride of the per-agent counts. A module constant so that index arithmetic stays Smi. */
const K = INFLUENCE_CLASS_COUNT;

/** Whether anything picks agents from the state pools: media, or an action that sends sympathizers back. */
function usesPools({ channels, schedule }: SimulationOptions): boolean {
  if (channels.media.exposure > 0 || channels.media.mobilization > 0) return true;
  return schedule.changeDays.some((day) => schedule.actionsOn(day).some((a) => a.kind === 'sympathizers-back'));
}

export function simulate(world: EngineWorld, options: SimulationOptions, observer: Observer = {}): SimulationOutcome {
  return new Simulation(world, options).run(observer);
}

class Simulation {
  private readonly n: number;
  private readonly offsets: Int32Array;
  private readonly neighbors: Int32Array;
  private readonly communityOf: Uint32Array;
  private readonly state: Uint8Array;
  /** [K × agent + class]: neighbours in each influential class. Integers, so thresholds are exact. */
  private readonly counts: Int32Array;
  private readonly calendar: Calendar;
  /** log(1 − h) of the hazard each receptive agent's pending peer day was drawn under (0: none). */
  private readonly peerLogSurvival: Float64Array;
  /**
   * Agents whose influence changed since the last flush, redrawn once at the flush: a day's
   * changes all count from tomorrow, so only the day's last hazard matters.
   */
  private readonly touched: Int32Array;
  private touchedCount = 0;
  /**
   * Agents that have had an influential tie, in exposed[0 .. exposedCount), each listed once
   * (isExposed): a superset of those a peer redraw can concern, so that the steps of a ramp
   * visit a few percent of the population rather than all of it. Agents whose ties all
   * stopped being influential leave the list at the next redraw, not at once.
   */
  private readonly exposed: Int32Array;
  private exposedCount = 0;
  private readonly isExposed: Uint8Array;
  private readonly isTouched: Uint8Array;
  private readonly susceptibles: Pools;
  private readonly sympathizers: Pools;
  /** Whether anything picks from the pools: if not, state changes skip them altogether. */
  private readonly pooled: boolean;
  private readonly tally: Tally;
  private readonly channel: Uint8Array;
  private readonly recruitedBy: Int32Array;
  private readonly mobilizedOn: Int32Array;
  /** Removed from the network: no influence given or taken (state unchanged, so counts stay true). */
  private readonly removed: Uint8Array;
  /** The day being simulated, for `Observer.stateChanged` and `lastChangeDay`. */
  private today = 0;
  /** The last day an agent changed state (set by setState). */
  private lastChangeDay = 0;
  private stateChanged: Observer['stateChanged'];

  // The tables, as arrays indexed by state or channel.
  private readonly stateCount: number;
  private readonly channelCount: number;
  private readonly classOf: Int8Array;
  private readonly dueOf: Uint8Array;
  private readonly poolOf: Uint8Array;
  private readonly gathersParty: Uint8Array;
  /** [class]: 1 where a policy sets the class's weight per community. */
  private readonly weightByPolicy: Uint8Array;

  private readonly susceptibility: Float64Array;
  private readonly mediaReach: Float64Array;
  private readonly routeSuccess: Float64Array;
  private factors: CommunityFactors;

  /** [class]: the channel's own tie weights. */
  private readonly weight: Float64Array;
  /** [community × K + class]: tie weights for agents of each community (policies applied). */
  private readonly classWeight: Float64Array;
  /** Receptivity by state: sympathizers 1, susceptibles less, everyone else 0. */
  private readonly receptivity: Float64Array;
  /** [agent]: receptivity factor, or undefined (1 for all: the default path reads no array). */
  private readonly agentReceptivity: Float64Array | undefined;
  /** The peer rule as log(1 − daily hazard). */
  private readonly peerLogSurvivalOf: PeerLogSurvival;
  /**
   * [community]: log(1 − h) of the exit hazard (return + death) and of the planning delay's daily
   * chance, taken when factors change: waitDays with them gives exactly what geometric(rng, p)
   * gives (same operations), without a log1p a draw. Pending days were drawn under these values.
   */
  private readonly exitLogSurvival: Float64Array;
  private readonly planningLogSurvival: Float64Array;
  /** [community]: share of exits that are returns. */
  private readonly returnShare: Float64Array;

  private readonly rngMedia: Rng;
  private readonly rngPeer: Rng;
  private readonly rngGroup: Rng;
  private readonly rngPlanning: Rng;
  private readonly rngTravel: Rng;
  private readonly rngAbroad: Rng;
  private readonly rngActions: Rng;

  private events = 0;
  private tieVisits = 0;
  /** The last pick's agents, in picked[0 .. pickedCount): the array is reused, never truncated (truncating is a slow path). */
  private readonly picked: number[] = [];
  private pickedCount = 0;

  constructor(private readonly world: EngineWorld, private readonly options: SimulationOptions) {
    const n = world.agentCount;
    const c = world.communities.length;
    const { states, channels } = options.tables ?? { states: stateTable, channels: channelTable };
    const params = options.channels;
    if (params.peer.receptivity.length !== states.length) {
      throw new Error(`engine/simulation: channels.peer.receptivity has ${params.peer.receptivity.length} entries, expected one per state (${states.length}); compile the channels with the same state table`);
    }
    this.stateCount = states.length;
    this.channelCount = channels.length;
    this.classOf = Int8Array.from(states, (s) => s.influence);
    this.dueOf = Uint8Array.from(states, (s) => s.due);
    this.poolOf = Uint8Array.from(states, (s) => s.pool);
    this.gathersParty = Uint8Array.from(channels, (ch) => (ch.gathersParty ? 1 : 0));
    this.weightByPolicy = Uint8Array.from(influenceClasses, (k) => (k.weightByPolicy ? 1 : 0));

    this.n = n;
    this.offsets = world.ties.offsets;
    this.neighbors = world.ties.neighbors;
    this.communityOf = world.communityOf;
    this.state = new Uint8Array(n);
    this.counts = new Int32Array(K * n);
    this.calendar = new Calendar(n, options.days);
    this.peerLogSurvival = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.isTouched = new Uint8Array(n);
    this.exposed = new Int32Array(n);
    this.isExposed = new Uint8Array(n);
    const starts = Int32Array.from(world.communities, (m) => m.firstAgent);
    const pooled = usesPools(options);
    this.pooled = pooled;
    this.susceptibles = new Pools(n, starts, pooled);
    this.sympathizers = new Pools(n, starts, pooled);
    this.tally = {
      communities: c,
      states: new Int32Array(c * this.stateCount),
      recruits: new Int32Array(c * this.channelCount),
      removed: new Int32Array(c),
      preparedByMedia: new Int32Array(c),
    };
    this.channel = new Uint8Array(n);
    this.recruitedBy = new Int32Array(n).fill(-1);
    this.mobilizedOn = new Int32Array(n).fill(-1);
    this.removed = new Uint8Array(n);

    this.susceptibility = Float64Array.from(world.communities, (m) => m.susceptibility);
    this.mediaReach = Float64Array.from(world.communities, (m) => m.mediaReach);
    this.routeSuccess = Float64Array.from(world.communities, (m) => m.routeSuccess);

    this.weight = params.peer.weights;
    this.receptivity = params.peer.receptivity;
    this.peerLogSurvivalOf = new PeerLogSurvival(params.peer.rule, world.agentThreshold);
    this.agentReceptivity = world.agentReceptivity;
    this.classWeight = new Float64Array(c * K);
    this.exitLogSurvival = new Float64Array(c);
    this.planningLogSurvival = new Float64Array(c);
    this.returnShare = new Float64Array(c);
    this.factors = this.resolve(options.schedule.factorsOn(0));
    for (const hazard of hazards) this.derive(hazard);

    const key = (purpose: string) => stream({ seed: options.seed, replicate: options.replicate, purpose: `engine/${purpose}` });
    this.rngMedia = key('media');
    this.rngPeer = key('peer');
    this.rngGroup = key('group');
    this.rngPlanning = key('planning');
    this.rngTravel = key('travel');
    this.rngAbroad = key('abroad');
    this.rngActions = key('actions');
  }

  run(observer: Observer): SimulationOutcome {
    const { days, schedule } = this.options;
    this.stateChanged = observer.stateChanged;
    this.start();
    for (const action of schedule.actionsOn(0)) this.act(action, 0);
    this.flushPeer(0);
    let lastDay = 0;
    let stop = false;
    if (observer.recordOn?.(0)) {
      observer.record?.(0, this.tally);
      stop = observer.stopAfter?.(0) ?? false;
    }
    let nextChange = 1;
    const changeDays = schedule.changeDays;
    const quiet = this.options.stopAtQuiescence === true;
    let quiescentFrom: number | undefined;
    for (let day = 1; day <= days && !stop; day++) {
      this.today = day;
      while (nextChange < changeDays.length && changeDays[nextChange]! <= day) {
        if (changeDays[nextChange] === day) {
          // Changes at the start of a day act on that day's draws: redraws count from yesterday.
          this.applyFactors(schedule.factorsOn(day), day - 1);
          for (const action of schedule.actionsOn(day)) this.act(action, day - 1);
          this.flushPeer(day - 1);
        }
        nextChange++;
      }
      this.media(day);
      this.dueEvents(day);
      this.flushPeer(day);
      lastDay = day;
      const recorded = observer.recordOn?.(day) ?? false;
      if (recorded) observer.record?.(day, this.tally);
      observer.progress?.(day, days);
      if (recorded) stop = observer.stopAfter?.(day) ?? false;
      if (this.lastChangeDay !== day && quiet && !stop && day < days && this.quiescent(day, changeDays)) {
        quiescentFrom = day;
        lastDay = this.repeatRecords(day, observer);
        break;
      }
    }
    return {
      tally: this.tally,
      state: this.state,
      channel: this.channel,
      recruitedBy: this.recruitedBy,
      mobilizedOn: this.mobilizedOn,
      removed: this.removed,
      events: this.events,
      tieVisits: this.tieVisits,
      lastDay,
      lastChangeDay: this.lastChangeDay,
      ...(quiet ? { activeAtEnd: quiescentFrom === undefined && this.active(), ...(quiescentFrom !== undefined ? { quiescentFrom } : {}) } : {}),
    };
  }

  /**
   * Nothing can change after `day`, ever: no intervention still to start or end (a dated change
   * could raise a hazard), no live entry in the calendar, and no hazard left positive (media, or
   * an agent's whose event was drawn past the end). Called only on days without a change, so a
   * busy run pays nothing for it.
   */
  private quiescent(day: number, changeDays: readonly number[]): boolean {
    if (changeDays.length > 0 && changeDays[changeDays.length - 1]! > day) return false;
    return !this.calendar.pendingAfter(day) && !this.active();
  }

  /**
   * The frozen state recorded on the days left, as if they had been simulated (series stay
   * complete); the last day reached: the run's last, or where the observer stopped it.
   */
  private repeatRecords(day: number, observer: Observer): number {
    const days = this.options.days;
    for (let d = day + 1; d <= days; d++) {
      const recorded = observer.recordOn?.(d) ?? false;
      if (recorded) observer.record?.(d, this.tally);
      if (recorded && (observer.stopAfter?.(d) ?? false)) return d;
    }
    observer.progress?.(days, days);
    return days;
  }

  /**
   * Whether something could still change after the last day: media drawing converts, or an agent
   * with a positive hazard whose event fell past the end (a peer success, a departure, an exit).
   */
  private active(): boolean {
    const { exposure, mobilization } = this.options.channels.media;
    if (exposure > 0 || mobilization > 0) return true;
    const { state, dueOf, removed, receptivity, communityOf } = this;
    for (let a = 0; a < this.n; a++) {
      if (removed[a]) continue;
      const s = state[a]!;
      const due = dueOf[s]! as Due;
      const c = communityOf[a]!;
      if (due === Due.Peer && receptivity[s]! > 0 && this.peerLogSurvival[a]! < 0) return true;
      if (due === Due.Departure && this.planningLogSurvival[c]! < 0) return true;
      if (due === Due.Exit && this.exitLogSurvival[c]! < 0) return true;
    }
    return false;
  }

  /** Day 0: the initial stock, its influence on neighbours, and the events it implies. */
  private start(): void {
    const { n, state, counts, offsets, neighbors, classOf } = this;
    const initial = this.world.initialState;
    for (let a = 0; a < n; a++) {
      const s = initial[a]!;
      const c = this.communityOf[a]!;
      state[a] = s;
      this.tally.states[c * this.stateCount + s]!++;
      if (this.pooled) this.enterPool(a, c, s);
      const k = classOf[s]!;
      if (k >= 0) {
        for (let i = offsets[a]!, end = offsets[a + 1]!; i < end; i++) {
          const u = neighbors[i]!;
          counts[K * u + k]!++;
          this.touch(u);
          this.expose(u);
        }
        this.tieVisits += offsets[a + 1]! - offsets[a]!;
      }
      // The stock abroad starts its exit clock; the mobilized of the stock have no planning start, so they stay.
      if (this.dueOf[s] === Due.Exit) this.scheduleExit(a, 0);
    }
    // Agents whose own threshold is 0 act with no influence (Granovetter's instigators): they are
    // touched too, as nothing else would make them draw.
    const thresholds = this.world.agentThreshold;
    if (thresholds !== undefined) for (let a = 0; a < n; a++) if (thresholds[a]! <= 0) this.touch(a);
    // Only agents next to someone influential can have a peer event: those just touched, not a pass
    // over the population. Their states are all set by now; the flush skips the non-receptive.
    this.flushPeer(0);
  }

  // ---- factors and the hazards they feed ---------------------------------------

  /** Fills in the channel's own returnee weight where no policy sets one. */
  private resolve(f: CommunityFactors): CommunityFactors {
    const own = this.weight[Influence.Returned]!;
    for (let i = 0; i < f.returnedWeight.length; i++) if (Number.isNaN(f.returnedWeight[i])) f.returnedWeight[i] = own;
    return f;
  }

  /** Recomputes the per-community parameters of a hazard from the factors in force. */
  private derive(hazard: Hazard): void {
    const f = this.factors;
    const communities = this.tally.communities;
    const params = this.options.channels;
    switch (hazard) {
      case 'peer':
        for (let c = 0; c < communities; c++) {
          for (let k = 0; k < K; k++) this.classWeight[c * K + k] = this.weightByPolicy[k] ? f.returnedWeight[c]! : this.weight[k]!;
        }
        return;
      case 'planning': {
        const h = params.travel.planningHazard;
        for (let c = 0; c < communities; c++) this.planningLogSurvival[c] = logSurvival(Math.min(1, h * f.planning[c]!));
        return;
      }
      case 'exit': {
        const { returnRate, deathRate } = params.abroad;
        for (let c = 0; c < communities; c++) {
          const r = returnRate * f.return[c]!;
          const d = deathRate * f.death[c]!;
          const exit = Math.min(1, r + d);
          this.exitLogSurvival[c] = Math.log1p(-exit);
          this.returnShare[c] = exit > 0 ? r / (r + d) : 0;
        }
        return;
      }
      case 'mediaExposure':
      case 'mediaMobilization':
      case 'travel':
        return; // read from the factors on the day
      default:
        return unreachable(hazard);
    }
  }

  private applyFactors(raw: CommunityFactors, day: number): void {
    const next = this.resolve(raw);
    const before = this.factors;
    this.factors = next;
    for (const hazard of hazards) {
      const changed = changedCommunities(hazard, before, next);
      if (changed === undefined) continue;
      switch (hazard) {
        case 'peer':
          this.derive(hazard);
          this.redrawPeers(changed, day);
          break;
        case 'planning': {
          const old = this.planningLogSurvival.slice();
          this.derive(hazard);
          this.redrawDepartures(changed, old, day);
          break;
        }
        case 'exit': {
          const old = this.exitLogSurvival.slice();
          this.derive(hazard);
          this.redrawExits(changed, old, day);
          break;
        }
        case 'mediaExposure':
        case 'mediaMobilization':
        case 'travel':
          break; // no pending events: the new values apply from today's draws
        default:
          unreachable(hazard);
      }
    }
  }

  /**
   * Peer hazards changed in the flagged communities: their receptive agents with influential ties
   * are redrawn, in index order (the order of the draws). Only exposed agents can have one.
   */
  private redrawPeers(changed: Uint8Array, day: number): void {
    const { exposed, isExposed, communityOf, receptivity, state, removed } = this;
    const list = exposed.subarray(0, this.exposedCount).sort();
    let kept = 0;
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      if (!this.hasInfluence(a)) {
        isExposed[a] = 0;
        continue;
      }
      exposed[kept++] = a;
      if (changed[communityOf[a]!] !== 0 && receptivity[state[a]!]! > 0 && removed[a] === 0) this.schedulePeer(a, day);
    }
    this.exposedCount = kept;
  }

  /** Lists `u` among the agents with an influential tie (once). */
  private expose(u: number): void {
    if (this.isExposed[u] !== 0) return;
    this.isExposed[u] = 1;
    this.exposed[this.exposedCount++] = u;
  }

  /** The exit hazard changed: a daily Bernoulli process has no memory, so each pending exit follows nextDue. */
  private redrawExits(changed: Uint8Array, old: Float64Array, day: number): void {
    const { calendar, state, dueOf } = this;
    for (let c = 0; c < changed.length; c++) {
      if (!changed[c]) continue;
      const m = this.world.communities[c]!;
      for (let a = m.firstAgent, end = m.firstAgent + m.agents; a < end; a++) {
        if (dueOf[state[a]!] !== Due.Exit) continue;
        this.reschedule(a, nextDue(calendar.due[a]!, day, calendar.lastDay, old[c]!, this.exitLogSurvival[c]!, this.rngAbroad));
      }
    }
  }

  /**
   * The planning hazard changed. A departure is the minimum wait, then a daily Bernoulli process
   * from the agent's ready day (mobilization day + max(1, minPlanningDays) − 1, recomputed, not
   * stored). The process is memoryless from its start, so the pending day follows nextDue from
   * max(ready day, today): an agent still in its minimum wait has its whole process redrawn.
   * A party leaves on its leader's day, so group recruits take the leader's redrawn day.
   */
  private redrawDepartures(changed: Uint8Array, old: Float64Array, day: number): void {
    const { calendar, state, dueOf, channel, recruitedBy, mobilizedOn } = this;
    const ready = Math.max(1, this.options.channels.travel.minPlanningDays) - 1;
    for (let c = 0; c < changed.length; c++) {
      if (!changed[c]) continue;
      const m = this.world.communities[c]!;
      for (let a = m.firstAgent, end = m.firstAgent + m.agents; a < end; a++) {
        if (dueOf[state[a]!] !== Due.Departure || mobilizedOn[a]! < 0) continue;
        if (channel[a] === Channel.Group && this.followsLeader(a)) continue;
        const from = Math.max(mobilizedOn[a]! + ready, day);
        this.reschedule(a, nextDue(calendar.due[a]!, from, calendar.lastDay, old[c]!, this.planningLogSurvival[c]!, this.rngPlanning));
      }
    }
    // Leaders may live in another community than their recruits: one pass over everyone.
    for (let a = 0; a < this.n; a++) {
      if (channel[a] !== Channel.Group || dueOf[state[a]!] !== Due.Departure || !this.followsLeader(a)) continue;
      const leaderDue = calendar.due[recruitedBy[a]!]!;
      if (calendar.due[a] !== leaderDue) this.reschedule(a, leaderDue);
    }
  }

  /** Whether group recruit `a`'s leader is still planning the trip they leave on together. */
  private followsLeader(a: number): boolean {
    const leader = this.recruitedBy[a]!;
    return leader >= 0 && this.dueOf[this.state[leader]!] === Due.Departure;
  }

  private reschedule(a: number, next: number): void {
    if (next === this.calendar.due[a]) return;
    if (next === NONE) this.calendar.cancel(a);
    else this.calendar.schedule(a, next);
  }

  // ---- one-off actions of interventions ---------------------------------------

  private act(action: Action, day: number): void {
    switch (action.kind) {
      case 'sympathizers-back':
        for (const c of action.communities) {
          this.pick(this.sympathizers, c, action.share, this.rngActions);
          const picked = this.picked.slice(0, this.pickedCount);
          for (const a of picked) this.unsympathize(a, c, day);
        }
        break;
      case 'prosecute-returned':
        for (const c of action.communities) {
          const m = this.world.communities[c]!;
          for (let a = m.firstAgent; a < m.firstAgent + m.agents; a++) if (this.state[a] === State.Returned) this.remove(a, day);
        }
        break;
      case 'remove-agents':
        for (const a of action.agents) this.remove(a, day);
        break;
      default:
        unreachable(action);
    }
  }

  /**
   * Takes `a` out of the network: its influence on neighbours ends and it can no
   * longer be recruited. A mobilized agent is stopped (intercepted).
   */
  private remove(a: number, day: number): void {
    if (this.removed[a]) return;
    const c = this.communityOf[a]!;
    const s = this.state[a]!;
    if (s === State.Mobilized) {
      this.calendar.cancel(a);
      this.setState(a, c, State.Intercepted);
      this.shiftInfluence(a, State.Mobilized, State.Intercepted, day);
    } else {
      this.shiftInfluence(a, s, State.Susceptible, day); // withdraw its influence, whatever its state
      if (this.pooled) this.leavePool(a, c, s);
      if (this.dueOf[s] !== Due.Exit) this.calendar.cancel(a); // abroad: still returns or dies
    }
    this.removed[a] = 1;
    this.tally.removed[c]!++;
  }

  private unsympathize(a: number, c: number, day: number): void {
    this.setState(a, c, State.Susceptible);
    if (this.calendar.due[a]! >= 0 || this.hasInfluence(a)) this.schedulePeer(a, day);
  }

  // ---- media -------------------------------------------------------------

  private media(day: number): void {
    const { exposure, mobilization } = this.options.channels.media;
    if (exposure <= 0 && mobilization <= 0) return;
    const picked = this.picked;
    const f = this.factors;
    for (let c = 0; c < this.tally.communities; c++) {
      const reach = this.mediaReach[c]! * f.media[c]! * this.susceptibility[c]!;
      if (reach <= 0) continue;
      // Media mobilization first, so that today's new sympathizers are not also mobilized today.
      this.pick(this.sympathizers, c, Math.min(1, mobilization * reach * f.mediaMobilization[c]!));
      // A pick may have joined an earlier pick's party meanwhile: it is mobilized once, as that party's.
      for (let i = 0; i < this.pickedCount; i++) if (this.state[picked[i]!] === State.Sympathizer) this.mobilize(picked[i]!, Channel.Media, -1, day, -1);
      this.pick(this.susceptibles, c, Math.min(1, exposure * reach * f.mediaExposure[c]!));
      for (let i = 0; i < this.pickedCount; i++) this.sympathize(picked[i]!, c, day);
    }
  }

  /** Each member of the pool independently with probability p, by geometric skips: O(picked). */
  private pick(pool: Pools, c: number, p: number, rng: Rng = this.rngMedia): void {
    const picked = this.picked;
    this.pickedCount = 0;
    if (p <= 0) return;
    const size = pool.size[c]!;
    const lambda = Math.log1p(-p); // once per pool rather than per skip; p = 1 gives −∞: every member
    let k = 0;
    for (let i = waitDays(rng, lambda) - 1; i < size; i += waitDays(rng, lambda)) {
      if (k < picked.length) picked[k] = pool.member(c, i);
      else picked.push(pool.member(c, i));
      k++;
    }
    this.pickedCount = k;
  }

  private sympathize(a: number, c: number, day: number): void {
    this.setState(a, c, State.Sympathizer);
    if (this.calendar.due[a]! >= 0 || this.hasInfluence(a)) this.schedulePeer(a, day);
  }

  // ---- peers ---------------------------------------------------------------

  private hasInfluence(a: number): boolean {
    const { counts } = this;
    let any = 0;
    for (let k = 0; k < K; k++) any |= counts[K * a + k]!;
    return any !== 0;
  }

  /** Brings `a`'s next peer-influence success day (after `day`) in line with its current hazard. */
  private schedulePeer(a: number, day: number): void {
    const calendar = this.calendar;
    const due = calendar.due[a]!;
    // Due today and not yet processed: today's outcome was decided by the hazard at the start
    // of the day; a change during the day counts from tomorrow, by which time `a` has mobilized.
    if (due === day) return;
    const { counts, classWeight } = this;
    const c = this.communityOf[a]!;
    let raw = 0;
    for (let k = 0; k < K; k++) raw += classWeight[c * K + k]! * counts[K * a + k]!;
    const own = this.agentReceptivity;
    const influence = this.receptivity[this.state[a]!]! * (own === undefined ? 1 : own[a]!) * this.susceptibility[c]! * this.factors.peer[c]! * raw;
    const after = this.peerLogSurvivalOf.of(influence, this.offsets[a + 1]! - this.offsets[a]!, a);
    const before = this.peerLogSurvival[a]!;
    if (after === before) return; // same hazard: the pending day stands
    this.peerLogSurvival[a] = after;
    const next = nextDue(due, day, calendar.lastDay, before, after, this.rngPeer);
    if (next === due) return;
    if (next === NONE) calendar.cancel(a);
    else calendar.schedule(a, next);
  }

  /** Lists `u` for the next flush (once). */
  private touch(u: number): void {
    if (this.isTouched[u] !== 0) return;
    this.isTouched[u] = 1;
    this.touched[this.touchedCount++] = u;
  }

  /** Redraws, once each, the agents whose influence changed since the last flush. */
  private flushPeer(day: number): void {
    const { touched, isTouched, receptivity, state, removed } = this;
    // Reset before the loop (nothing in it touches): a store after a hot first loop has no type
    // feedback yet and made V8 drop the loop's optimized code on every early flush.
    const count = this.touchedCount;
    this.touchedCount = 0;
    for (let i = 0; i < count; i++) {
      const u = touched[i]!;
      isTouched[u] = 0;
      if (receptivity[state[u]!]! > 0 && removed[u] === 0) this.schedulePeer(u, day);
    }
  }

  /** An influential neighbour, drawn in proportion to its positive weight. */
  private recruiterOf(a: number): number {
    const { offsets, neighbors, state, removed, counts, classOf } = this;
    const weight = this.classWeight;
    const row = this.communityOf[a]! * K;
    // The counts hold the non-removed neighbours by class, so the total needs no pass over the ties.
    let total = 0;
    let most = 0;
    for (let k = 0; k < K; k++) {
      const w = weight[row + k]!;
      if (w <= 0) continue;
      total += w * counts[K * a + k]!;
      if (counts[K * a + k]! > 0) most = Math.max(most, w);
    }
    if (total <= 0) return -1;
    const start = offsets[a]!;
    const degree = offsets[a + 1]! - start;
    // Where influential ties are dense, rejection (a uniform tie, kept with probability weight / most)
    // takes at most 4 tries on average; a scan would read about half the list.
    if (degree * most <= 4 * total) {
      const u = this.recruiterByRejection(a, row, most);
      if (u >= 0) return u;
    }
    let r = this.rngPeer() * total;
    let last = -1;
    for (let i = start; i < start + degree; i++) {
      const u = neighbors[i]!;
      const k = removed[u] ? -1 : classOf[state[u]!]!;
      if (k >= 0 && weight[row + k]! > 0) {
        last = u;
        r -= weight[row + k]!;
        if (r < 0) {
          this.tieVisits += i - start + 1;
          return u;
        }
      }
    }
    this.tieVisits += degree;
    return last; // r ≥ 0 after the last one: rounding in the total
  }

  /**
   * Uniform ties of `a` until one is kept with probability weight / `most` (the largest weight
   * present); -1 after 64 tries (odds under (3/4)^64 ≈ 1e-8 where the caller chose this), so that the
   * caller's scan decides — the tries carry no information about the pick, so that stays exact.
   */
  private recruiterByRejection(a: number, row: number, most: number): number {
    const { neighbors, state, removed, rngPeer, classOf } = this;
    const weight = this.classWeight;
    const start = this.offsets[a]!;
    const degree = this.offsets[a + 1]! - start;
    for (let tries = 0; tries < 64; tries++) {
      const u = neighbors[start + Math.floor(rngPeer() * degree)]!;
      this.tieVisits++;
      const k = removed[u] ? -1 : classOf[state[u]!]!;
      if (k < 0) continue;
      const w = weight[row + k]!;
      if (w >= most || (w > 0 && rngPeer() * most < w)) return u;
    }
    return -1;
  }

  /** A neighbour of `a` moved between influence classes: update counts, redraw receptive neighbours. */
  private shiftInfluence(a: number, from: number, to: number, day: number): void {
    if (this.removed[a]) return; // its influence was withdrawn when it was removed
    const kFrom = this.classOf[from]!;
    const kTo = this.classOf[to]!;
    if (kFrom === kTo) return;
    const { offsets, neighbors, counts, state, receptivity, removed, weight, weightByPolicy } = this;
    // Policy weights differ by community, so a change into or out of such a class always redraws.
    const redraw = (kFrom >= 0 && weightByPolicy[kFrom] !== 0) || (kTo >= 0 && weightByPolicy[kTo] !== 0)
      || (kFrom >= 0 ? weight[kFrom]! : 0) !== (kTo >= 0 ? weight[kTo]! : 0);
    for (let i = offsets[a]!, end = offsets[a + 1]!; i < end; i++) {
      const u = neighbors[i]!;
      if (kFrom >= 0) counts[K * u + kFrom]!--;
      if (kTo >= 0) {
        counts[K * u + kTo]!++;
        if (this.isExposed[u] === 0) this.expose(u);
      }
      if (redraw && receptivity[state[u]!]! > 0 && removed[u] === 0) this.touch(u);
    }
    this.tieVisits += offsets[a + 1]! - offsets[a]!;
  }

  // ---- mobilization, travel, return ------------------------------------------

  /**
   * `a` decides to travel. Recruits of a party leave with the agent who drew them
   * (`departure` ≥ 0) and draw no party of their own.
   */
  private mobilize(a: number, channel: number, recruiter: number, day: number, departure: number): void {
    const c = this.communityOf[a]!;
    const before = this.state[a]!;
    this.setState(a, c, State.Mobilized);
    this.tally.recruits[c * this.channelCount + channel]!++;
    if (before === State.Sympathizer) this.tally.preparedByMedia[c]!++;
    this.channel[a] = channel;
    this.recruitedBy[a] = recruiter;
    this.mobilizedOn[a] = day;
    const leaves = departure >= 0 ? departure : this.departureDay(c, day);
    this.calendar.schedule(a, leaves);
    this.shiftInfluence(a, before, State.Mobilized, day);
    if (this.gathersParty[channel] !== 0) this.gatherParty(a, day, leaves);
  }

  private gatherParty(a: number, day: number, leaves: number): void {
    const g = this.options.channels.group.probability;
    if (g <= 0) return;
    const { offsets, neighbors, state, receptivity, agentReceptivity: own } = this;
    for (let i = offsets[a]!, end = offsets[a + 1]!; i < end; i++) {
      const u = neighbors[i]!;
      const r = receptivity[state[u]!]!;
      if (r <= 0 || this.removed[u]) continue;
      const cu = this.communityOf[u]!;
      const p = g * r * (own === undefined ? 1 : own[u]!) * this.susceptibility[cu]! * this.factors.peer[cu]!;
      if (this.rngGroup() < p) this.mobilize(u, Channel.Group, a, day, leaves);
    }
    this.tieVisits += offsets[a + 1]! - offsets[a]!;
  }

  /** The day an agent of community `c` mobilized on `day` attempts travel; past the run when its planning hazard is 0. */
  private departureDay(c: number, day: number): number {
    const lambda = this.planningLogSurvival[c]!;
    if (lambda === 0) return this.calendar.lastDay + 1;
    const wait = this.options.channels.travel.minPlanningDays + waitDays(this.rngPlanning, lambda) - 1;
    return day + Math.max(1, wait);
  }

  private attemptTravel(a: number, day: number): void {
    const c = this.communityOf[a]!;
    const f = this.factors;
    const success = this.routeSuccess[c]! * f.passage[c]! * f.departure[c]! * f.travel[c]!;
    const to = this.rngTravel() < success ? State.Abroad : State.Intercepted;
    this.setState(a, c, to);
    this.shiftInfluence(a, State.Mobilized, to, day);
    if (to === State.Abroad) this.scheduleExit(a, day);
  }

  private scheduleExit(a: number, day: number): void {
    const lambda = this.exitLogSurvival[this.communityOf[a]!]!;
    if (lambda < 0) this.calendar.schedule(a, day + waitDays(this.rngAbroad, lambda));
  }

  private leaveConflictZone(a: number, day: number): void {
    const c = this.communityOf[a]!;
    const to = this.rngAbroad() < this.returnShare[c]! ? State.Returned : State.Dead;
    this.setState(a, c, to);
    this.shiftInfluence(a, State.Abroad, to, day);
    if (to === State.Returned && this.factors.prosecute[c]) this.remove(a, day);
  }

  private dueEvents(day: number): void {
    const { dueOf } = this;
    const due = this.calendar.due;
    const agents = this.calendar.take(day);
    for (let i = 0; i < agents.length; i++) {
      const a = agents[i]!;
      if (due[a] !== day) continue; // superseded by a later draw
      due[a] = -1;
      const event = dueOf[this.state[a]!]! as Due;
      switch (event) {
        case Due.Peer:
          this.mobilize(a, Channel.Peer, this.recruiterOf(a), day, -1);
          break;
        case Due.Departure:
          this.attemptTravel(a, day);
          break;
        case Due.Exit:
          this.leaveConflictZone(a, day);
          break;
        case Due.None:
          break;
        default:
          unreachable(event);
      }
    }
  }

  private leavePool(a: number, c: number, s: number): void {
    const pool = this.poolOf[s]!;
    if (pool === Pool.Susceptibles) this.susceptibles.remove(c, a);
    else if (pool === Pool.Sympathizers) this.sympathizers.remove(c, a);
  }

  private enterPool(a: number, c: number, s: number): void {
    const pool = this.poolOf[s]!;
    if (pool === Pool.Susceptibles) this.susceptibles.add(c, a);
    else if (pool === Pool.Sympathizers) this.sympathizers.add(c, a);
  }

  /** Moves `a` to state `to`: the tally, and the pools of both states (left first, as the pools' order is part of the draws). */
  private setState(a: number, c: number, to: number): void {
    const from = this.state[a]!;
    if (this.pooled) {
      this.leavePool(a, c, from);
      this.enterPool(a, c, to);
    }
    const states = this.tally.states;
    const stride = this.stateCount;
    states[c * stride + from]!--;
    states[c * stride + to]!++;
    this.state[a] = to;
    this.events++;
    this.lastChangeDay = this.today;
    this.stateChanged?.(a, to, this.today);
  }
}

function unreachable(x: never): never {
  throw new Error(`engine/simulation: unknown kind ${JSON.stringify(x)}`);
}
