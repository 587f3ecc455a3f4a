import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { fakeUiLocale } from '@/lib/i18n/fake';
import { type LocalReport, WebTaggerDb } from '@/lib/storage/db';
import { deleteMeta, setMeta } from '@/lib/storage/meta';
import { aReport } from '@/lib/testing/fixtures';
import { choose, click, mount, textOf, typeInto, waitFor } from '../testing';
import { PAGE_SIZE, PendingView } from './PendingView';

let db: WebTaggerDb;
let n = 0;
let unmount = () => {};
const send = vi.fn(async () => ({ outcome: 'done', pushed: 0 }));
const onEdit = vi.fn<(report: LocalReport) => void>();

let counter = 0;
function report(change: Partial<LocalReport>): LocalReport {
  counter++;
  return {
    ...aReport({
      id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
      url: `https://example.kz/page-${counter}`,
      title: `Page ${counter}`,
      resourceType: 'webpage',
    }),
    state: 'pending',
    updatedAt: 1_000_000 + counter,
    urlKeyHash: `hash-${counter}`,
    ...change,
  };
}

const rejected = report({
  title: '<img src=x onerror="document.title=\'pwned\'">',
  note: 'Продавец, ИИН 880412378771',
  state: 'rejected',
  rejection: {
    code: 'third_party_personal_data',
    message: 'Third-party personal data in note',
    findings: [{ field: 'note', kind: 'iin', start: 14, end: 26 }],
  },
});
const waiting = report({ state: 'pending' });
const sending = report({ state: 'syncing' });
const underReview = report({ state: 'synced', reviewStatus: 'under_review', serverVersion: 3 });
const submitted = report({ state: 'synced', reviewStatus: 'submitted', serverVersion: 1 });

async function open() {
  const view = await mount(<PendingView deps={{ db, send, now: Date.now }} onEdit={onEdit} />);
  unmount = view.unmount;
  await waitFor(() => view.root.querySelector('[data-testid=report-item]'));
  return view;
}
const items = (root: Element, section: string) => [
  ...root.querySelectorAll(`[data-testid=section-${section}] [data-testid=report-item]`),
];

beforeEach(async () => {
  fakeBrowser.reset();
  fakeUiLocale('en');
  send.mockClear();
  onEdit.mockClear();
  db = new WebTaggerDb(`pending-test-${n++}`);
  await db.reports.bulkPut([rejected, waiting, sending, underReview, submitted]);
});
afterEach(async () => {
  unmount();
  await db.delete();
});

