import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { LIMITS } from '#shared/schemas/report';
import { saveReport } from '../storage/reports';
import { pruneOrphanEvidence } from '../sync/evidence-upload';
import { aReport, freshDb } from '../testing/fixtures';
import { bytesOfDataUrl, captureEvidence, EvidenceCaptureError, storeEvidence } from './evidence';

const dataUrl = (mime: string, bytes: Uint8Array) =>
  `data:${mime};base64,${btoa(String.fromCharCode(...bytes))}`;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('storeEvidence', () => {
  it('keeps the bytes under their SHA-256 and returns what the report carries', async () => {
    const db = freshDb();
    const bytes = new TextEncoder().encode('abc');
    const evidence = await storeEvidence(db, bytes, 'image/png', Date.now());
    expect(evidence).toEqual({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      mime: 'image/png',
      bytes: 3,
    });
    const stored = await db.evidence.get(evidence.sha256);
    expect(new Uint8Array(stored!.data)).toEqual(bytes);
  });
});

describe('captureEvidence', () => {
  it('captures the visible tab of the window as PNG', async () => {
    const db = freshDb();
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1]);
    const capture = vi
      .spyOn(browser.tabs, 'captureVisibleTab')
      .mockResolvedValue(dataUrl('image/png', png) as never);

    const evidence = await captureEvidence(db, Date.now(), { windowId: 3 });
    expect(capture).toHaveBeenCalledWith(3, { format: 'png' });
    expect(evidence).toMatchObject({ mime: 'image/png', bytes: png.length });
    expect(await db.evidence.count()).toBe(1);
  });

  it('falls back to JPEG when the PNG is larger than the server accepts', async () => {
    const db = freshDb();
    const big = 'A'.repeat(Math.ceil(((LIMITS.evidenceBytes + 10) * 4) / 3));
    const jpeg = new Uint8Array([255, 216, 255, 1]);
    vi.spyOn(browser.tabs, 'captureVisibleTab').mockImplementation((async (options: {
      format: string;
    }) =>
      options.format === 'png'
        ? `data:image/png;base64,${big}`
        : dataUrl('image/jpeg', jpeg)) as never);

    expect(await captureEvidence(db, Date.now(), {})).toMatchObject({
      mime: 'image/jpeg',
      bytes: 4,
    });
  });

  it('says when the browser does not allow the capture', async () => {
    vi.spyOn(browser.tabs, 'captureVisibleTab').mockRejectedValue(
      new Error('activeTab not granted'),
    );
    await expect(captureEvidence(freshDb(), Date.now(), {})).rejects.toBeInstanceOf(
      EvidenceCaptureError,
    );
  });
});

describe('bytesOfDataUrl', () => {
  it('decodes a base64 data URL', () => {
    expect(bytesOfDataUrl('data:image/png;base64,AAEC/w==')).toEqual(
      new Uint8Array([0, 1, 2, 255]),
    );
  });
});

describe('pruneOrphanEvidence', () => {
  it('drops old captures no queued report needs and keeps the rest', async () => {
    const db = freshDb();
    const orphan = await storeEvidence(db, new Uint8Array([1]), 'image/png', 0);
    const needed = await storeEvidence(db, new Uint8Array([2]), 'image/png', 0);
    const fresh = await storeEvidence(db, new Uint8Array([3]), 'image/png', 10_000_000);
    await saveReport(db, aReport({ evidence: needed }), { at: Date.now() });

    expect(await pruneOrphanEvidence(db, 10_000_000)).toBe(1);
    expect(await db.evidence.get(orphan.sha256)).toBeUndefined();
    expect(await db.evidence.get(needed.sha256)).toBeDefined();
    expect(await db.evidence.get(fresh.sha256)).toBeDefined();
  });
});
