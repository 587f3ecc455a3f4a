import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { listenForMessages, type MessageHandlers, sendMessage } from './messages';

beforeEach(() => {
  fakeBrowser.reset();
});

function handlers(): MessageHandlers {
  const summary = { outcome: 'done', pushed: 1 };
  return {
    'sync-now': vi.fn(async () => summary),
    'report-saved': vi.fn(async () => summary),
    'consent-given': vi.fn(async () => summary),
    'signed-in': vi.fn(async () => summary),
    'capture-evidence': vi.fn(async () => ({ ...summary, files: 2 })),
    'pull-now': vi.fn(async () => summary),
    'outcomes-seen': vi.fn(async () => ({})),
  };
}

describe('messages', () => {
  it('routes a message to its handler and returns its answer', async () => {
    const h = handlers();
    listenForMessages(h);
    expect(await sendMessage('report-saved', { reportId: 'r1' })).toEqual({
      outcome: 'done',
      pushed: 1,
    });
    expect(h['report-saved']).toHaveBeenCalledWith({ type: 'report-saved', reportId: 'r1' });
    expect(h['sync-now']).not.toHaveBeenCalled();
  });

  it('leaves messages of other kinds alone', async () => {
    const h = handlers();
    listenForMessages(h);
    expect(await browser.runtime.sendMessage({ type: 'something-else' })).toBeUndefined();
    expect(await browser.runtime.sendMessage({ type: 'toString' })).toBeUndefined();
  });

  it('answers undefined when nothing listens, rather than failing the caller', async () => {
    expect(await sendMessage('sync-now')).toBeUndefined();
  });
});
