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
});
