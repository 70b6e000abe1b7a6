import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup/fast-check.ts'],
    testTimeout: 60_000,
    // A third worker on two cores: many test files spend their time waiting for child
    // processes (the command, Chromium, Slurm, npm), and it fills the idle core time. The whole
    // suite went from 610 s to 375 s here; the slowest test (100 seeds of the baseline) from 37
    // to 93 s, within its own timeout.
    maxWorkers: 3,
    hookTimeout: 60_000,
  },
});
