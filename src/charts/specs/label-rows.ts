/**
 * Rows and sides for labels above vertical rules (the flow chart's interventions,
 * the numbered events of the time charts), so that labels never overlap.
 */

interface Placed {
  x: number;
  span: [number, number];
  row: number;
  align: 'left' | 'right';
}

/**
 * Rows and sides for labels above rules at x (pixels). A rule runs from the plot up to
 * its label's row, so two labels in one row must not overlap and no rule may cross a
 * label in a lower row. Finds the fewest rows, at most `maxRows`, by backtracking
 * (left-reading labels preferred); undefined when there is no such placement (or more
 * than 8 labels).
 */
export function placeLabels(items: { x: number; width: number }[], plotWidth: number, maxRows: number): { row: number; align: 'left' | 'right' }[] | undefined {
  const gap = 6;
  const options = items.map(({ x, width }) => {
    const left: Placed = { x, span: [x, x + width], row: 0, align: 'left' };
    const right: Placed = { x, span: [x - width, x], row: 0, align: 'right' };
    const fitsLeft = x + width <= plotWidth + 20;
    const fitsRight = x - width >= -20;
    return fitsLeft && fitsRight ? [left, right] : fitsRight ? [right] : fitsLeft ? [left] : [];
  });
  // A label wider than the plot on either side cannot be placed directly.
  if (options.some((o) => o.length === 0)) return undefined;
  const within = (x: number, [a, b]: [number, number]) => x > a - gap && x < b + gap;
  const clash = (p: Placed, q: Placed) =>
    (p.row === q.row && p.span[0] - gap < q.span[1] && q.span[0] - gap < p.span[1]) ||
    (q.row < p.row && within(p.x, q.span)) ||
    (p.row < q.row && within(q.x, p.span));
  if (items.length <= 8) {
    for (let rows = 1; rows <= Math.min(maxRows, items.length); rows++) {
      const chosen: Placed[] = [];
      const search = (i: number): boolean => {
        if (i === items.length) return true;
        for (let row = 0; row < rows; row++) {
          for (const option of options[i]!) { // i < items.length, and options is one per item
            const p = { ...option, row };
            if (chosen.every((q) => !clash(p, q))) {
              chosen.push(p);
              if (search(i + 1)) return true;
              chosen.pop();
            }
          }
        }
        return false;
      };
      if (search(0)) return chosen.map(({ row, align }) => ({ row, align }));
    }
  }
  return undefined;
}

