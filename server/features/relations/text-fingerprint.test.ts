import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { htmlText } from './page-text';
import { casinoPage, newsPage } from './testing/pages';
import {
  MIN_WORDS,
  NEAR_SAME_THRESHOLD,
  signatureBands,
  signatureFromHex,
  signatureHex,
  similarity,
  textSignature,
} from './text-fingerprint';

function signatureOf(html: string) {
  const signature = textSignature(htmlText(html));
  if (!signature) throw new Error('no signature');
  return signature;
}

const monday = {
  date: '1 декабря 2026, 09:15',
  ads: ['Кредит под 0% на 12 месяцев', 'Окна ПВХ со скидкой'],
};
const friday = {
  date: '5 декабря 2026, 18:40',
  ads: ['Туры в Турцию от 199 000 тенге', 'Курсы английского онлайн', 'Доставка цветов за час'],
};

describe('text fingerprint', () => {
  it('links the same article loaded on two days with other ads and dates', () => {
    const a = signatureOf(newsPage('water', monday));
    const b = signatureOf(newsPage('water', friday));
    expect(similarity(a, b)).toBeGreaterThanOrEqual(NEAR_SAME_THRESHOLD);
  });

  it('does not link two articles of one site, menus and footer shared', () => {
    const a = signatureOf(newsPage('water', monday));
    const b = signatureOf(newsPage('library', monday));
    expect(similarity(a, b)).toBeLessThan(NEAR_SAME_THRESHOLD / 2);
  });

  it('links a casino landing page with its mirror under another brand', () => {
    expect(
      similarity(signatureOf(casinoPage('Vulkan777')), signatureOf(casinoPage('Vulkan-Kz'))),
    ).toBeGreaterThanOrEqual(NEAR_SAME_THRESHOLD);
  });

  it('counts numbers as numbers: a page whose only change is its digits is the same', () => {
    const a = signatureOf(newsPage('library', monday));
    const b = signatureOf(newsPage('library', { ...monday, date: '28 декабря 2027, 23:59' }));
    expect(similarity(a, b)).toBe(1);
  });

  it('gives no signature to a page too short to tell apart', () => {
    expect(textSignature('Страница не найдена. Вернитесь на главную.')).toBeUndefined();
    expect(
      textSignature(Array.from({ length: MIN_WORDS }, (_, i) => `слово${i}`).join(' ')),
    ).toBeDefined();
  });

  it('keeps signatures and bands stable through their stored form', () => {
    const a = signatureOf(casinoPage('Vulkan777'));
    expect(signatureFromHex(signatureHex(a))).toEqual(a);
    expect(signatureFromHex('zz')).toBeUndefined();
    const bands = signatureBands(a);
    expect(bands).toHaveLength(32);
    // Near-same pages share at least one band, so the look-up finds them.
    const b = signatureBands(signatureOf(casinoPage('Vulkan-Kz')));
    expect(bands.some((x, i) => x.bandHash === b[i]?.bandHash)).toBe(true);
  });

  it('signs as earlier versions did, in every script, so that stored signatures still compare', () => {
    // Letters of several scripts and outside the BMP, digits of several systems, marks, symbols.
    const words = (
      'Казино ҚАЗАҚСТАН көшесі ΣΟΦΟΣ İstanbul straße x² ٣٤٥ 𝟏𝟐 𝐀𝐁𝐂 😀 e\u0301te a_b x-y 12,50 Ⅻ ¾ ' +
      '\ud800lone 中文字 déjà-vu v2.0.1 ABC123def'
    ).split(' ');
    const mixed = Array.from({ length: 60 }, (_, i) => words[(i * 7) % words.length]).join(' ');
    const news = newsPage('water', { date: '1 декабря 2026, 09:15', ads: [monday.ads[0]!] });
    const digest = (text: string) => {
      const signature = textSignature(text);
      return signature && createHash('sha256').update(signatureHex(signature)).digest('hex');
    };

    // The signatures' SHA-256 (first 16 digits) as the version that first stored them computed.
    expect(digest(htmlText(casinoPage('Vulkan777')))?.slice(0, 16)).toBe('995f397b8627dfa7');
    expect(digest(htmlText(news))?.slice(0, 16)).toBe('c253c5e07c0008fe');
    expect(digest(mixed)?.slice(0, 16)).toBe('9bce196c2f2da44f');
  });

  it('leaves scripts, styles and the head out of the text', () => {
    const text = htmlText(newsPage('water', monday));
    expect(text).not.toContain('dataLayer');
    expect(text).not.toContain('border');
    expect(text).toContain('Замена водопровода');
    expect(text).toContain('Кредит под 0%');
  });
});
