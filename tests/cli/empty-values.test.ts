/** Options given no value or an empty one are refused with one line (exit 2), never read as 0 or ignored. */
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

async function hotbed(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(args), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('empty and missing option values', () => {
  it.each([
    [['run', 'scenarios/single-town.yaml', '--seed', ''], '--seed: wrong value (expected a value, found "")'],
    [['run', 'scenarios/single-town.yaml', '--seed='], '--seed: wrong value (expected a value, found "")'],
    [['run', 'scenarios/single-town.yaml', '--out', ''], '--out: wrong value (expected a value, found "")'],
    [['run', 'scenarios/single-town.yaml', '--seed', '--replicates', '2'], '--seed needs a value'],
    [['run', 'scenarios/single-town.yaml', '--replicates'], '--replicates needs a value'],
    [['check', 'scenarios/calibration.yaml', '--seed'], '--seed needs a value'],
  ])('%j', async (args, message) => {
    const r = await hotbed(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`hotbed: command line: ${message}${message.includes('needs') ? '; run "hotbed --help" for usage' : ''}\n`);
  });
});
