/**
 * The event calendar: for each day, the agents that have something due
 * (a peer-influence success, a travel attempt, a return or a death). Each agent
 * has at most one live entry: `due[agent]` says which day it is for, and older
 * entries left in earlier buckets are skipped when their day comes. Rescheduling
 * is O(1) and a day costs only its own entries.
 */
export class Calendar {
  readonly due: Int32Array;
  private readonly buckets: number[][];

  constructor(agents: number, readonly lastDay: number) {
    this.due = new Int32Array(agents).fill(-1);
    this.buckets = Array.from({ length: lastDay + 1 }, () => []);
  }

  /** Schedules `agent` on `day`, replacing what it had; a day past the run cancels. */
  schedule(agent: number, day: number): void {
    if (day > this.lastDay) {
      this.due[agent] = -1;
      return;
    }
    this.due[agent] = day;
    this.buckets[day]!.push(agent);
  }

  cancel(agent: number): void {
    this.due[agent] = -1;
  }

  /** Takes the day's entries; the caller checks `due[agent] === day` and clears it. */
  take(day: number): number[] {
    const bucket = this.buckets[day]!;
    this.buckets[day] = [];
    return bucket;
  }

  /** Whether any agent has a live entry after `day`. */
  pendingAfter(day: number): boolean {
    for (let d = day + 1; d <= this.lastDay; d++) {
      for (const a of this.buckets[d]!) if (this.due[a] === d) return true;
    }
    return false;
  }
}
