import { describe, expect, it } from 'vitest';
import { detectMessengerPhones } from './messenger-phone';

const values = (text: string) => detectMessengerPhones(text).map((f) => text.slice(f.start, f.end));

describe('detectMessengerPhones', () => {
  it.each([
    ['Пишите: wa.me/77015552314', '77015552314'],
    ['https://wa.me/77478812045?text=заказ', '77478812045'],
    ['api.whatsapp.com/send?phone=77773215598', '77773215598'],
    ['https://api.whatsapp.com/send/?phone=%2B77074412290&text', '77074412290'],
    ['Telegram: t.me/+77053321890', '+77053321890'],
    ['viber://chat?number=%2B77015550022', '77015550022'],
    ['WhatsApp: https://wa.me/447911123456', '447911123456'],
  ])('finds the phone in %j', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('reports the digits as certain: the link says what they are', () => {
    expect(detectMessengerPhones('wa.me/77015552314')).toEqual([
      { kind: 'phone', start: 6, end: 17 },
    ]);
  });

  it('leaves out numbers no country issues, service numbers and other links', () => {
    for (const text of [
      'wa.me/70000000000',
      'wa.me/78000807777',
      't.me/+AbCdEf1234567890',
      't.me/c/1234567890/15',
      'youtube.com/watch?v=77015552314',
      'https://wa.me/77015552314abc',
    ]) {
      expect(values(text), text).toEqual([]);
    }
  });
});
