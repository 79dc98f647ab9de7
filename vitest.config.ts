import {defineConfig} from "vitest/config";

// Two projects: "unit" (pure lib, loaders and components in jsdom; no browser) and "e2e" (the built
// dist/ in Debian's Chromium). The e2e project expects `npm run build` to have run first.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/lib/**/*.test.ts", "tests/data/**/*.test.ts", "tests/components/**/*.test.ts", "tests/scripts/**/*.test.ts"],
          setupFiles: ["tests/components/canvas-stub.ts"],
          testTimeout: 120_000
        }
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
});
