import { codesOf, type Vocabulary } from './labels';

/** The review status of a material: owned by the server, shown on every report of it. */
export const REVIEW_STATUSES = {
  submitted: { ru: 'Отправлено', kk: 'Жіберілді', en: 'Submitted' },
  under_review: { ru: 'На рассмотрении', kk: 'Қаралуда', en: 'Under review' },
  confirmed: { ru: 'Подтверждено', kk: 'Расталды', en: 'Confirmed' },
  rejected: { ru: 'Отклонено', kk: 'Қабылданбады', en: 'Rejected' },
  duplicate: { ru: 'Дубликат', kk: 'Қайталама', en: 'Duplicate' },
  sent_for_blocking: {
    ru: 'Направлено на блокировку',
    kk: 'Бұғаттауға жіберілді',
    en: 'Sent for blocking',
  },
  blocked: { ru: 'Заблокировано', kk: 'Бұғатталды', en: 'Blocked' },
  restored: {
    ru: 'Доступ восстановлен — нужна перепроверка',
    kk: 'Қолжетімділік қалпына келді — қайта тексеру керек',
    en: 'Access restored — re-check needed',
  },
} as const satisfies Vocabulary<string>;
export type ReviewStatus = keyof typeof REVIEW_STATUSES;
export const REVIEW_STATUS_CODES = codesOf<ReviewStatus>(REVIEW_STATUSES);

/** The statuses a reviewer may move a material to from each status. */
export const REVIEW_TRANSITIONS: Readonly<Record<ReviewStatus, readonly ReviewStatus[]>> = {
  submitted: ['under_review'],
  under_review: ['confirmed', 'rejected', 'duplicate'],
  confirmed: ['sent_for_blocking'],
  rejected: [],
  duplicate: [],
  sent_for_blocking: ['blocked'],
  blocked: ['restored'],
  restored: ['sent_for_blocking', 'blocked'],
};

/** Whether a reviewer may move a material from one status to another. */
export function canTransition(from: ReviewStatus, to: ReviewStatus): boolean {
  return REVIEW_TRANSITIONS[from].includes(to);
}

/** While a material is in `submitted` its reporters may still edit or delete their reports. */
export function isOpenForReporters(status: ReviewStatus): boolean {
  return status === 'submitted';
}
