import type { relationsEn } from './relations-en';

/** Тексеру беттеріндегі байланысты материалдар мен айналар. */
export const relationsKk: typeof relationsEn = {
  title: 'Байланысты материалдар',
  site: 'Сайт',
  mirrorFilter: 'Айналар',
  mirrorsOnly: 'Бұғатталған материалдардың ықтимал айналары',
  domainFilter: 'Сайт (тіркелетін домен)',
  mirrorBadge: (n) => `${n} материалының ықтимал айнасы`,
  mirrorNotice: 'Мазмұны бұғаттауға жіберілген не бұғатталған материалды қайталайды:',
  duplicateOfNotice: 'Мына материалдың қайталамасы деп танылды:',
  duplicates: 'Осы материалдың қайталамалары',
  sameContent: 'Мазмұны бірдей немесе дерлік бірдей',
  sameSite: 'Сол сайт',
  sameSiteAll: (domain) => `Кезектегі ${domain} барлық материалдары`,
  none: 'Табылмады.',
  signal: { same_content: 'бірдей файл', near_same_text: 'дерлік бірдей мәтін' },
  similarity: (percent) => `ұқсастығы ${percent}%`,
  original: 'Бастапқы материал',
  originalHint:
    'Қайталама үшін міндетті: байланысты материалды таңдаңыз немесе бастапқысының идентификаторын қойыңыз.',
  originalRequired: 'Осы қайталаманың бастапқы материалын көрсетіңіз.',
  originalInvalid: 'Бұл басқа материал емес, не өзі қайталама.',
  otherOriginal: 'Басқа материал (идентификатор)',
};
