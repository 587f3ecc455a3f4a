import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { registrationFormSchema } from '#shared/schemas/documents';
import type { Db } from '../../db/open';
import { consents, users } from '../../db/schema';
import { ApiError } from '../../http/errors';
import { currentPolicyRow } from '../../storage/sqlite/consent-store';
import { recordAudit } from '../audit/audit-service';
import { hashPassword } from '../auth/passwords';
import type { CheckedDocument } from './document-content';
import type { DocumentFiles } from './document-files';
import { insertDocumentRows, withNewIds } from './documents-service';

export type Registration = {
  form: z.infer<typeof registrationFormSchema>;
  documents: CheckedDocument[];
  origin: { ip: string; userAgent: string | null };
  at: Date;
};

/**
 * Creates a pending account with its authorization documents and its consent to the policy
 * version the user accepted. All or nothing: on any failure no row and no file remains.
 */
export async function registerAccount(
  db: Db,
  files: DocumentFiles,
  registration: Registration,
): Promise<{ userId: string; status: 'pending' }> {
  const { form, origin, at } = registration;
  assertCurrentPolicy(db, form.policyVersion);
  // Checked early so a taken address costs no password hashing; checked again in the transaction.
  assertEmailFree(db, form.email);
  const passwordHash = await hashPassword(form.password);
  const docs = withNewIds(registration.documents);
  const userId = randomUUID();
  const stamp = at.toISOString();

  return files.writeThenCommit(docs, () =>
    db.transaction(() => {
      assertCurrentPolicy(db, form.policyVersion);
      assertEmailFree(db, form.email);
      db.insert(users)
        .values({
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
        })
        .run();
      insertDocumentRows(db, userId, 'authorization', docs, at);
      const thirdPartyTransfer = form.thirdPartyTransfer === 'true';
      db.insert(consents)
        .values({
          userId,
          action: 'given',
          policyVersion: form.policyVersion,
          processing: true,
          thirdPartyTransfer,
          at: stamp,
          method: 'registration',
          ip: origin.ip,
          userAgent: origin.userAgent,
        })
        .run();
      const audit = {
        at,
        actorUserId: userId,
        subjectType: 'user',
        subjectId: userId,
        ip: origin.ip,
      };
      recordAudit(db, {
        ...audit,
        action: 'account.registered',
        details: { documents: docs.length },
      });
      recordAudit(db, {
        ...audit,
        action: 'consent.given',
        details: { policyVersion: form.policyVersion, method: 'registration', thirdPartyTransfer },
      });
      return { userId, status: 'pending' as const };
    }),
  );
}

function assertCurrentPolicy(db: Db, accepted: string): void {
  const current = currentPolicyRow(db)?.version;
  if (accepted !== current) {
    throw new ApiError('conflict', 'The policy you accepted is not the current one.', {
      policyVersion: current,
    });
  }
}

function assertEmailFree(db: Db, email: string): void {
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    throw new ApiError('email_taken', 'An account with this e-mail already exists.');
  }
}
