import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup/fast-check.ts'],
    // A third worker on two cores: many test files spend their time waiting for child
    // processes (the command, Chromium, Slurm, npm), and it fills the idle core time. The whole
    // suite went from 610 s to 375–460 s here. A test that computes while two others do takes
    // up to five times as long as alone (the charts' hostile-name property: 11 s alone, over 60 s
    // once), hence timeouts of 3 minutes: they catch a hang, never measure speed (the benchmark does).
    maxWorkers: 3,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
