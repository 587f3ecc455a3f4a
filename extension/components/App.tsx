import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Session } from '@/lib/browser/session';
import { openVolumePage } from '@/lib/browser/volume-page';
import type { TargetPage } from '@/lib/capture/page-capture';
import { pruneDrafts } from '@/lib/form/draft';
import { afterFormReady, FORM_WAIT_MS } from '@/lib/form/ready';
import { t } from '@/lib/i18n/i18n';
import type { LocalReport, WebTaggerDb } from '@/lib/storage/db';
import type { PageDeps, PopupDeps } from './deps';
import { type Gate, gateAfterSync, resolveGate } from './gate';
import { lazy } from './Lazy';
import { isWebPage, type PopupStart } from './popup-start';
import { ReportForm, type SavedReport } from './ReportForm';

// Only the form is in the first paint; the rest loads when it is shown.
const SignIn = lazy(() => import('./SignIn').then((m) => m.SignIn));
const ConsentScreen = lazy(() => import('./ConsentScreen').then((m) => m.ConsentScreen));
const PendingView = lazy(() => import('./pending/PendingView').then((m) => m.PendingView));
const AccountPanel = lazy(() => import('./AccountPanel').then((m) => m.AccountPanel));
const AlreadyReported = lazy(() => import('./AlreadyReported').then((m) => m.AlreadyReported));
// Shown after Save: loaded once the form is painted, so that Save shows it without a wait.
const SavedConfirmation = lazy(() =>
  import('./SavedConfirmation').then((m) => m.SavedConfirmation),
);

type Tab = 'tag' | 'pending' | 'account';

/**
 * The popup: sign in, accept the current policy, then tag the page in one click; the review list
 * of reports not yet accepted; the account.
 */
export function App({
  deps,
  search,
  start,
}: {
  deps: PopupDeps;
  search: string;
  /** The reads the entry started before rendering (popup-start.ts). */
  start: PopupStart;
}) {
  const { db } = deps;
  const [gate, setGate] = useState<Gate>({ name: 'loading' });
  const [tab, setTab] = useState<Tab>(
    new URLSearchParams(search).get('view') === 'pending' ? 'pending' : 'tag',
  );
  const [page, setPage] = useState<TargetPage | null>();
  const [editing, setEditing] = useState<LocalReport>();
  const [saved, setSaved] = useState<SavedReport>();
  const [formKey, setFormKey] = useState(0);
  // The analyst's own report of this page, shown instead of a new form (null: none).
  const [own, setOwn] = useState<LocalReport | null>();
  // "Not now" on the policy: the form works, reports wait in the outbox (a reminder says so).
  const [consentLater, setConsentLater] = useState(false);
  const notAccepted = useNotAcceptedCount(deps, gate.name === 'main');
  useOnlineAgain(deps, gate, setGate);

  // Set once the server has answered (or could not): browser tests wait for it.
  const [checked, setChecked] = useState(false);
  /** Decides the gate: from the local gate read at the start, or read afresh (a sign-in, consent). */
  const decide = async (local?: Promise<Gate>) => {
    setChecked(false);
    // The server's answer (and the code that asks) waits for the form's first paint (targets.md P4).
    await resolveGate(setGate, deps, () => afterFormReady(FORM_WAIT_MS), local);
    setChecked(true);
    // The reviewers' decisions come back when the popup opens, not only after a push.
    void deps.send('pull-now');
  };

  // A layout effect runs right after the first render, not after a frame: the reads start at once.
  useLayoutEffect(() => {
    void decide(start.gate);
    setTimeout(() => void db.dexie().then((dexie) => pruneDrafts(dexie, deps.now())), 2000);
    void afterFormReady(FORM_WAIT_MS).then(() =>
      SavedConfirmation.preload().catch(() => undefined),
    );
    void start.page.then((p) => {
      setPage(p);
      if (!isWebPage(p)) return setOwn(null);
      // The look-up loads Dexie and the URL key's code: after the form's first paint, not with it.
      void afterFormReady(FORM_WAIT_MS)
        .then(() => findOwnReport(deps, p.url))
        .then(setOwn);
    });
  }, []);

  switch (gate.name) {
    case 'loading':
      return <main aria-busy="true" />;
    case 'sign-in':
      return (
        <main class="app" data-checked={checked}>
          <SignIn deps={deps} onSignedIn={() => decide()} previous={gate.previous} />
        </main>
      );
    case 'consent':
      if (consentLater) break;
      return (
        <main class="app" data-checked={checked}>
          <ConsentScreen
            deps={deps}
            session={gate.session}
            onAccepted={() => decide()}
            onLater={() => setConsentLater(true)}
          />
        </main>
      );
  }
  const session: Session = gate.session;
  const offline = gate.name === 'main' && !!gate.offline;

  const openTab = (next: Tab) => {
    setTab(next);
    setSaved(undefined);
    if (next !== 'tag') setEditing(undefined);
  };
  const onEdit = (report: LocalReport) => {
    setEditing(report);
    setSaved(undefined);
    setFormKey((k) => k + 1);
    setTab('tag');
  };

  let content: ComponentChildren;
  if (tab === 'pending') content = <PendingView deps={deps} onEdit={onEdit} />;
  else if (tab === 'account') {
    content = (
      <AccountPanel
        deps={deps}
        session={session}
        onSignedOut={() => {
          setTab('tag');
          setGate({ name: 'sign-in' });
        }}
        onOpenSettings={() => void browser.runtime.openOptionsPage()}
      />
    );
  } else if (saved) {
    content = <SavedConfirmation deps={deps} saved={saved} onReview={() => openTab('pending')} />;
  } else if (editing) {
    content = (
      <ReportForm
        key={`edit-${editing.id}-${formKey}`}
        deps={deps}
        subject={{ kind: 'edit', report: editing }}
        offline={offline}
        onSaved={(s) => {
          setEditing(undefined);
          if (own?.id === s.report.id) setOwn(s.report);
          setSaved(s);
        }}
        onCancel={() => openTab('pending')}
      />
    );
  } else if (page === undefined) content = <div aria-busy="true" />;
  else if (!isWebPage(page)) {
    content = <p class="notice">{t('noTaggablePage')}</p>;
  } else if (own) {
    content = (
      <AlreadyReported
        report={own}
        page={page}
        deps={deps}
        onEdit={onEdit}
        onOpenList={() => openTab('pending')}
        onGone={() => setOwn(null)}
      />
    );
  } else {
    content = (
      <ReportForm
        key={`page-${formKey}`}
        deps={deps}
        subject={{ kind: 'page', page }}
        offline={offline}
        onSaved={(s) => {
          setOwn(s.report);
          setSaved(s);
        }}
      />
    );
  }

  return (
    <main class="app" data-checked={checked}>
      <nav class="tabs" aria-label={t('extName')}>
        <TabButton tab="tag" current={tab} onSelect={openTab} label={t('tabTag')} />
        <TabButton
          tab="pending"
          current={tab}
          onSelect={openTab}
          label={notAccepted ? t('tabPendingCount', String(notAccepted)) : t('tabPending')}
        />
        <TabButton tab="account" current={tab} onSelect={openTab} label={t('tabAccount')} />
        <button
          type="button"
          class="tab volume-open"
          title={t('volumeOpenTitle')}
          data-testid="open-volume"
          onClick={() =>
            void openVolumePage({ mode: 'tabs', tabId: page?.tabId, windowId: page?.windowId })
          }
        >
          {t('volumeOpen')}
        </button>
      </nav>
      {offline && (
        <p class="notice" data-testid="offline">
          {t('offlineBanner')}
        </p>
      )}
      {gate.name === 'consent' && (
        <p class="notice" data-testid="consent-reminder">
          {t('consentReminder')}{' '}
          <button type="button" class="link" onClick={() => setConsentLater(false)}>
            {t('consentReview')}
          </button>
        </p>
      )}
      {content}
    </main>
  );
}

