/**
 * The daily loop. Runs on typed arrays only (CSR ties, per-agent state and
 * influence counts), and its cost per day follows activity: media picks its
 * day's converts from per-community pools by geometric skipping, and every
 * other change (a peer success, a travel attempt, a return, a death) is an
 * event on the calendar. When an agent changes state, its neighbours'
 * influence counts change and their next peer-success day is drawn afresh —
 * exact for a daily Bernoulli process, which has no memory.
 *
 * The engine knows nothing of files, terminals or charts: it reports through
 * an Observer.
 */
import { State, Channel, STATE_COUNT } from '../model/states.js';
import type { Action, CommunityFactors, InterventionSchedule } from '../model/interventions.js';
import { stream, type Rng } from '../random/streams.js';
import type { Channels } from '../scenario/schema.js';
import type { World } from '../world/build.js';
import { Calendar } from './calendar.js';
import { nextDue, NONE, waitDays } from './peer-clock.js';
import { PeerLogSurvival } from './peer-survival.js';
import { Pools } from './pools.js';

export interface SimulationOptions {
  channels: Channels;
  /** Days to simulate after the start date (day 0). */
  days: number;
  schedule: InterventionSchedule;
  seed: number;
  replicate: number;
}

/** Counts per community, updated as agents change: read them in `Observer.record`. */
export interface Tally {
  communities: number;
  /** [community × STATE_COUNT + state]: agents in each state now. */
  states: Int32Array;
  /** [community × 4 + channel]: agents mobilized through each channel since the start. */
  recruits: Int32Array;
  /** [community]: agents removed from the network by interventions (prosecution, targeting). */
  removed: Int32Array;
}

export interface Observer {
  /** Whether to call `record` at the end of this day (day 0 is the start). */
  recordOn?(day: number): boolean;
  record?(day: number, tally: Readonly<Tally>): void;
  /** Called after each simulated day. */
  progress?(day: number, days: number): void;
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
  /** Ties looked at during the run. */
  tieVisits: number;
}

/** Influence class of each state: 0 mobilized, 1 abroad, 2 returned, -1 none. */
const CLASS_OF = Int8Array.from([-1, -1, 0, 1, 2, -1, -1]);

/** Whether anything picks agents from the state pools: media, or an action that sends sympathizers back. */
function usesPools({ channels, schedule }: SimulationOptions): boolean {
  if (channels.media.exposure > 0 || channels.media.mobilization > 0) return true;
  return schedule.changeDays.some((day) => schedule.actionsOn(day).some((a) => a.kind === 'sympathizers-back'));
}

export function simulate(world: World, options: SimulationOptions, observer: Observer = {}): SimulationOutcome {
  return new Simulation(world, options).run(observer);
}

class Simulation {
  private readonly n: number;
  private readonly offsets: Int32Array;
  private readonly neighbors: Int32Array;
  private readonly communityOf: Uint32Array;
  private readonly state: Uint8Array;
  /** [3 × agent + class]: neighbours in each influential class. Integers, so thresholds are exact. */
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
  private readonly isTouched: Uint8Array;
  private readonly susceptibles: Pools;
  private readonly sympathizers: Pools;
  private readonly tally: Tally;
  private readonly channel: Uint8Array;
  private readonly recruitedBy: Int32Array;
  private readonly mobilizedOn: Int32Array;
  /** Removed from the network: no influence given or taken (state unchanged, so counts stay true). */
  private readonly removed: Uint8Array;

  private readonly susceptibility: Float64Array;
  private readonly mediaReach: Float64Array;
  private readonly routeSuccess: Float64Array;
  private factors: CommunityFactors;

