/**
 * Per-community pools of agents in one state (susceptibles, sympathizers), so
 * that media exposure can pick its day's converts without scanning the
 * population. Community c's pool lives in the slice of `items` that starts at
 * its first agent; removal swaps with the last item, O(1).
 *
 * A run that never picks from the pools (no media, no action that draws from
 * them) builds them untracked: adding and removing do nothing and cost no memory.
 */
export class Pools {
  readonly items: Int32Array;
  readonly size: Int32Array;
  /** Index in `items` + 1; 0 = not in the pool, so that a fresh array needs no fill (no page written until used). */
  private readonly position: Int32Array;

  constructor(agents: number, private readonly start: Int32Array, readonly tracked = true) {
    this.items = new Int32Array(tracked ? agents : 0);
    this.position = new Int32Array(tracked ? agents : 0);
    this.size = new Int32Array(start.length);
  }

  add(community: number, agent: number): void {
    if (!this.tracked) return;
    const at = this.start[community]! + this.size[community]!++;
    this.items[at] = agent;
    this.position[agent] = at + 1;
  }

  remove(community: number, agent: number): void {
    if (!this.tracked) return;
    const at = this.position[agent]! - 1;
    if (at < 0) return;
    const lastAt = this.start[community]! + --this.size[community]!;
    const last = this.items[lastAt]!;
    this.items[at] = last;
    this.position[last] = at + 1;
    this.position[agent] = 0;
  }

  /** The i-th member of a community's pool. */
  member(community: number, i: number): number {
    return this.items[this.start[community]! + i]!;
  }
}
