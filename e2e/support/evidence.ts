import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExtensionBrowser } from './browser';
import { launchWithExtension } from './browser';

/**
 * The test build (`npm run build:chrome:test`): the shipped extension plus host permissions for
 * every page, standing in for the `activeTab` grant a click on the toolbar button gives.
 */
export const TEST_EXTENSION_DIR = resolve('.output/test/chrome-mv3');

export async function launchTestBuild(
  options: { locale?: string; profileDir?: string } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(TEST_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The test build is missing: run `npm run build:chrome:test`.');
  }
  return launchWithExtension({ ...options, extensionDir: TEST_EXTENSION_DIR });
}

/** A page `screens` viewports tall, with a header that stays put and a mark at its very end. */
export function longPageBody(screens: number): string {
  const blocks = Array.from(
    { length: screens * 2 },
    (_, i) =>
      `<section style="height:50vh;background:hsl(${(i * 47) % 360} 60% 80%)">Раздел ${i + 1}</section>`,
  ).join('');
  return (
    '<header style="position:fixed;top:0;left:0;right:0;height:40px;background:#333;color:#fff">' +
    'Шапка</header>' +
    `<main style="padding-top:40px">${blocks}</main><footer id="end">Конец страницы</footer>`
  );
}

/** The solid colour of the n-th block of the scrolling test pages, as [r, g, b]. */
export function boxBlockColor(n: number): [number, number, number] {
  return [(40 + n * 53) % 256, (90 + n * 97) % 256, (140 + n * 151) % 256];
}

/** `count` blocks of solid colour (boxBlockColor), SCROLLING_BOX.block high, numbered. */
function colourBlocks(count: number): string {
  return Array.from({ length: count }, (_, n) => {
    const [r, g, b] = boxBlockColor(n);
    return `<section style="height:${SCROLLING_BOX.block}px;background:rgb(${r},${g},${b});font-size:10px">${n + 1}</section>`;
  }).join('');
}

/** The sizes of scrollingBoxBody's parts, in CSS pixels. */
export const SCROLLING_BOX = { header: 60, footer: 40, menu: 120, block: 300 } as const;

/**
 * An app's layout: the document fits the window, and the content scrolls in a box between a
 * header and a footer, beside a menu — `blocks` blocks of solid colour (boxBlockColor).
 */
export function scrollingBoxBody(blocks: number): string {
  const { header, footer, menu } = SCROLLING_BOX;
  const content = colourBlocks(blocks);
  return (
    '<style>html,body{height:100%;margin:0;overflow:hidden}</style>' +
    `<header style="height:${header}px;background:#333;color:#fff">Шапка</header>` +
    `<div style="display:flex;height:calc(100% - ${header + footer}px)">` +
    `<nav style="width:${menu}px;flex:none;background:#ddd">Меню</nav>` +
    `<main id="feed" style="flex:1;overflow-y:auto">${content}</main></div>` +
    `<footer style="height:${footer}px;background:rgb(0,51,102);color:#fff">Подвал</footer>`
  );
}

/**
 * A page whose body is its scrolling box: the root hides its overflow, so the window never
 * scrolls. `blocks` blocks of solid colour (boxBlockColor), SCROLLING_BOX.block high.
 */
export function scrollingBodyBody(blocks: number): string {
  return (
    '<style>html{height:100%;overflow:hidden}body{height:100%;margin:0;overflow-y:auto}</style>' +
    colourBlocks(blocks)
  );
}

type EvidenceItem = {
  sha256: string;
  mime: string;
  kind: string;
  uploaded: boolean;
  bytes: number;
};
type MaterialDetail = {
  material: { id: string; url: string };
  reports: {
    id: string;
    files: { sha256: string; kind?: string; fullPage?: boolean }[];
    capture: Record<string, unknown> | null;
  }[];
  evidence: EvidenceItem[];
};

/** What a reviewer sees of the material of a URL: its reports and evidence (admin's token). */
export async function materialOf(
  serverUrl: string,
  token: string,
  url: string,
): Promise<MaterialDetail | undefined> {
  const headers = { authorization: `Bearer ${token}` };
  const list = (await (await fetch(`${serverUrl}/api/materials`, { headers })).json()) as {
    materials: { id: string; url: string }[];
  };
  const found = list.materials?.find((m) => m.url === url);
  if (!found) return undefined;
  return (await (
    await fetch(`${serverUrl}/api/materials/${found.id}`, { headers })
  ).json()) as MaterialDetail;
}

/** An evidence file's bytes as a reviewer downloads them, checked against their hash. */
export async function downloadEvidence(
  serverUrl: string,
  token: string,
  sha256: string,
): Promise<Buffer> {
  const response = await fetch(`${serverUrl}/api/evidence/${sha256}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`evidence ${sha256}: ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) throw new Error(`evidence ${sha256} came back as ${actual}`);
  return bytes;
}

/** The width and height a PNG's header gives. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
