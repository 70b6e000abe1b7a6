/** Calendar days as integers counted from the run's start date (day 0), in UTC. */
const MS_PER_DAY = 86_400_000;

const toUtc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / MS_PER_DAY);
}

export function addDays(iso: string, days: number): string {
  return new Date(toUtc(iso) + days * MS_PER_DAY).toISOString().slice(0, 10);
}