describe('PendingView', () => {
  it('groups the reports by where they are, newest first', async () => {
    const { root } = await open();
    await waitFor(() => items(root, 'sent').length === 2);
    expect(items(root, 'rejected').map((i) => i.getAttribute('data-state'))).toEqual(['rejected']);
    expect(items(root, 'waiting').map((i) => i.getAttribute('data-state'))).toEqual([
      'syncing',
      'pending',
    ]);
    expect(textOf(root.querySelector('[data-testid=section-waiting] h2'))).toBe(
      'Waiting to be sent (2)',
    );
  });

  it('gives the server’s reason in words, with the personal data by kind', async () => {
    const { root } = await open();
    const reason = textOf(root.querySelector('[data-testid=rejection]'));
    expect(reason).toContain('The text contains third parties’ personal data.');
    expect(reason).toContain('IIN: 880412378771');
    expect(reason).not.toContain('Third-party personal data in note');
  });

  it('shows one status per card in plain words, and offers no edit once under review', async () => {
    const { root } = await open();
    await waitFor(() => items(root, 'sent').length === 2);
    const [first, second] = items(root, 'sent');
    const statuses = (item: Element | undefined) =>
      [...(item?.querySelectorAll('[data-testid=report-status]') ?? [])].map(textOf);
    expect(statuses(first)).toEqual(['Received, awaiting review']);
    expect(statuses(second)).toEqual(['Under review']);
    expect(statuses(items(root, 'waiting')[1])).toEqual(['Waiting']);
    expect(textOf(first?.querySelector('[data-testid=report-meta]') ?? null)).toContain(
      'Online casinos',
    );
    expect(second?.querySelector('button')).toBeNull();
    expect(first?.querySelector('button')).not.toBeNull();
  });

  it('shows a hostile title as text', async () => {
    const { root } = await open();
    expect(root.querySelector('img')).toBeNull();
    expect(textOf(root.querySelector('[data-testid=report-title]'))).toContain('<img src=x');
  });

  it('opens the form on a report to edit it', async () => {
    const { root } = await open();
    const editButton = [...items(root, 'rejected')[0]!.querySelectorAll('button')].find(
      (b) => textOf(b) === 'Edit',
    );
    await click(editButton!);
    expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ id: rejected.id }));
  });

  it('deletes only after confirmation', async () => {
    const { root } = await open();
    const item = () => items(root, 'waiting').find((i) => textOf(i).includes(waiting.title));
    const button = (label: string) =>
      [...(item()?.querySelectorAll('button') ?? [])].find((b) => textOf(b) === label);
    await click(button('Delete')!);
    expect(textOf(item()!)).toContain('Delete this report?');
    await click(button('Cancel')!);
    expect(await db.reports.get(waiting.id)).toBeDefined();
    await click(button('Delete')!);
    await click(button('Yes, delete')!);
    await waitFor(() => !item());
    expect(await db.reports.get(waiting.id)).toBeUndefined();
  });

  it('queues a rejected report again on retry and asks for a sync', async () => {
    const { root } = await open();
    const retry = [...items(root, 'rejected')[0]!.querySelectorAll('button')].find(
      (b) => textOf(b) === 'Retry',
    );
    await click(retry!);
    await waitFor(() => items(root, 'rejected').length === 0);
    expect((await db.reports.get(rejected.id))?.state).toBe('pending');
    expect(await db.outbox.where('reportId').equals(rejected.id).count()).toBe(1);
    expect(send).toHaveBeenCalledWith('sync-now');
  });

  it('submits all on request, and only pulls on "Refresh"', async () => {
    const { root } = await open();
    await click(root.querySelector('[data-testid=refresh]'));
    expect(send).toHaveBeenCalledWith('pull-now');
    expect(send).not.toHaveBeenCalledWith('sync-now');
    const submit = root.querySelector<HTMLButtonElement>('[data-testid=submit-all]')!;
    await waitFor(() => !submit.disabled);
    await click(submit);
    expect(send).toHaveBeenCalledWith('sync-now');
  });

  it('says the queue is on its way while a batch is, not how the last sync ended', async () => {
    await setMeta(db, 'lastSync', { at: Date.now(), outcome: 'done', pushed: 1 });
    const { root } = await open();
    const status = () => textOf(root.querySelector('[data-testid=sync-status]'));
    await waitFor(() => status().includes('the queue was sent.'));
    await setMeta(db, 'sending', [waiting.id]);
    await waitFor(() => status() === 'Sending to the server…');
    expect(status()).not.toContain('the queue was sent.');
    await deleteMeta(db, 'sending');
    await waitFor(() => status().includes('the queue was sent.'));
  });

  it('counts the evidence files still waiting for their upload, and stops once they went', async () => {
    // The reports went; the files' upload failed.
    await setMeta(db, 'lastSync', { at: Date.now(), outcome: 'retry_later', pushed: 2 });
    const file = (sha256: string, dueAt?: number) => ({
      sha256,
      mime: 'image/png' as const,
      bytes: 3,
      storedAt: 1,
      ...(dueAt === undefined ? {} : { dueAt }),
    });
    // Two files wait for their upload; one is still waiting for its report to be answered.
    await db.evidence.bulkPut([
      file('a'.repeat(64), 5),
      file('b'.repeat(64), 6),
      file('c'.repeat(64)),
    ]);
    const { root } = await open();
    const waitingFiles = () => textOf(root.querySelector('[data-testid=files-waiting]'));
    const status = () => textOf(root.querySelector('[data-testid=sync-status]'));
    await waitFor(() => waitingFiles() === 'Evidence files waiting to upload: 2.');
    expect(status()).toContain(
      'the server could not be reached; the reports were sent, their evidence files are waiting.',
    );
    await db.evidence.bulkDelete(['a'.repeat(64), 'b'.repeat(64)]);
    await waitFor(() => root.querySelector('[data-testid=files-waiting]') === null);
    // With no file waiting, a failure is the reports'.
    await waitFor(() => status().includes('the server could not be reached; reports are waiting.'));
  });

  it('shows the reviewers’ comment, marks new outcomes, and takes them as seen', async () => {
    await db.reports.put({
      ...submitted,
      reviewStatus: 'rejected',
      reporterComment: 'Не нарушение',
    });
    await db.meta.put({ key: 'unseenStatus', value: [submitted.id] });
    const { root } = await open();
    await waitFor(() => root.querySelector('[data-testid=report-new]'));
    const card = root.querySelector('[data-testid=report-new]')!.closest('li')!;
    expect(textOf(card.querySelector('[data-testid=reporter-comment]'))).toBe(
      "Reviewer's comment: Не нарушение",
    );
    expect(textOf(card.querySelector('[data-testid=report-status]'))).toBe(
      'Not confirmed as a violation',
    );
    await waitFor(() => send.mock.calls.some((call) => (call as unknown[])[0] === 'outcomes-seen'));
    expect(await db.meta.get('unseenStatus')).toBeUndefined();
  });

  it('searches and filters the analyst’s reports', async () => {
    const { root } = await open();
    const search = root.querySelector('input[name=reportSearch]') as HTMLInputElement;
    await typeInto(search, 'pwned');
    await waitFor(() => root.querySelector('[data-testid=search-results]'));
    await waitFor(
      () =>
        root.querySelectorAll('[data-testid=search-results] [data-testid=report-item]').length ===
        1,
    );
    await typeInto(search, '');
    const status = root.querySelector('select[name=statusFilter]') as HTMLSelectElement;
    await choose(status, 'under_review');
    await waitFor(() => {
      const found = root.querySelectorAll(
        '[data-testid=search-results] [data-testid=report-title]',
      );
      return found.length === 1 && textOf(found[0]!) === underReview.title;
    });
  });

  it('reads one page at a time however many reports are cached', async () => {
    const many = Array.from({ length: 3000 }, () =>
      report({ state: 'synced', reviewStatus: 'submitted' }),
    );
    await db.reports.bulkPut(many);
    const { root } = await open();
    await waitFor(() => items(root, 'sent').length === PAGE_SIZE);
    expect(textOf(root.querySelector('[data-testid=section-sent] h2'))).toBe('Sent (3002)');
    // The newest first: the last one created.
    expect(textOf(items(root, 'sent')[0]!.querySelector('[data-testid=report-title]'))).toBe(
      many.at(-1)?.title,
    );
    const more = [...root.querySelectorAll('[data-testid=section-sent] button')].find(
      (b) => textOf(b) === 'Show more',
    );
    await click(more!);
    await waitFor(() => items(root, 'sent').length === 2 * PAGE_SIZE);
  });
});
