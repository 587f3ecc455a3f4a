import { browser } from 'wxt/browser';
import { captureReportEvidence } from '../capture/capture-report';
import { chooseUiLocale } from '../i18n/i18n';
import type { StorageEstimator } from '../storage/evidence-files';
import { deleteMeta } from '../storage/meta';
import {
  type BackgroundSyncDeps,
  createBackgroundSyncRunner,
  isSyncAlarm,
  SYNC_PERIOD_KEY,
  type SyncResult,
} from '../sync/runner';
import { countUnseen } from '../sync/status-pull';
import { flashSaved, refreshAllBadges, refreshBadge, refreshBadgeOfTab } from './badge';
import {
  buildLinkMenus,
  handleLinkMenuClick,
  type LinkMenuDeps,
  openPopupWindow,
  refreshLinkMenus,
} from './menus';
import { listenForMessages, type SyncSummary } from './messages';
import { announceOutcomes, OUTCOME_NOTICE_ID } from './outcome-notice';
import { getSettings, onSettingsChanged } from './settings';
import { openVolumePage } from './volume-page';

/**
 * What the background's entrypoint passes: the database, the network, the clock, chance, and how
 * full the browser's storage is.
 */
export type BackgroundDeps = BackgroundSyncDeps & { estimateStorage: StorageEstimator };

/**
 * Wires the background: the sync engine and its triggers (messages, alarms, startup, install,
 * coming back online), the already-reported badge, and the link menu. Listeners are registered
 * synchronously, as a service worker that was stopped must find them when an event wakes it.
 */
export function startBackground(deps: BackgroundDeps): void {
  const { db } = deps;
  // The menus, badge titles and notifications speak the language chosen on the options page.
  const applyLocale = async () =>
    chooseUiLocale((await getSettings()).locale, deps.fetch).catch(() => undefined);
  const localeReady = applyLocale();
  const afterSync = async (result: SyncResult): Promise<void> => {
    if (result.outcome === 'no_session') return;
    await localeReady;
    await refreshAllBadges(db);
    await refreshLinkMenus(db);
    await announceOutcomes(result.newlyUnseen, await countUnseen(db)).catch(() => false);
  };
  const runner = createBackgroundSyncRunner(deps, afterSync);
  const sync = async (): Promise<SyncSummary> => summary(await runner.syncNow());
  // One capture at a time: Chrome photographs only the tab in front, at most twice a second.
  let capturing: Promise<unknown> = Promise.resolve();
  const captureDeps = { db, now: deps.now, estimate: deps.estimateStorage };
  const rebuildMenus = () => void localeReady.then(() => buildLinkMenus(db));

  listenForMessages({
    'sync-now': sync,
    'report-saved': async () => {
      void refreshAllBadges(db);
      void refreshLinkMenus(db);
      return summary(await runner.syncNow({ unlessWaiting: true }));
    },
    'consent-given': async () => {
      await deleteMeta(db, 'consentRequired');
      return sync();
    },
    'signed-in': sync,
    'capture-evidence': async (request) => {
      const run = capturing.then(() =>
        captureReportEvidence(captureDeps, {
          reportId: request.reportId,
          tabId: request.tabId,
          ...(request.windowId !== undefined ? { windowId: request.windowId } : {}),
        }),
      );
      capturing = run.catch(() => undefined);
      const outcome = await run;
      void refreshAllBadges(db);
      return {
        ...summary(await runner.syncNow()),
        files: outcome.files.length,
        ...(outcome.problem ? { problem: outcome.problem } : {}),
      };
    },
    'pull-now': async () => summary(await runner.pullNow()),
    'outcomes-seen': async () => {
      await refreshAllBadges(db);
      await browser.notifications?.clear(OUTCOME_NOTICE_ID).catch(() => false);
      return {};
    },
  });
  onSettingsChanged(() => {
    void applyLocale().then(async () => {
      await buildLinkMenus(db);
      await refreshAllBadges(db);
    });
  });
  browser.notifications?.onClicked.addListener((id) => {
    if (id === OUTCOME_NOTICE_ID) void openPopupWindow('/popup.html?view=pending');
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (isSyncAlarm(alarm.name)) void runner.syncNow();
  });
  browser.runtime.onInstalled.addListener(() => {
    rebuildMenus();
    void runner.syncNow();
  });
  browser.runtime.onStartup.addListener(() => {
    rebuildMenus();
    void runner.syncNow();
  });
  // Browser tests and deployments shorten the periodic pull (runner.ts, SYNC_PERIOD_KEY).
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SYNC_PERIOD_KEY in changes) void runner.ensureSchedule();
  });
  globalThis.addEventListener('online', () => void runner.syncNow());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const linkMenu: LinkMenuDeps = {
      db,
      now: Date.now,
      openForm: openPopupWindow,
      openVolume: openVolumePage,
      afterReport: async (_report, tabId) => {
        if (tabId !== undefined) await flashSaved(db, tabId);
        void refreshLinkMenus(db);
        void runner.syncNow({ unlessWaiting: true });
      },
    };
    void handleLinkMenuClick(linkMenu, info, tab);
  });

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete') {
      void refreshBadge(db, tabId, tab.url);
    }
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void refreshBadgeOfTab(db, tabId));

  void runner.ensureSchedule();
}

function summary(result: SyncResult): SyncSummary {
  return {
    outcome: result.outcome,
    pushed: result.pushed,
    ...(result.nextAttemptAt !== undefined ? { nextAttemptAt: result.nextAttemptAt } : {}),
  };
}
