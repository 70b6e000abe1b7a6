/**
 * The drawn people's states day by day, replayed from a run's record of changes: forward
 * one change at a time (a step or a frame), or from day 0 again (reset). The run itself
 * is over by then; replaying draws no random number.
 */
import type { NetworkPicture } from './session.js';

export class Timeline {
  readonly state: Uint8Array;
  private next = 0;
  day = 0;

  constructor(private readonly picture: Pick<NetworkPicture, 'initialState' | 'changes'>, readonly lastDay: number) {
    this.state = Uint8Array.from(picture.initialState);
    this.advanceTo(0);
  }

  /** Applies every change up to the end of `day` (never goes back); returns the people whose state changed. */
  advanceTo(day: number): number[] {
    const changed: number[] = [];
    const { changes } = this.picture;
    while (this.next < changes.length && changes[this.next]![2] <= day) {
      const [agent, to] = changes[this.next]!;
      this.state[agent] = to;
      changed.push(agent);
      this.next++;
    }
    this.day = Math.max(this.day, Math.min(day, this.lastDay));
    return changed;
  }

  reset(): void {
    this.state.set(this.picture.initialState);
    this.next = 0;
    this.day = 0;
    this.advanceTo(0);
  }

  get finished(): boolean {
    return this.day >= this.lastDay;
  }
}
