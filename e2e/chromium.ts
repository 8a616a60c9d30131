/**
 * Launches Debian's headless Chromium through playwright-core (no browser download: the binary
 * comes from `apt-get install -y chromium`, which `.ci/run` does).
 *
 * `SEGMINT_CHROMIUM` overrides the executable path.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = process.env.SEGMINT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a quiet, offline, sandbox-free headless Chromium (WebGL through SwiftShader). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** True when the Chromium binary exists. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Starts headless Chromium; the caller closes it. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
