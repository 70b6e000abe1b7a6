/**
 * Number formatting for captions, labels and tables: locale-free and deterministic
 * (no Intl), so the same inputs give the same bytes on every machine.
 */

/** 12880.4 → "12,880"; -3.5 → "-4" (rounded half away from zero); NaN → "–". */
export function people(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${digits}` : digits;
}

/** "27,000–31,000"; "-150 to 600" when a bound is negative (a dash would read as a minus). */
export function range(low: number, high: number): string {
  const a = people(low);
  const b = people(high);
  return a.startsWith('-') || b.startsWith('-') ? `${a} to ${b}` : `${a}–${b}`;
}

/** 0.4231 → "42%". */
export function percent(share: number): string {
  if (!Number.isFinite(share)) return '–';
  return `${Math.round(share * 100)}%`;
}

/** "1 agent = 10 people" style scale text. */
export function scaleText(scale: number): string {
  return scale === 1 ? 'one agent per person' : `one agent stands for ${people(scale)} people`;
}
