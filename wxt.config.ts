import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

const ZOD_EVAL_PROBE = 'const F = Function;\n        new F("");\n        return true;';

/**
 * zod probes once whether `new Function` works. Under `jitless` (extension/lib/zod.ts) that probe
 * never runs, but it stays in the bundle, where `web-ext lint` reports it as DANGEROUS_EVAL and a
 * store reviewer would ask about it; this drops it. A zod whose probe reads differently fails the
 * build, so the probe cannot come back unseen.
 */
function dropZodEvalProbe(): Plugin {
  return {
    name: 'webtagger:drop-zod-eval-probe',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/.test(id)) return;
      if (!code.includes(ZOD_EVAL_PROBE)) {
        this.error('zod changed its eval probe: update dropZodEvalProbe in wxt.config.ts');
      }
      return code.replace(ZOD_EVAL_PROBE, 'return false;');
    },
  };
}

/**
 * Host permissions of a test build only (`WEBTAGGER_TEST_HOSTS`, comma-separated patterns): a page
 * a browser test opens gets no `activeTab` grant, which the analyst's click on the toolbar button
 * gives. Such a build goes to `.output/test/` so it is never mistaken for the shipped one.
 */
const TEST_HOSTS = (process.env.WEBTAGGER_TEST_HOSTS ?? '')
  .split(',')
  .map((host) => host.trim())
  .filter(Boolean);

export default defineConfig({
  srcDir: 'extension',
  ...(TEST_HOSTS.length > 0 && { outDir: '.output/test' }),
  // WXT looks for public/ at the root by default; ours sits beside the sources.
  publicDir: 'extension/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), dropZodEvalProbe()],
    // Every browser the extension supports preloads modules itself: no polyfill in each page.
    build: { modulePreload: { polyfill: false } },
    // zod without its JIT in the extension: see extension/lib/zod.ts.
    resolve: { alias: [{ find: /^zod$/, replacement: resolve('extension/lib/zod.ts') }] },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    permissions: [
      'storage',
      'alarms',
      'tabs',
      'contextMenus',
      'activeTab',
      'scripting',
      // The optional announcement of reviewers' decisions (options page).
      'notifications',
      // The MHTML copy of a page (Chrome only; Firefox copies the page's DOM instead).
      ...(browser === 'firefox' ? [] : ['pageCapture']),
      // MV2 (Firefox) lists hosts among the permissions.
      ...(manifestVersion === 2 ? TEST_HOSTS : []),
    ],
    ...(manifestVersion === 3 && TEST_HOSTS.length > 0 && { host_permissions: TEST_HOSTS }),
    commands: {
      // Opens the popup; Firefox's MV2 build names the same command after browser_action.
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        // Firefox opens its downloads on Ctrl+Shift+Y.
        suggested_key:
          browser === 'firefox'
            ? { default: 'Alt+Shift+Y' }
            : { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' },
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: '{fd70802d-f833-4095-ab70-41e5afa4b573}',
          // What reaches the analyst's own server: the sign-in, and the tagged pages' URL, title,
          // screenshot and copy.
          data_collection_permissions: {
            required: ['authenticationInfo', 'browsingActivity', 'websiteContent'],
          },
        },
      },
    }),
  }),
});
