import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * How every test and benchmark runs Chromium: headless, quiet (no background traffic, updates or
 * sync), and with every host name unresolvable except 127.0.0.1, where the tests serve.
 */
export const HEADLESS_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium binary browser tests drive: $CHROMIUM_PATH, else Debian's chromium. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Finds Chromium, installing Debian's package when this process may (root with apt-get); otherwise
 * fails with what to do. Browser tests are never skipped silently.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    process.stdout.write("Chromium is missing: installing Debian's chromium package…\n");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    [
      'Browser tests need Chromium and none was found.',
      'Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or point CHROMIUM_PATH at a',
      'Chromium or Chrome binary, then run `npm test` again.',
    ].join('\n'),
  );
}