  private readonly weight: Float64Array;
  /** Receptivity by state: sympathizers 1, susceptibles less, everyone else 0. */
  private readonly receptivity: Float64Array;
  /** The peer rule as log(1 − daily hazard). */
  private readonly peerLogSurvivalOf: PeerLogSurvival;
  private readonly exitHazard: number;
  /**
   * log(1 − p) of the exit hazard and of the planning delay's daily chance, taken once: waitDays
   * with them gives exactly what geometric(rng, p) gives (same operations), without a log1p a draw.
   */
  private readonly exitLogSurvival: number;
  private readonly planningLogSurvival: number;
  private readonly returnShare: number;

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
  private readonly recruiterWeight = new Float64Array(3);

  constructor(private readonly world: World, private readonly options: SimulationOptions) {
    const n = world.agentCount;
    const c = world.communities.length;
    this.n = n;
    this.offsets = world.ties.offsets;
    this.neighbors = world.ties.neighbors;
    this.communityOf = world.communityOf;
    this.state = new Uint8Array(n);
    this.counts = new Int32Array(3 * n);
    this.calendar = new Calendar(n, options.days);
    this.peerLogSurvival = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.isTouched = new Uint8Array(n);
    const starts = Int32Array.from(world.communities, (m) => m.firstAgent);
    const pooled = usesPools(options);
    this.susceptibles = new Pools(n, starts, pooled);
    this.sympathizers = new Pools(n, starts, pooled);
    this.tally = { communities: c, states: new Int32Array(c * STATE_COUNT), recruits: new Int32Array(c * 4), removed: new Int32Array(c) };
    this.channel = new Uint8Array(n);
    this.recruitedBy = new Int32Array(n).fill(-1);
    this.mobilizedOn = new Int32Array(n).fill(-1);
    this.removed = new Uint8Array(n);

    this.susceptibility = Float64Array.from(world.communities, (m) => m.susceptibility);
    this.mediaReach = Float64Array.from(world.communities, (m) => m.mediaReach);
    this.routeSuccess = Float64Array.from(world.communities, (m) => m.routeSuccess);
    this.factors = this.resolve(options.schedule.factorsOn(0));

    const { peer, abroad } = options.channels;
    // Weights of the mobilized and abroad classes; the returnee weight is per community (returnee policy).
    this.weight = Float64Array.from([peer.weights.mobilized, peer.weights.abroad, peer.weights.returned]);
    this.receptivity = Float64Array.from([peer.susceptibleReceptivity, 1, 0, 0, 0, 0, 0]);
    this.peerLogSurvivalOf = new PeerLogSurvival(peer);
    this.exitHazard = Math.min(1, abroad.returnRate + abroad.deathRate);
    this.returnShare = this.exitHazard > 0 ? abroad.returnRate / (abroad.returnRate + abroad.deathRate) : 0;
    this.exitLogSurvival = Math.log1p(-this.exitHazard);
    const { minPlanningDays, meanPlanningDays } = options.channels.travel;
    this.planningLogSurvival = Math.log1p(-1 / (meanPlanningDays - minPlanningDays + 1));

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
    this.start();
    for (const action of schedule.actionsOn(0)) this.act(action, 0);
    this.flushPeer(0);
    if (observer.recordOn?.(0)) observer.record?.(0, this.tally);
    let nextChange = 1;
    const changeDays = schedule.changeDays;
    for (let day = 1; day <= days; day++) {
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
      if (observer.recordOn?.(day)) observer.record?.(day, this.tally);
      observer.progress?.(day, days);
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
    };
  }

  /** Day 0: the initial stock, its influence on neighbours, and the events it implies. */
  private start(): void {
    const { n, state, counts, offsets, neighbors } = this;
    const initial = this.world.initialState;
    for (let a = 0; a < n; a++) {
      const s = initial[a]!;
      const c = this.communityOf[a]!;
      state[a] = s;
      this.tally.states[c * STATE_COUNT + s]!++;
      if (s === State.Susceptible) this.susceptibles.add(c, a);
      const k = CLASS_OF[s]!;
      if (k >= 0) {
        for (let i = offsets[a]!, end = offsets[a + 1]!; i < end; i++) {
          const u = neighbors[i]!;
          counts[3 * u + k]!++;
          this.touch(u);
        }
        this.tieVisits += offsets[a + 1]! - offsets[a]!;
      }
      if (s === State.Abroad) this.scheduleExit(a, 0);
    }
    // Only agents next to someone influential can have a peer event: those just touched, not a pass
    // over the population. Their states are all set by now; the flush skips the non-receptive.
    this.flushPeer(0);
  }

