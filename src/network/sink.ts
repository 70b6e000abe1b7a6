/**
 * Generators emit ties into a sink rather than building a graph themselves, so
 * that the same generator, stream and seed give the same network whether it is
 * collected as a graphology graph (statistics, export, small towns) or straight
 * into CSR typed arrays (the engine's daily loop).
 *
 * Node ids are global integers; a generator for a community of n agents whose
 * first agent is `offset` emits ties between offset .. offset + n - 1.
 * Sinks drop self-loops and duplicate ties, so generators need not.
 */
export interface TieSink {
  /**
   * `kind` is what the tie is, where the generator knows it (the town: household, friend,
   * acquaintance, bridge); a sink that keeps no kinds ignores it. A tie emitted twice keeps the
   * kind it arrived with first.
   */
  addTie(a: number, b: number, kind?: TieKind): void;
}

/** The kinds of tie the town generator draws, closest first (the order it draws them in). */
export const tieKinds = ['household', 'friend', 'acquaintance', 'bridge'] as const;
export type TieKind = typeof tieKinds[number];
