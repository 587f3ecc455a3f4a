import { LEGAL_ACTS, LEGAL_GROUNDS } from '#shared/legal-grounds';
import type { NoticeView, StatementOfReasons } from '#shared/schemas/notices';

const labels = (l: { ru: string; kk: string; en: string }) => ({ ru: l.ru, kk: l.kk, en: l.en });

/** A notice as a statement of reasons: the ground, why, where, which URLs, when, to whom. */
export function statementOfReasons(notice: NoticeView): StatementOfReasons {
  const ground = LEGAL_GROUNDS[notice.legalGround.code];
  const act = LEGAL_ACTS[ground.act];
  return {
    noticeId: notice.id,
    status: notice.status,
    recipient: {
      name: notice.recipient.name,
      type: notice.recipient.type,
      contact: notice.recipient.contact,
    },
    legalGround: {
      code: notice.legalGround.code,
      act: { code: ground.act, title: labels(act), number: act.number, date: act.date },
      provision: ground.provision,
      text: labels(ground),
      ...(notice.legalGround.courtDecision && {
        courtDecision: notice.legalGround.courtDecision,
      }),
    },
    explanation: notice.explanation,
    territorialScope: notice.territorialScope,
    urls: notice.materials.map((m) => ({
      url: m.url,
      title: m.title,
      evidenceSha256: m.evidenceSha256,
    })),
    dates: { createdAt: notice.createdAt, sentAt: notice.sentAt, deadlineAt: notice.deadlineAt },
  };
}