/** The analyst's own report of a page, looked up once the form is painted (Dexie loads). */
async function findOwnReport(deps: PageDeps, url: string): Promise<LocalReport | null> {
  try {
    const { ownReportOf } = await import('./own-report');
    const dexie = await deps.db.dexie();
    return (await ownReportOf(dexie, url)) ?? null;
  } catch {
    return null;
  }
}

/**
 * Clears the popup's "offline" as soon as a sync run reaches the server (the background's retry,
 * the periodic pull, the pull the popup asked for): it no longer waits for the popup to reopen.
 */
function useOnlineAgain(deps: PageDeps, gate: Gate, setGate: (next: (g: Gate) => Gate) => void) {
  const offline = gate.name === 'main' && !!gate.offline;
  useEffect(() => {
    if (!offline) return;
    const since = deps.now();
    return watchOncePainted(deps, (watchers, dexie) =>
      watchers.watchSyncRuns(dexie, (last) =>
        setGate((current) => gateAfterSync(current, last, since)),
      ),
    );
  }, [offline]);
}

/**
 * How many reports are not yet accepted, kept current (the number on the review tab). Counted
 * once the form is painted: the count, and Dexie that keeps it current, are not needed before.
 */
function useNotAcceptedCount(deps: PageDeps, enabled: boolean): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    if (!enabled) return;
    return watchOncePainted(deps, (watchers, dexie) => watchers.watchNotAccepted(dexie, setCount));
  }, [enabled]);
  return count;
}

type Watchers = typeof import('./pending/watch-not-accepted');

/**
 * Starts a watch of the database once the form is painted (the watchers and Dexie are not needed
 * before); returns the effect's cleanup, which also stops a watch that starts after it.
 */
function watchOncePainted(
  deps: PageDeps,
  watch: (watchers: Watchers, dexie: WebTaggerDb) => () => void,
): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  afterFormReady(FORM_WAIT_MS)
    .then(() => Promise.all([import('./pending/watch-not-accepted'), deps.db.dexie()]))
    .then(([watchers, dexie]) => {
      const unwatch = watch(watchers, dexie);
      if (stopped) unwatch();
      else stop = unwatch;
    })
    .catch(() => undefined);
  return () => {
    stopped = true;
    stop?.();
  };
}

type TabButtonProps = { tab: Tab; current: Tab; label: string; onSelect: (tab: Tab) => void };

function TabButton({ tab, current, label, onSelect }: TabButtonProps) {
  return (
    <button
      type="button"
      class="tab"
      aria-current={tab === current ? 'page' : undefined}
      data-testid={`tab-${tab}`}
      onClick={() => onSelect(tab)}
    >
      {label}
    </button>
  );
}
