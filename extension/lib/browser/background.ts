import { browser } from 'wxt/browser';
import { db } from '../storage/db';
import { deleteMeta } from '../storage/meta';
import { createBackgroundSyncRunner, isSyncAlarm, type SyncResult } from '../sync/runner';
import { flashSaved, refreshAllBadges, refreshBadge, refreshBadgeOfTab } from './badge';
import { buildLinkMenus, handleLinkMenuClick, openPopupWindow, refreshLinkMenus } from './menus';
import { listenForMessages, type SyncSummary } from './messages';

/**
 * Wires the background: the sync engine and its triggers (messages, alarms, startup, install,
 * coming back online), the already-reported badge, and the link menu. Listeners are registered
 * synchronously, as a service worker that was stopped must find them when an event wakes it.
 */
export function startBackground(): void {
  const runner = createBackgroundSyncRunner(afterSync);
  const sync = async (): Promise<SyncSummary> => summary(await runner.syncNow());

  listenForMessages({
    'sync-now': sync,
    'report-saved': async () => {
      void refreshAllBadges();
      void refreshLinkMenus();
      return summary(await runner.syncNow({ unlessWaiting: true }));
    },
    'consent-given': async () => {
      await deleteMeta(db, 'consentRequired');
      return sync();
    },
    'signed-in': sync,
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (isSyncAlarm(alarm.name)) void runner.syncNow();
  });
  browser.runtime.onInstalled.addListener(() => {
    void buildLinkMenus();
    void runner.syncNow();
  });
  browser.runtime.onStartup.addListener(() => {
    void buildLinkMenus();
    void runner.syncNow();
  });
  globalThis.addEventListener('online', () => void runner.syncNow());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleLinkMenuClick(info, tab, {
      db,
      openForm: openPopupWindow,
      afterReport: async (_report, tabId) => {
        if (tabId !== undefined) await flashSaved(tabId);
        void refreshLinkMenus();
        void runner.syncNow({ unlessWaiting: true });
      },
    });
  });

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete') void refreshBadge(tabId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void refreshBadgeOfTab(tabId));

  void runner.ensureSchedule();
}

async function afterSync(result: SyncResult): Promise<void> {
  if (result.outcome === 'no_session') return;
  await refreshAllBadges();
  await refreshLinkMenus();
}

function summary(result: SyncResult): SyncSummary {
  return {
    outcome: result.outcome,
    pushed: result.pushed,
    ...(result.nextAttemptAt !== undefined ? { nextAttemptAt: result.nextAttemptAt } : {}),
  };
}
