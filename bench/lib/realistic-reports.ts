import { ORDINARY_NOTES } from '#shared/personal-data/fixtures/ordinary-notes';
import type { ReportInput } from '#shared/schemas/report';
import {
  AVAILABILITY_CODES,
  KZ_REGION_CODES,
  LANGUAGE_CODES,
  OPENNESS_CODES,
  REPORT_SOURCE_CODES,
  RESOURCE_TYPE_CODES,
  TOPIC_CODES,
} from '#shared/taxonomy';
import type { Random } from './random';

/**
 * Reports as analysts make them: URLs of the platforms they watch (with the tracking parameters
 * and mobile hosts a browser shows), materials reported again by other analysts, every topic,
 * language and region, and notes from the detector's collection of ordinary analyst notes.
 */

// Each material's address depends on its number alone; what varies between reports of the same
// material is what browsers and share buttons add (tracking parameters, mobile hosts, www).
const PLATFORMS: readonly ((r: Random, n: number) => string)[] = [
  (r, n) =>
    `https://${r.next() < 0.3 ? 'telegram.me' : 't.me'}/channel_${(n >> 4).toString(36)}/${n}`,
  (r, n) => `https://www.instagram.com/p/C${n.toString(36)}x/?igsh=${r.int(1e9).toString(36)}`,
  (r, n) => `https://${r.next() < 0.5 ? 'm.' : ''}vk.com/wall-${1000 + (n >> 3)}_${n}`,
  (r, n) =>
    `https://www.youtube.com/watch?v=${n.toString(36).padStart(11, 'a')}${r.next() < 0.3 ? '&si=share' : ''}`,
  (_r, n) => `https://www.tiktok.com/@user${n >> 2}/video/73${n.toString().padStart(10, '0')}`,
  (r, n) =>
    `https://casino-${n.toString(36)}.example.kz/ru/promo?utm_source=${r.pick(['tg', 'vk', 'ig'])}&p=${n % 50}`,
  (r, n) => `${r.next() < 0.5 ? 'http' : 'https'}://bet${n.toString(36)}.example.com/kz/`,
  (_r, n) => `https://forum${n % 97}.example.ru/threads/${n}-${n % 100}/`,
  (r, n) =>
    `https://${r.next() < 0.5 ? 'twitter' : 'x'}.com/acc${(n >> 2).toString(36)}/status/18${n.toString().padStart(12, '0')}`,
  (r, n) =>
    `https://olx-${n % 13}.example.kz/d/obyavlenie/${n.toString(36)}-ID${n * 7}.html${r.next() < 0.3 ? '?fbclid=x' : ''}`,
];

const TITLE_WORDS = [
  'Казино',
  'бонус',
  'ставки',
  'Telegram',
  'канал',
  'закладки',
  'доставка',
  'инвестиции',
  'доход',
  'арна',
  'жарнама',
  'ұтыс',
  'promo',
  'official',
  'mirror',
  'Алматы',
  'Астана',
  'Шымкент',
  '18+',
  '2026',
];

const CITIES = ['Алматы', 'Астане', 'Шымкенте', 'Караганде', 'Актобе', 'Павлодаре', 'Атырау'];

/** A note about 110 characters long on average: ordinary notes, sometimes two, sometimes none. */
function note(r: Random): string {
  const roll = r.next();
  if (roll < 0.08) return '';
  const first = r.pick(ORDINARY_NOTES);
  const dated = `${first}, замечено в ${r.pick(CITIES)} ${1 + r.int(28)}.${10 + r.int(2)}.2026`;
  if (roll < 0.25) return first;
  if (roll < 0.4) return dated;
  if (roll < 0.85) return `${first}. ${r.pick(ORDINARY_NOTES)}`;
  return `${dated}. ${r.pick(ORDINARY_NOTES)}`;
}

function title(r: Random): string {
  const words = Array.from({ length: 3 + r.int(6) }, () => r.pick(TITLE_WORDS));
  return words.join(' ');
}

/** The URL of material number `n`, in one of the forms a browser may show it. */
export function materialUrl(r: Random, n: number): string {
  return (PLATFORMS[n % PLATFORMS.length] as (r: Random, n: number) => string)(r, n);
}

export type ReportGenerator = {
  /** The next report of a stream: about a third are of materials reported before. */
  next(): ReportInput;
};

const KNOWN_LANGUAGES = LANGUAGE_CODES.filter((code) => code !== 'und');

/** A stream of realistic reports; `materials` bounds how many distinct materials appear. */
export function realisticReports(r: Random, materials: number): ReportGenerator {
  let created = 0;
  return {
    next() {
      // Popular materials are reported again: pick an earlier one with a skew toward the first.
      const again = created > 0 && (r.next() < 0.33 || created >= materials);
      const n = again ? Math.floor(created * r.next() ** 2) : created++;
      const indicated = r.next() < 0.85;
      const kz = r.next() < 0.85;
      return {
        id: r.uuid(),
        url: materialUrl(r, n),
        title: title(r),
        source: r.pick(REPORT_SOURCE_CODES),
        resourceType: r.pick(RESOURCE_TYPE_CODES),
        // `und` (not determined) stands alone, as the schema requires.
        languages: r.next() < 0.8 ? r.some(LANGUAGE_CODES, 1) : r.some(KNOWN_LANGUAGES, 2),
        geography: !indicated
          ? { indicated: false }
          : kz
            ? { indicated: true, country: 'KZ', region: r.pick(KZ_REGION_CODES) }
            : { indicated: true, country: r.pick(['RU', 'KG', 'UZ', 'TR', 'CN']) },
        openness: r.pick(OPENNESS_CODES),
        availability: r.pick(AVAILABILITY_CODES),
        topics: r.some(TOPIC_CODES, 1 + (r.next() < 0.2 ? 1 : 0)),
        note: note(r),
        capturedAt: new Date(Date.UTC(2026, 0, 1) + r.int(300 * 86_400_000)).toISOString(),
      };
    },
  };
}
