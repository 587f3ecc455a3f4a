import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { registrationFormSchema } from '#shared/schemas/documents';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { AuditEvent } from '../../storage/audit-store';
import { hashPassword } from '../auth/passwords';
import type { CheckedDocument } from './document-content';
import type { DocumentFiles } from './document-files';
import { documentRows, withNewIds } from './documents-service';

export type Registration = {
  form: z.infer<typeof registrationFormSchema>;
  documents: CheckedDocument[];
  origin: { ip: string; userAgent: string | null };
  at: Date;
};

type Facts = { emailTaken: boolean; currentPolicyVersion: string | undefined };

/**
 * Creates a pending account with its authorization documents and its consent to the policy
 * version the user accepted. All or nothing: on any failure no row and no file remains.
 */
export async function registerAccount(
  storage: Pick<Storage, 'accounts' | 'consent'>,
  files: DocumentFiles,
  registration: Registration,
): Promise<{ userId: string; status: 'pending' }> {
  const { form, origin, at } = registration;
  // Checked early so a taken address costs no password hashing; checked again in the transaction.
  assertAcceptable(form, {
    emailTaken: !!(await storage.accounts.findByEmail(form.email)),
    currentPolicyVersion: (await storage.consent.currentPolicy())?.version,
  });
  const passwordHash = await hashPassword(form.password);
  const docs = withNewIds(registration.documents);
  const userId = randomUUID();
  const stamp = at.toISOString();
  const thirdPartyTransfer = form.thirdPartyTransfer === 'true';
  const about = { at, actorUserId: userId, subjectType: 'user', subjectId: userId, ip: origin.ip };
  const audit: AuditEvent[] = [
    { ...about, action: 'account.registered', details: { documents: docs.length } },
    {
      ...about,
      action: 'consent.given',
      details: { policyVersion: form.policyVersion, method: 'registration', thirdPartyTransfer },
    },
  ];

  await files.writeThenCommit(docs, () =>
    storage.accounts.register(form.email, (facts) => {
      assertAcceptable(form, facts);
      return {
        user: {
          id: userId,
          email: form.email,
          fullName: form.fullName,
          organization: form.organization,
          position: form.position,
          phone: form.phone || null,
          passwordHash,
          role: 'analyst',
          status: 'pending',
          createdAt: stamp,
          updatedAt: stamp,
        },
        documents: documentRows(userId, 'authorization', docs, at),
        consent: {
          userId,
          action: 'given',
          policyVersion: form.policyVersion,
          processing: true,
          thirdPartyTransfer,
          at: stamp,
          method: 'registration',
          ip: origin.ip,
          userAgent: origin.userAgent,
        },
        audit,
      };
    }),
  );
  return { userId, status: 'pending' };
}

/** The accepted policy must be the current one, and the e-mail free. */
function assertAcceptable(form: Registration['form'], facts: Facts): void {
  if (form.policyVersion !== facts.currentPolicyVersion) {
    throw new ApiError('conflict', 'The policy you accepted is not the current one.', {
      policyVersion: facts.currentPolicyVersion,
    });
  }
  if (facts.emailTaken) {
    throw new ApiError('email_taken', 'An account with this e-mail already exists.');
  }
}
