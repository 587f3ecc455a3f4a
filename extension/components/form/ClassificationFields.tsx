import {
  AVAILABILITY,
  AVAILABILITY_CODES,
  type Language,
  OPENNESS,
  OPENNESS_CODES,
  RESOURCE_TYPE_CODES,
  RESOURCE_TYPES,
  type Topic,
} from '#shared/taxonomy';
import type { FieldErrors } from '@/lib/form/validation';
import type { FormValues, SuggestedField } from '@/lib/form/values';
import { t } from '@/lib/i18n/i18n';
import { FoundPersonalData } from './FoundPersonalData';
import { GeographyFields } from './GeographyFields';
import { LanguagePicker } from './LanguagePicker';
import { NoteField } from './NoteField';
import { SuggestionMark } from './SuggestionMark';
import { TopicPicker } from './TopicPicker';
import { type FieldFindings, useFieldFindings } from './usePersonalDataFinder';

import { VocabularySelect } from './VocabularySelect';

type Props = {
  values: FormValues;
  onChange: (change: Partial<FormValues>) => void;
  errors: FieldErrors;
  frequent: readonly Topic[];
  offers: readonly Topic[];
  onSubmitShortcut: () => void;
  /** Fields pre-filled from the last report or the page's hints, marked "suggested". */
  suggested?: Partial<Record<SuggestedField, true>>;
  /** Languages the page suggests, one click each. */
  languageOffers?: readonly Language[];
  /** What the detector found, when the caller needs it too; found here otherwise. */
  findings?: FieldFindings;
};

/**
 * A report's classification fields, for one page or for a whole batch or one item of it: topics,
 * resource type, openness, availability, languages, geography and the note with its personal-data
 * warning. One set is on a page at a time, so the fields keep the same ids and labels everywhere.
 */
export function ClassificationFields(props: Props) {
  const { values, onChange: update, errors, suggested = {} } = props;
  const found = useFieldFindings(props.findings ? undefined : values);
  const { note: noteFindings, locality: localityFindings } = props.findings ?? found;
  return (
    <>
      <TopicPicker
        value={values.topics}
        onChange={(topics) => update({ topics })}
        frequent={props.frequent}
        offers={props.offers}
        error={errors.topics}
      />
      <div class="grid-3">
        <VocabularySelect
          name="resourceType"
          label="resourceTypeLabel"
          vocabulary={RESOURCE_TYPES}
          codes={RESOURCE_TYPE_CODES}
          value={values.resourceType}
          onChange={(resourceType) => update({ resourceType })}
          suggested={!!suggested.resourceType}
          error={errors.resourceType}
        />
        <VocabularySelect
          name="openness"
          label="opennessLabel"
          vocabulary={OPENNESS}
          codes={OPENNESS_CODES}
          value={values.openness}
          onChange={(openness) => update({ openness })}
          suggested={!!suggested.openness}
          error={errors.openness}
        />
        <VocabularySelect
          name="availability"
          label="availabilityLabel"
          vocabulary={AVAILABILITY}
          codes={AVAILABILITY_CODES}
          value={values.availability}
          onChange={(availability) => update({ availability })}
          suggested={!!suggested.availability}
          error={errors.availability}
        />
      </div>
      {(suggested.resourceType || suggested.openness || suggested.availability) && (
        <p class="hint" data-testid="values-suggested">
          <SuggestionMark /> {t('lastValuesSuggested')}
        </p>
      )}
      <LanguagePicker
        value={values.languages}
        onChange={(languages) => update({ languages })}
        suggested={!!suggested.languages}
        offers={props.languageOffers}
        error={errors.languages}
      />
      <GeographyFields
        value={values}
        onChange={update}
        suggested={!!suggested.geography}
        errors={errors}
        localityWarning={
          <FoundPersonalData
            text={values.locality}
            findings={localityFindings}
            field="locality"
            mirror={false}
          />
        }
      />
      <NoteField
        value={values.note}
        onChange={(note) => update({ note })}
        findings={noteFindings}
        error={errors.note}
        onSubmitShortcut={props.onSubmitShortcut}
      />
    </>
  );
}
