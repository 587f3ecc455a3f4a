/** @jsxImportSource hono/jsx */
import {
  LEGAL_GROUND_CODES,
  LEGAL_GROUNDS,
  type LegalGroundChoice,
  suggestedLegalGrounds,
} from '#shared/legal-grounds';
import type { Topic } from '#shared/taxonomy';
import type { FieldErrors } from '../components/forms';
import type { View } from '../view';

/** What the reviewer chose or typed for the legal ground, kept when the form comes back. */
export type LegalGroundDraft = { legalGround?: string; courtNumber?: string; courtDate?: string };

/** The legal ground as the decision form posts it: none, or a code with a court decision's data. */
export function legalGroundFromForm(raw: LegalGroundDraft): unknown {
  if (!raw.legalGround) return undefined;
  const court =
    raw.courtNumber || raw.courtDate
      ? { number: raw.courtNumber ?? '', date: raw.courtDate ?? '' }
      : undefined;
  return { code: raw.legalGround, ...(court && { courtDecision: court }) };
}

/** A legal ground for the page: its label, with the court decision's number and date. */
export function legalGroundText(ground: LegalGroundChoice, view: View): string {
  const label = LEGAL_GROUNDS[ground.code][view.lang];
  const court = ground.courtDecision;
  return court ? `${label}: № ${court.number}, ${court.date}` : label;
}

/** The legal ground of a decision: the grounds the topics suggest first, then every other one. */
export function LegalGroundFields(props: {
  view: View;
  topics: readonly Topic[];
  draft?: LegalGroundDraft;
  errors?: FieldErrors;
  /** A notice must cite a ground: no "not cited" choice, and its own hint. */
  required?: { hint: string };
}) {
  const { view } = props;
  const t = view.t.material;
  const suggested = suggestedLegalGrounds(props.topics);
  const others = LEGAL_GROUND_CODES.filter((code) => !suggested.includes(code));
  const chosen = props.draft?.legalGround ?? '';
  const option = (code: string) => (
    <option value={code} selected={code === chosen}>
      {LEGAL_GROUNDS[code as keyof typeof LEGAL_GROUNDS][view.lang]}
    </option>
  );
  const error = props.errors?.legalGround;
  return (
    <fieldset class={error ? 'field invalid' : 'field'}>
      <legend>{t.legalGround}</legend>
      <p class="hint" id="legalGround-hint">
        {props.required?.hint ?? t.legalGroundHint}
      </p>
      <select
        id="legalGround"
        name="legalGround"
        aria-describedby="legalGround-hint"
        required={!!props.required}
      >
        {!props.required && <option value="">{t.legalGroundNone}</option>}
        {suggested.length > 0 && (
          <optgroup label={t.legalGroundSuggested}>{suggested.map(option)}</optgroup>
        )}
        <optgroup label={t.legalGroundOther}>{others.map(option)}</optgroup>
      </select>
      <div class="field">
        <label for="courtNumber">{t.courtNumber}</label>
        <input
          id="courtNumber"
          name="courtNumber"
          type="text"
          maxlength={100}
          value={props.draft?.courtNumber}
        />
      </div>
      <div class="field">
        <label for="courtDate">{t.courtDate}</label>
        <input id="courtDate" name="courtDate" type="date" value={props.draft?.courtDate} />
      </div>
      {error && <p class="error">{error}</p>}
    </fieldset>
  );
}
