import { z } from 'zod';
import { findPersonalData } from '#shared/personal-data/find-personal-data';
import type { PersonalDataKind } from '#shared/personal-data/types';
import { isOpenForReporters, type ReviewStatus } from '#shared/review-status';
import { LIMITS, type ReportInput, reportInputSchema } from '#shared/schemas/report';
import {
  deleteMutationSchema,
  type findingSchema,
  type Mutation,
  upsertMutationSchema,
} from '#shared/schemas/sync';
import { canonicalUrl, InvalidUrlError } from '#shared/url-key';

/**
 * The rules every pushed mutation passes, in this order: schema → ownership → review lock →
 * third-party personal data (personal-data.md). The first rule that fails decides the answer.
 */

export type FieldFinding = z.infer<typeof findingSchema>;

export type RejectionCode =
  | 'validation_failed'
  | 'forbidden'
  | 'conflict'
  | 'third_party_personal_data';

export type Rejection = {
  kind: 'rejected';
  code: RejectionCode;
  message: string;
  findings?: FieldFinding[];
};

/** A mutation that passed the rules that need nothing but the mutation itself. */
export type CheckedMutation =
  | { kind: 'upsert'; report: ReportInput; urlKey: string; findings: FieldFinding[] }
  | { kind: 'delete'; reportId: string };

/** What the rules need to know of a report the server already holds. */
export type HeldReport = {
  userId: string;
  materialId: string;
  /** The review status of its material. */
  status: ReviewStatus;
  version: number;
  createdAt: string;
  deleted: boolean;
};

export type RuleContext = {
  userId: string;
  heldReport(id: string): HeldReport | undefined;
  /** Whether the caller has an approved representation document with this id. */
  isApprovedRepresentation(documentId: string): boolean;
};

export type Verdict =
  | Rejection
  | {
      kind: 'upsert';
      report: ReportInput;
      urlKey: string;
      held: HeldReport | undefined;
      /** Personal data accepted under a representation basis (empty when there was none). */
      personalDataKinds: PersonalDataKind[];
    }
  /** `held` is absent when there is nothing to delete (unknown id, or deleted already). */
  | { kind: 'delete'; reportId: string; held: HeldReport | undefined };

// The shared schema checks a URL by computing its canonical key; the server needs the key itself,
// so it checks the URL once, when it computes the key below (half the URL work of a push).
const pushedMutationSchema = z.discriminatedUnion('op', [
  upsertMutationSchema.extend({
    report: reportInputSchema.extend({ url: z.string().trim().max(LIMITS.urlLength) }),
  }),
  deleteMutationSchema,
]);

/** The rules that look at the mutation alone: schema, URL key, personal data findings. */
export function checkMutation(raw: unknown): CheckedMutation | Rejection {
  const parsed = pushedMutationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return reject('validation_failed', `${where}${issue?.message ?? 'invalid mutation'}`);
  }
  const mutation: Mutation = parsed.data;
  if (mutation.op === 'delete') return { kind: 'delete', reportId: mutation.reportId };
  let urlKey: string;
  try {
    urlKey = canonicalUrl(mutation.report.url);
  } catch (error) {
    if (error instanceof InvalidUrlError)
      return reject('validation_failed', 'report.url: an http(s) URL');
    throw error;
  }
  return {
    kind: 'upsert',
    report: mutation.report,
    urlKey,
    findings: personalDataIn(mutation.report),
  };
}

/** The rules that need what the server holds: ownership, review lock, representation basis. */
export function judgeMutation(checked: CheckedMutation | Rejection, ctx: RuleContext): Verdict {
  if (checked.kind === 'rejected') return checked;
  const id = checked.kind === 'delete' ? checked.reportId : checked.report.id;
  const held = ctx.heldReport(id);
  if (held && held.userId !== ctx.userId) {
    return reject('forbidden', 'This report belongs to another user.');
  }
  if (checked.kind === 'delete') {
    if (held && !held.deleted && !isOpenForReporters(held.status)) return underReview();
    return { kind: 'delete', reportId: id, held: held && !held.deleted ? held : undefined };
  }
  if (held?.deleted) return reject('conflict', 'This report was deleted; save it as a new report.');
  if (held && !isOpenForReporters(held.status)) return underReview();

  const { report, urlKey, findings } = checked;
  if (findings.length > 0) {
    const documentId = report.personalDataBasis?.documentId;
    if (!documentId || !ctx.isApprovedRepresentation(documentId)) {
      return {
        ...reject(
          'third_party_personal_data',
          documentId
            ? 'The representation document is not approved.'
            : 'The text contains personal data of third parties.',
        ),
        findings,
      };
    }
  }
  return { kind: 'upsert', report, urlKey, held, personalDataKinds: kindsOf(findings) };
}

/** Findings in the user-entered text of a report, each naming its field. */
export function personalDataIn(report: ReportInput): FieldFinding[] {
  const fields: [FieldFinding['field'], string | undefined][] = [
    ['note', report.note],
    ['geography.locality', report.geography.indicated ? report.geography.locality : undefined],
  ];
  return fields.flatMap(([field, text]) =>
    text ? findPersonalData(text).map(({ kind, start, end }) => ({ field, kind, start, end })) : [],
  );
}

function kindsOf(findings: FieldFinding[]): PersonalDataKind[] {
  return [...new Set(findings.map((f) => f.kind))].sort();
}

function underReview(): Rejection {
  return reject('conflict', 'This report is under review and can no longer be changed.');
}

function reject(code: RejectionCode, message: string): Rejection {
  return { kind: 'rejected', code, message };
}
