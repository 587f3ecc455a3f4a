import { describe, expect, it } from 'vitest';
import { detectIdDocuments } from './id-document';

const values = (text: string) => detectIdDocuments(text).map((f) => text.slice(f.start, f.end));

describe('detectIdDocuments', () => {
  it('covers the number only, not the word that names the document', () => {
    const text = 'удостоверение личности № 045612378';
    expect(detectIdDocuments(text)).toEqual([
      { kind: 'id_document', start: 25, end: 34, confidence: 0.9 },
    ]);
  });

  it.each([
    ['Уд. личности 045612378 выдано МВД РК', '045612378'],
    ['уд.л. 045612378', '045612378'],
    ['удостоверение РК №045612378', '045612378'],
    ['жеке куәлік № 045612378', '045612378'],
    ['жеке куәлігінің нөмірі 045612378', '045612378'],
    ['ID card: 045612378', '045612378'],
    ['паспорт N12345678', 'N12345678'],
    ['паспорт серии N 12345678', 'N 12345678'],
    ['passport no. N12345678', 'N12345678'],
    ['Паспорт гражданина РФ 45 10 123456', '45 10 123456'],
    ['паспорт серии 4510 № 123456', '4510 № 123456'],
    ['паспорт 4510123456', '4510123456'],
    ['төлқұжат № N12345678', 'N12345678'],
    ['паспортные данные: N12345678', 'N12345678'],
    ['паспорт — N12345678', 'N12345678'],
    ['удостоверение личности (045612378)', '045612378'],
    ['загранпаспорт N12345678', 'N12345678'],
    ['паспорт гражданина Республики Казахстан N12345678', 'N12345678'],
    ['passport of the Republic of Kazakhstan No. N12345678', 'N12345678'],
  ])('finds the document number in %j', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('does not report a bare 9-digit number without a word naming a document', () => {
    expect(values('номер 045612378')).toEqual([]);
    expect(values('045612378')).toEqual([]);
    expect(values('N12345678')).toEqual([]);
  });

  it('does not reach past other words to a distant number', () => {
    expect(values('паспорт был утерян, заказ 045612378')).toEqual([]);
    expect(values('удостоверение выдано 12.03.2015')).toEqual([]);
  });

  it('does not take a longer number or an IIN after the word for a document number', () => {
    expect(values('удостоверение 0456123789')).toEqual([]);
    expect(values('удостоверение личности, ИИН 880412378771')).toEqual([]);
  });

  it.each([
    ['скан удостоверения личности за № 045 781 236, владелец', '045 781 236'],
    ['воспользовался удостоверением личности № 036 904 115 умершего', '036 904 115'],
    ['По удостоверению личности 044519087 оформлены кредиты', '044519087'],
    ['видны номера удостоверений, например 039 117 460', '039 117 460'],
    ['уд. личности 047-338-112, выдано МВД РК', '047-338-112'],
    ['Данные уд.л. 033 871 456 переданы', '033 871 456'],
    ['жеке куәліктің көшірмесі (№ 035-118-724)', '035-118-724'],
    ['Jeke kuälik nömırı 044 871 209 jariialanğan', '044 871 209'],
    ['jeke kuäligınıñ nömırın (039118402)', '039118402'],
    ['Tölqūjat N 12093847 suretı', 'N 12093847'],
    ['Нашли скан паспорта (номер N 1204 5531)', 'N 1204 5531'],
    ['The bot returns the ID number 047 120 336', '047 120 336'],
    ['ID card (no. 036-221-904) is pinned', '036-221-904'],
  ])('finds a grouped or inflected number in %j', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('takes each number from the document word nearest before it', () => {
    expect(values('Jeke kuälik: 034 227 651; tölqūjat: N09922415')).toEqual([
      '034 227 651',
      'N09922415',
    ]);
  });

  it('needs the number of the document the word names: no passport shape after an ID card word', () => {
    expect(values('удостоверение N12345678')).toEqual([]);
    expect(values('удостоверение 45 12 384756')).toEqual([]);
  });

  it('does not reach over digits, a clause break or a new sentence', () => {
    expect(values('Паспорта продаются по 150 000 тенге, заказ № 204 118 775')).toEqual([]);
    expect(values('Бот пробивает удостоверения; в канале 045 781 236 подписчиков')).toEqual([]);
    expect(values('Паспорт не показан. Номер канала 045781236')).toEqual([]);
    expect(values('паспорт утерян, лицевой счёт 045781236')).toEqual([]);
    expect(values('Паспорта продаются по 150 000 000 тенге')).toEqual([]);
  });

  it('does not take groups that run on into a longer number', () => {
    expect(values('удостоверение 045 781 236 7')).toEqual([]);
    expect(values('удостоверение 045-781-2367')).toEqual([]);
  });
});
