import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORDINARY_NOTES } from './fixtures/ordinary-notes';
import { detectAddresses } from './home-address';

function addressesIn(text: string): string[] {
  return detectAddresses(text).map((finding) => text.slice(finding.start, finding.end));
}

describe('detectAddresses', () => {
  it.each([
    [
      'a city, street, house and apartment, whole from г.',
      'проживает по адресу: г. Алматы, ул. Абая, д. 10, кв. 5',
      'г. Алматы, ул. Абая, д. 10, кв. 5',
    ],
    [
      'a microdistrict',
      'Закладки у дома мкр. Самал-2, д. 58, кв. 14',
      'мкр. Самал-2, д. 58, кв. 14',
    ],
    [
      'a Kazakh street',
      'Мекенжайы: Абай көшесі, 150-үй, 12-пәтер',
      'Абай көшесі, 150-үй, 12-пәтер',
    ],
    [
      'house-apartment after a hyphen',
      'Собрание на ул. Толе би 59-12 вечером',
      'ул. Толе би 59-12',
    ],
    [
      'the full Russian words',
      'Живёт на улице Жандосова, дом 5, квартира 7',
      'улице Жандосова, дом 5, квартира 7',
    ],
    ['a prospect', 'Посылки на проспект Абая 150, кв. 3', 'проспект Абая 150, кв. 3'],
    ['пр-т with a bare house', 'Съёмка у дома пр-т Достык 5.', 'пр-т Достык 5'],
    [
      'a building number',
      'Адрес: пр. Назарбаева, д. 12, корпус 2, кв. 40',
      'пр. Назарбаева, д. 12, корпус 2, кв. 40',
    ],
    [
      'a microdistrict with a letter',
      'Живёт: микрорайон Аксай-3А, дом 7',
      'микрорайон Аксай-3А, дом 7',
    ],
    ['a numbered microdistrict', 'Прописан: мкр. 5, д. 12, кв. 3', 'мкр. 5, д. 12, кв. 3'],
    ['a street named after a date', 'Адрес ул. 8 Марта, 12, подъезд 2', 'ул. 8 Марта, 12'],
    [
      'a street named after a person',
      'Адрес ул. им. Т. Рыскулова, 103/2',
      'ул. им. Т. Рыскулова, 103/2',
    ],
    [
      'a Kazakh city before the street',
      'Астана қаласы, Кенесары көшесі, 40-үй',
      'Астана қаласы, Кенесары көшесі, 40-үй',
    ],
    [
      'a two-word Kazakh street',
      'Ол Қабанбай батыр даңғылы 53, 7-пәтерде тұрады',
      'Қабанбай батыр даңғылы 53, 7-пәтерде',
    ],
    [
      'a Kazakh house with a case ending',
      'Ол Сәтпаев көшесі, 12-үйде тұрады',
      'Сәтпаев көшесі, 12-үйде',
    ],
    [
      'a region, district and town before the street',
      'Алматы облысы, Қарасай ауданы, Қаскелең қаласы, Абылай хан көшесі 15',
      'Алматы облысы, Қарасай ауданы, Қаскелең қаласы, Абылай хан көшесі 15',
    ],
    ['a city without г.', 'Прописан: Павлодар, ул. Кутузова, 204', 'Павлодар, ул. Кутузова, 204'],
    ['a village', 'Живёт: с. Каскелен, ул. Абая 5', 'с. Каскелен, ул. Абая 5'],
    ['a Latin transliteration', 'Lives at ul. Abaya 10, kv. 5', 'ul. Abaya 10, kv. 5'],
    [
      'a Latin street word after the name',
      'Lives at Abay street 10, apt 5',
      'Abay street 10, apt 5',
    ],
    ['an English address', 'Lives at 45 Abay Avenue, apt 12, Almaty', '45 Abay Avenue, apt 12'],
    [
      'a street without its word after a home signal',
      'проживает по адресу: Абая 10-5',
      'Абая 10-5',
    ],
    [
      "a director's home, the later signal winning over the company",
      'Директор ТОО «Альфа» проживает по адресу ул. Абая 10, кв. 3',
      'ул. Абая 10, кв. 3',
    ],
  ])('finds %s', (_, text, address) => {
    expect(addressesIn(text)).toEqual([address]);
  });

  it('is more certain of an address a home signal introduces', () => {
    const [signalled] = detectAddresses('проживает по адресу ул. Абая 10');
    const [bare] = detectAddresses('видео снято у ул. Абая 10');
    expect(signalled!.confidence).toBeGreaterThan(bare!.confidence!);
  });

  it.each([
    ['a street without a house', 'Митинг на ул. Абая, сбор у памятника'],
    ['a street followed by a date', 'Митинг на ул. Абая 10 марта'],
    ['a street followed by a count', 'На ул. Абая, 2 000 человек'],
    ['a street followed by a time', 'Сбор на проспекте Абая 12:00'],
    ['cities only', 'доставка по Алматы и Астане'],
    ['a district of a city', 'в районе рынка «Барахолка»'],
    // A company's registered address is public register data, not a third person's.
    [
      'a legal address of a company',
      'Юридический адрес ТОО «Бест Бет»: г. Алматы, ул. Сатпаева, д. 30А',
    ],
    ['a Kazakh legal address', 'ЖШС заңды мекенжайы: Абай даңғылы 52'],
    ['an office', 'Приём ставок: ул. Абая 10, офис 5'],
    ['a shopping centre', 'Точка продаж в ТРЦ «Мега», ул. Розыбакиева 247А'],
    ['a house number alone', 'Дом 5 на фото не опознан'],
    ['an apartment number alone', 'кв. 5 упомянута без адреса'],
    ['a quarter of the year', 'Отчёт за 2 квартал 2024 г.'],
    ['a school number', 'Школа № 45 в Павлодаре'],
    ['a Kazakh street without a house', 'Абай көшесінде митинг өтті'],
    ['an IP address', 'IP-адрес 192.168.1.1 принадлежит хостингу'],
    ['an article of the code', 'пр. 5 ст. 174 УК РК'],
  ])('finds nothing in %s', (_, text) => {
    expect(addressesIn(text)).toEqual([]);
  });

  it.each(ORDINARY_NOTES)('finds nothing in the ordinary note "%s"', (note) => {
    expect(addressesIn(note)).toEqual([]);
  });

  it('returns spans that lie within the text and never overlap', () => {
    const piece = fc.constantFrom(
      'ул. ',
      'Абая',
      ', ',
      'д. ',
      '10',
      '-',
      'кв. ',
      '5',
      ' ',
      'көшесі',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        const findings = [...detectAddresses(text)].sort((a, b) => a.start - b.start);
        findings.forEach((finding, i) => {
          expect(finding.start).toBeGreaterThanOrEqual(0);
          expect(finding.end).toBeLessThanOrEqual(text.length);
          expect(finding.start).toBeGreaterThanOrEqual(findings[i - 1]?.end ?? 0);
        });
      }),
    );
  });

  it.each([
    ['Almaty q., Abai dañğyly, 150-üi, 23-päter', 'Almaty q., Abai dañğyly, 150-üi, 23-päter'],
    ['Ol Sätbaev köşesı 22 üi, 14 päterde tūrady', 'Sätbaev köşesı 22 üi, 14 päterde'],
    ['Mekenjai: Būqar jyrau dañğyly, 51 üi, 23 päter', 'Būqar jyrau dañğyly, 51 üi, 23 päter'],
    ['Samal-2 şağyn audany, 58 üi, 14 päter', 'Samal-2 şağyn audany, 58 üi, 14 päter'],
    ['Tūrğylyqty mekenjaiy: Töle bi köşesı 59, 12 päter', 'Töle bi köşesı 59, 12 päter'],
    ['Qyzdyñ mekenjaiy: Abai köşesi 10, 5 päter', 'Abai köşesi 10, 5 päter'],
    ['Мекенжайы — 4 шағын аудан, 12 үй, 3 пәтер', '4 шағын аудан, 12 үй, 3 пәтер'],
  ])(
    'finds an address in the Kazakh Latin alphabet or a numbered microdistrict in %j',
    (text, value) => {
      expect(addressesIn(text)).toEqual([value]);
    },
  );

  it('keeps a flat a home when premises words come before it', () => {
    expect(addressesIn('Склад закладок в квартире: ул. Сатпаева, 30А, кв. 12')).toEqual([
      'ул. Сатпаева, 30А, кв. 12',
    ]);
    // Without a flat, the warehouse is the business's own premises.
    expect(addressesIn('Склад закладок: ул. Сатпаева, 30А')).toEqual([]);
  });

  it.each([
    ['a Kazakh Latin street without a house', 'Abai köşesınde şeru öttı, 200 adam jinaldy'],
    ['an office in Kazakh Latin', 'Ofisı: Dostyq dañğyly, 43, 5-qabat'],
    ['a company in Kazakh Latin', 'JŞS zañdy mekenjaiy: Abai dañğyly 52'],
  ])('finds nothing in %s', (_, text) => {
    expect(addressesIn(text)).toEqual([]);
  });
});
