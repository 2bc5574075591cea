import { defineConfig } from 'vitest/config';

// One runner for every TypeScript test in the monorepo; tests sit next to the code.
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'services/*/src/**/*.test.ts',
      'circuits/src/**/*.test.ts',
      'contracts/scripts/**/*.test.ts',
      'scripts/**/*.test.ts',
      'e2e/**/*.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
