/**
 * Largest-remainder apportionment: whole numbers that add up to a given total and
 * stay within one of their exact shares. The initial stock is rounded this way down
 * the place tree (world → regions → countries → cells), so that rounding never adds
 * or loses people on the way down.
 */

/**
 * Whole numbers, one per exact share, that sum to `total`: the floor of each share,
 * then +1 to the shares with the largest fractional parts (ties: the earlier share).
 * When `total` lies between the sum of the floors and that sum plus the number of
 * shares, as it does for a rounded parent total, each result is within 1 of its share.
 * A total outside that range (floating-point noise in a caller's sums) is still met:
 * below it, the smallest fractional parts give one back first; above it, the +1s go round again.
 */
export function apportion(exact: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`world/apportion: total must be a whole number ≥ 0, got ${total}`);
  for (const x of exact) {
    if (!Number.isFinite(x) || x < 0) throw new RangeError(`world/apportion: exact shares must be finite and ≥ 0, got ${x}`);
  }
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((s, x) => s + x, 0);
  if (left === 0) return whole;
  if (exact.length === 0) throw new RangeError(`world/apportion: no shares to apportion a total of ${total} to`);
  // Largest fractional part first; a stable sort keeps the earlier share first among equals.
  const order = exact.map((_, i) => i).sort((a, b) => (exact[b]! - whole[b]!) - (exact[a]! - whole[a]!));
  for (let k = 0; left > 0; k++, left--) whole[order[k % order.length]!]!++;
  for (let k = order.length - 1; left < 0; k--) {
    const i = order[((k % order.length) + order.length) % order.length]!;
    if (whole[i]! > 0) {
      whole[i]!--;
      left++;
    }
  }
  return whole;
}
