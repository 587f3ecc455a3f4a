/** @jsxImportSource hono/jsx */
import { STATUSES_WITH_LEGAL_GROUND } from '#shared/legal-grounds';
import { REVIEW_TRANSITIONS } from '#shared/review-status';
import type { MaterialRef } from '#shared/schemas/relations';
import type { MaterialSummary } from '#shared/schemas/review';
import { DECISION_COMMENT_LENGTH } from '#shared/schemas/review';
import { heldByAnother } from '../../storage/claim-rules';
import { formatTime } from '../components/format';
import { Field, type FieldErrors, PostForm, Select, TextArea } from '../components/forms';
import type { View } from '../view';
import { label } from '../vocabulary';
import { type LegalGroundDraft, LegalGroundFields } from './legal-ground-fields';
import { holderName } from './triage-texts';

/** What the reviewer typed, kept when the form comes back. */
export type DecisionDraft = {
  status?: string;
  comment?: string;
  reporterComment?: string;
  duplicateOf?: string;
  duplicateOfOther?: string;
} & LegalGroundDraft;

/**
 * The decision form: only the statuses the workflow allows next, the internal comment, a comment
 * for the reporters, the version seen. A material another reviewer holds shows who decides it
 * instead.
 */
export function DecisionForm(props: {
  view: View;
  material: MaterialSummary;
  draft?: DecisionDraft;
  errors?: FieldErrors;
  /** The materials offered as a duplicate's original, related ones first. */
  originals?: MaterialRef[];
}) {
  const { view, material } = props;
  const { t } = view;
  const next = REVIEW_TRANSITIONS[material.status];
  if (next.length === 0) return <p>{t.material.noNextStatus}</p>;
  // Another reviewer's material is theirs to decide: a form here would only be refused.
  const claim = material.claim;
  if (claim && heldByAnother(claim, view.viewer?.id)) {
    return (
      <p class="notice" id="decision">
        {t.triage.decisionHeldBy(holderName(t, claim), formatTime(claim.since))}
      </p>
    );
  }
  const errors = props.errors ?? {};
  const chosen = props.draft?.status ?? (next.length === 1 ? next[0] : undefined);
  return (
    <PostForm view={view} action={`/review/materials/${material.id}/decision`} id="decision">
      <input type="hidden" name="expectedVersion" value={String(material.version)} />
      <fieldset class={errors.status ? 'field invalid' : 'field'}>
        <legend>{t.material.newStatus}</legend>
        {next.map((status) => (
          <div class="field check">
            <input
              type="radio"
              id={`status-${status}`}
              name="status"
              value={status}
              checked={status === chosen}
              required
            />
            <label for={`status-${status}`}>{label('status', status, view.lang)}</label>
          </div>
        ))}
        {errors.status && <p class="error">{errors.status}</p>}
      </fieldset>
      <TextArea
        name="comment"
        label={t.material.internalComment}
        value={props.draft?.comment}
        maxlength={DECISION_COMMENT_LENGTH}
        errors={errors}
      />
      <TextArea
        name="reporterComment"
        label={t.material.reporterComment}
        hint={t.material.reporterCommentHint}
        value={props.draft?.reporterComment}
        rows={3}
        maxlength={DECISION_COMMENT_LENGTH}
        errors={errors}
      />
      {next.some((status) =>
        (STATUSES_WITH_LEGAL_GROUND as readonly string[]).includes(status),
      ) && (
        <LegalGroundFields
          view={view}
          topics={material.topics}
          draft={props.draft}
          errors={errors}
        />
      )}
      {next.includes('duplicate') && (
        <OriginalFields
          view={view}
          originals={props.originals ?? []}
          draft={props.draft}
          errors={errors}
        />
      )}
      <button type="submit">{t.material.decide}</button>
    </PostForm>
  );
}

/** A duplicate's original: one of the related materials, or any other by its id. */
function OriginalFields(props: {
  view: View;
  originals: MaterialRef[];
  draft?: DecisionDraft;
  errors: FieldErrors;
}) {
  const { view } = props;
  const { t } = view;
  return (
    <fieldset class="field">
      <legend>{t.relations.original}</legend>
      <Select
        name="duplicateOf"
        label={t.relations.original}
        hint={t.relations.originalHint}
        value={props.draft?.duplicateOf}
        anyLabel="—"
        options={props.originals.map((m) => ({
          value: m.id,
          label: `${m.title || m.url} (${label('status', m.status, view.lang)})`,
        }))}
        errors={props.errors}
      />
      <Field
        name="duplicateOfOther"
        label={t.relations.otherOriginal}
        value={props.draft?.duplicateOfOther}
        maxlength={36}
        errors={props.errors}
      />
    </fieldset>
  );
}
