import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { CANARY_FAL_KEY } from "./e2e/fixtures/canary";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

/** Debian's Chromium where it is installed (CI, these machines); Playwright's own browser elsewhere. */
function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return existsSync(candidate) ? candidate : undefined;
}

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "integration", testMatch: /.*\.integration\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: {
    command: `npm run build && npm run start -- -p ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      FAL_MODE: "simulator",
      // Simulator mode is forced; the canary key is in the build's environment so tests can prove it never leaks.
      FAL_KEY: CANARY_FAL_KEY,
      RATE_LIMIT_SUBMITS_PER_MINUTE: "100000",
      RATE_LIMIT_UPLOADS_PER_MINUTE: "100000",
      SIMULATOR_STEP_MS: "20",
      PLAYGROUND_TEST_HOOKS: "1",
      // Webhooks and images on loopback stand-ins.
      ALLOW_PRIVATE_URLS: "1",
      // The LoRA cards ask here instead of the Hugging Face Hub and Civitai. Nothing listens, so their cards say
      // the host could not be reached; e2e/lora-card.spec.ts serves them from stand-ins of its own.
      HF_ORIGIN: `http://127.0.0.1:${PORT + 9}/hf`,
      CIVITAI_ORIGIN: `http://127.0.0.1:${PORT + 9}/civitai`,
    },
  },
});
