import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: 'extension',
  // WXT looks for public/ at the root by default; ours sits beside the sources.
  publicDir: 'extension/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    permissions: ['storage', 'alarms', 'tabs', 'contextMenus', 'activeTab', 'scripting'],
    commands: {
      // Opens the popup; Firefox's MV2 build names the same command after browser_action.
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' },
      },
    },
  }),
});
