// Code passed to the extension's service worker through `worker.evaluate` runs where `chrome` is
// the extension API.
declare const chrome: typeof import('@wxt-dev/browser').browser & {
  contextMenus: { onClicked: { dispatch(...args: unknown[]): void } };
};
