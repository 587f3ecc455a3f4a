/** @jsxImportSource hono/jsx */
import type { MaterialSummary } from '#shared/schemas/review';
import { heldByAnother } from '../../storage/claim-rules';
import { PostForm } from '../components/forms';
import type { View } from '../view';
import { ClaimText } from './queue-triage';
import type { Reviewer } from './triage-texts';

/**
 * Who works on the material and since when; claim it, release it, or assign it to another
 * reviewer. A material someone else holds is theirs: only an admin is offered to release it or to
 * assign it to a third reviewer. The claim's version goes with a release or assignment, so that
 * one made meanwhile is not overridden unseen.
 */
export function ClaimBox(props: { view: View; material: MaterialSummary; reviewers: Reviewer[] }) {
  const { view, material } = props;
  const { t } = view;
  const claim = material.claim;
  const me = view.viewer?.id;
  const another = heldByAnother(claim, me);
  const mayLetGo = !another || view.viewer?.role === 'admin';
  const action = (verb: string) => `/review/materials/${material.id}/${verb}`;
  const version = claim && (
    <input type="hidden" name="expectedVersion" value={String(claim.version)} />
  );
  const assigner = claim?.assignedBy
    ? props.reviewers.find((r) => r.id === claim.assignedBy)?.fullName
    : undefined;
  return (
    <section class="claim-box" id="claim" aria-labelledby="claim-title">
      <h2 id="claim-title">{t.triage.claimTitle}</h2>
      <p>
        <ClaimText view={view} claim={claim} />
        {assigner && <span class="meta"> ({t.triage.assignedBy(assigner)})</span>}
      </p>
      {/* Another reviewer's material offers a reviewer nothing to do here. */}
      {mayLetGo && (
        <div class="actions">
          {!claim && (
            <PostForm view={view} action={action('claim')} class="inline">
              {version}
              <button type="submit" data-key="claim">
                {t.triage.claim}
              </button>
            </PostForm>
          )}
          {claim && (
            <PostForm view={view} action={action('release')} class="inline">
              {version}
              <button type="submit">{t.triage.release}</button>
            </PostForm>
          )}
          <PostForm view={view} action={action('claim')} class="inline">
            {version}
            <label for="assignee">{t.triage.assignTo}</label>{' '}
            <select id="assignee" name="userId" required>
              {props.reviewers
                // Nobody takes over another's material for themselves, an admin included.
                .filter((r) => r.id !== claim?.userId && !(another && r.id === me))
                .map((r) => (
                  <option value={r.id}>{r.fullName}</option>
                ))}
            </select>{' '}
            <button type="submit">{t.triage.assign}</button>
          </PostForm>
        </div>
      )}
    </section>
  );
}
