import type { relationsEn } from './relations-en';

/** Связанные материалы и зеркала на страницах проверки. */
export const relationsRu: typeof relationsEn = {
  title: 'Связанные материалы',
  site: 'Сайт',
  mirrorFilter: 'Зеркала',
  mirrorsOnly: 'Возможные зеркала заблокированных материалов',
  domainFilter: 'Сайт (регистрируемый домен)',
  mirrorBadge: (n) => `возможное зеркало ${n}`,
  mirrorNotice:
    'Содержимое повторяет материал, уже направленный на блокировку или заблокированный:',
  duplicateOfNotice: 'Признан дубликатом материала:',
  duplicates: 'Дубликаты этого материала',
  sameContent: 'То же или почти то же содержимое',
  sameSite: 'Тот же сайт',
  sameSiteAll: (domain) => `Все материалы ${domain} в очереди`,
  none: 'Не найдено.',
  signal: { same_content: 'тот же файл', near_same_text: 'почти тот же текст' },
  similarity: (percent) => `сходство ${percent}%`,
  original: 'Исходный материал',
  originalHint:
    'Обязательно для дубликата: выберите связанный материал или вставьте идентификатор исходного.',
  originalRequired: 'Укажите исходный материал этого дубликата.',
  originalInvalid: 'Это не другой материал, или он сам дубликат.',
  otherOriginal: 'Другой материал (идентификатор)',
};