  /** Fills in the channel's own returnee weight where no policy sets one. */
  private resolve(f: CommunityFactors): CommunityFactors {
    const own = this.options.channels.peer.weights.returned;
    for (let i = 0; i < f.returnedWeight.length; i++) if (Number.isNaN(f.returnedWeight[i])) f.returnedWeight[i] = own;
    return f;
  }

  private applyFactors(raw: CommunityFactors, day: number): void {
    const next = this.resolve(raw);
    const before = this.factors;
    const peerChanged = next.peer.some((v, i) => v !== before.peer[i] || next.returnedWeight[i] !== before.returnedWeight[i]);
    this.factors = next;
    if (!peerChanged) return;
    // Peer hazards changed somewhere: every receptive agent with influential ties is redrawn.
    for (let a = 0; a < this.n; a++) {
      if (this.isReceptive(a) && (this.calendar.due[a]! >= 0 || this.hasInfluence(a))) this.schedulePeer(a, day);
    }
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
    }
  }

  private isReceptive(a: number): boolean {
    return this.receptivity[this.state[a]!]! > 0 && this.removed[a] === 0;
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
      if (s === State.Susceptible) this.susceptibles.remove(c, a);
      if (s === State.Sympathizer) this.sympathizers.remove(c, a);
      if (s !== State.Abroad) this.calendar.cancel(a); // abroad: still returns or dies
    }
    this.removed[a] = 1;
    this.tally.removed[c]!++;
  }

  private unsympathize(a: number, c: number, day: number): void {
    this.sympathizers.remove(c, a);
    this.susceptibles.add(c, a);
    this.setState(a, c, State.Susceptible);
    if (this.calendar.due[a]! >= 0 || this.hasInfluence(a)) this.schedulePeer(a, day);
  }

  // ---- media -------------------------------------------------------------

  private media(day: number): void {
    const { exposure, mobilization } = this.options.channels.media;
    if (exposure <= 0 && mobilization <= 0) return;
    const picked = this.picked;
    for (let c = 0; c < this.tally.communities; c++) {
      const reach = this.mediaReach[c]! * this.factors.media[c]! * this.susceptibility[c]!;
      if (reach <= 0) continue;
      // Media mobilization first, so that today's new sympathizers are not also mobilized today.
      this.pick(this.sympathizers, c, Math.min(1, mobilization * reach));
      for (let i = 0; i < this.pickedCount; i++) this.mobilize(picked[i]!, Channel.Media, -1, day, -1);
      this.pick(this.susceptibles, c, Math.min(1, exposure * reach));
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
    this.susceptibles.remove(c, a);
    this.sympathizers.add(c, a);
    this.setState(a, c, State.Sympathizer);
    if (this.calendar.due[a]! >= 0 || this.hasInfluence(a)) this.schedulePeer(a, day);
  }

  // ---- peers ---------------------------------------------------------------

  private hasInfluence(a: number): boolean {
    const { counts } = this;
    return (counts[3 * a]! | counts[3 * a + 1]! | counts[3 * a + 2]!) !== 0;
  }

  /** Brings `a`'s next peer-influence success day (after `day`) in line with its current hazard. */
  private schedulePeer(a: number, day: number): void {
    const calendar = this.calendar;
    const due = calendar.due[a]!;
    // Due today and not yet processed: today's outcome was decided by the hazard at the start
    // of the day; a change during the day counts from tomorrow, by which time `a` has mobilized.
    if (due === day) return;
    const { counts, weight } = this;
    const c = this.communityOf[a]!;
    const raw = weight[0]! * counts[3 * a]! + weight[1]! * counts[3 * a + 1]! + this.factors.returnedWeight[c]! * counts[3 * a + 2]!;
    const influence = this.receptivity[this.state[a]!]! * this.susceptibility[c]! * this.factors.peer[c]! * raw;
    const after = this.peerLogSurvivalOf.of(influence, this.offsets[a + 1]! - this.offsets[a]!);
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
    const { offsets, neighbors, state, removed, counts } = this;
    const weight = this.recruiterWeight;
    weight[0] = this.weight[0]!;
    weight[1] = this.weight[1]!;
    weight[2] = this.factors.returnedWeight[this.communityOf[a]!]!;
    // The counts hold the non-removed neighbours by class, so the total needs no pass over the ties.
    let total = 0;
    let most = 0;
    for (let k = 0; k < 3; k++) {
      if (weight[k]! <= 0) continue;
      total += weight[k]! * counts[3 * a + k]!;
      if (counts[3 * a + k]! > 0) most = Math.max(most, weight[k]!);
    }
    if (total <= 0) return -1;
    const start = offsets[a]!;
    const degree = offsets[a + 1]! - start;
    // Where influential ties are dense, rejection (a uniform tie, kept with probability weight / most)
    // takes at most 4 tries on average; a scan would read about half the list.
    if (degree * most <= 4 * total) {
      const u = this.recruiterByRejection(a, most);
      if (u >= 0) return u;
    }
    let r = this.rngPeer() * total;
    let last = -1;
    for (let i = start; i < start + degree; i++) {
      const u = neighbors[i]!;
      const k = removed[u] ? -1 : CLASS_OF[state[u]!]!;
      if (k >= 0 && weight[k]! > 0) {
        last = u;
        r -= weight[k]!;
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
  private recruiterByRejection(a: number, most: number): number {
    const { neighbors, state, removed, rngPeer } = this;
    const weight = this.recruiterWeight;
    const start = this.offsets[a]!;
    const degree = this.offsets[a + 1]! - start;
    for (let tries = 0; tries < 64; tries++) {
      const u = neighbors[start + Math.floor(rngPeer() * degree)]!;
      this.tieVisits++;
      const k = removed[u] ? -1 : CLASS_OF[state[u]!]!;
      if (k < 0) continue;
      const w = weight[k]!;
      if (w >= most || (w > 0 && rngPeer() * most < w)) return u;
    }
    return -1;
  }

  /** A neighbour of `a` moved between influence classes: update counts, redraw receptive neighbours. */
  private shiftInfluence(a: number, from: number, to: number, day: number): void {
    if (this.removed[a]) return; // its influence was withdrawn when it was removed
    const kFrom = CLASS_OF[from]!;
    const kTo = CLASS_OF[to]!;
    if (kFrom === kTo) return;
    const { offsets, neighbors, counts, state, receptivity, removed } = this;
    // Returnee weights differ by community (policy), so a change into or out of that class always redraws.
    const redraw = kFrom === 2 || kTo === 2 || (kFrom >= 0 ? this.weight[kFrom]! : 0) !== (kTo >= 0 ? this.weight[kTo]! : 0);
    for (let i = offsets[a]!, end = offsets[a + 1]!; i < end; i++) {
      const u = neighbors[i]!;
      if (kFrom >= 0) counts[3 * u + kFrom]!--;
      if (kTo >= 0) counts[3 * u + kTo]!++;
      if (redraw && receptivity[state[u]!]! > 0 && removed[u] === 0) this.touch(u);
    }
    this.tieVisits += offsets[a + 1]! - offsets[a]!;
  }

  // ---- mobilization, travel, return ------------------------------------------

  /**
   * `a` decides to travel. Group recruits leave with the agent who drew them
   * (`departure` ≥ 0) and draw no party of their own.
   */
  private mobilize(a: number, channel: Channel, recruiter: number, day: number, departure: number): void {
    const c = this.communityOf[a]!;
    const before = this.state[a]!;
    if (before === State.Susceptible) this.susceptibles.remove(c, a);
    else this.sympathizers.remove(c, a);
    this.setState(a, c, State.Mobilized);
    this.tally.recruits[c * 4 + channel]!++;
    this.channel[a] = channel;
    this.recruitedBy[a] = recruiter;
    this.mobilizedOn[a] = day;
    const leaves = departure >= 0 ? departure : day + this.planningDelay();
    this.calendar.schedule(a, leaves);
    this.shiftInfluence(a, before, State.Mobilized, day);
    if (channel !== Channel.Group) this.gatherParty(a, day, leaves);
  }

  private gatherParty(a: number, day: number, leaves: number): void {
    const g = this.options.channels.group.probability;
    if (g <= 0) return;
    const { offsets, neighbors, state, receptivity } = this;
    for (let i = offsets[a]!, end = offsets[a + 1]!; i < end; i++) {
      const u = neighbors[i]!;
      const r = receptivity[state[u]!]!;
      if (r <= 0 || this.removed[u]) continue;
      const cu = this.communityOf[u]!;
      const p = g * r * this.susceptibility[cu]! * this.factors.peer[cu]!;
      if (this.rngGroup() < p) this.mobilize(u, Channel.Group, a, day, leaves);
    }
    this.tieVisits += offsets[a + 1]! - offsets[a]!;
  }

  private planningDelay(): number {
    const { minPlanningDays, meanPlanningDays } = this.options.channels.travel;
    const extra = meanPlanningDays - minPlanningDays;
    const wait = extra > 0 ? minPlanningDays + waitDays(this.rngPlanning, this.planningLogSurvival) - 1 : minPlanningDays;
    return Math.max(1, wait);
  }

  private attemptTravel(a: number, day: number): void {
    const c = this.communityOf[a]!;
    const success = this.routeSuccess[c]! * this.factors.passage[c]! * this.factors.departure[c]!;
    const to = this.rngTravel() < success ? State.Abroad : State.Intercepted;
    this.setState(a, c, to);
    this.shiftInfluence(a, State.Mobilized, to, day);
    if (to === State.Abroad) this.scheduleExit(a, day);
  }

  private scheduleExit(a: number, day: number): void {
    if (this.exitHazard > 0) this.calendar.schedule(a, day + waitDays(this.rngAbroad, this.exitLogSurvival));
  }

  private leaveConflictZone(a: number, day: number): void {
    const c = this.communityOf[a]!;
    const to = this.rngAbroad() < this.returnShare ? State.Returned : State.Dead;
    this.setState(a, c, to);
    this.shiftInfluence(a, State.Abroad, to, day);
    if (to === State.Returned && this.factors.prosecute[c]) this.remove(a, day);
  }

  private dueEvents(day: number): void {
    const due = this.calendar.due;
    const agents = this.calendar.take(day);
    for (let i = 0; i < agents.length; i++) {
      const a = agents[i]!;
      if (due[a] !== day) continue; // superseded by a later draw
      due[a] = -1;
      const s = this.state[a]!;
      if (s === State.Susceptible || s === State.Sympathizer) this.mobilize(a, Channel.Peer, this.recruiterOf(a), day, -1);
      else if (s === State.Mobilized) this.attemptTravel(a, day);
      else if (s === State.Abroad) this.leaveConflictZone(a, day);
    }
  }

  private setState(a: number, c: number, to: State): void {
    const states = this.tally.states;
    states[c * STATE_COUNT + this.state[a]!]!--;
    states[c * STATE_COUNT + to]!++;
    this.state[a] = to;
    this.events++;
  }
}
