import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: 'extension',
  // WXT looks for public/ at the root by default; ours sits beside the sources.
  publicDir: 'extension/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    permissions: ['storage', 'alarms', 'tabs', 'contextMenus', 'activeTab', 'scripting'],
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
          // What reaches the analyst's own server: the sign-in, and the tagged pages' URL, title
          // and screenshot.
          data_collection_permissions: {
            required: ['authenticationInfo', 'browsingActivity', 'websiteContent'],
          },
        },
      },
    }),
  }),
});
