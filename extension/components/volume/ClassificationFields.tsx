import { useMemo } from 'preact/hooks';
import {
  AVAILABILITY,
  AVAILABILITY_CODES,
  OPENNESS,
  OPENNESS_CODES,
  RESOURCE_TYPE_CODES,
  RESOURCE_TYPES,
  type Topic,
} from '#shared/taxonomy';
import type { FieldErrors } from '@/lib/form/validation';
import type { FormValues } from '@/lib/form/values';
import { GeographyFields } from '../form/GeographyFields';
import { LanguagePicker } from '../form/LanguagePicker';
import { NoteField } from '../form/NoteField';
import { TopicPicker } from '../form/TopicPicker';
import { usePersonalDataFinder } from '../form/usePersonalDataFinder';
import { VocabularySelect } from '../form/VocabularySelect';
import { PersonalDataWarning } from '../PersonalDataWarning';

type Props = {
  values: FormValues;
  onChange: (change: Partial<FormValues>) => void;
  errors: FieldErrors;
  frequent: readonly Topic[];
  offers: readonly Topic[];
  onSubmitShortcut: () => void;
};

/**
 * The single form's fields, for a whole batch or one item of it: topics, resource type, openness,
 * availability, languages, geography and the note with its personal-data warning. One set is on
 * the page at a time, so the fields keep the single form's ids and labels.
 */
export function ClassificationFields(props: Props) {
  const { values, onChange: update, errors } = props;
  const find = usePersonalDataFinder(!!(values.note || values.locality));
  const noteFindings = useMemo(() => (find ? find(values.note) : []), [find, values.note]);
  const localityFindings = useMemo(
    () => (find && values.geoIndicated ? find(values.locality) : []),
    [find, values.locality, values.geoIndicated],
  );
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
          error={errors.resourceType}
        />
        <VocabularySelect
          name="openness"
          label="opennessLabel"
          vocabulary={OPENNESS}
          codes={OPENNESS_CODES}
          value={values.openness}
          onChange={(openness) => update({ openness })}
          error={errors.openness}
        />
        <VocabularySelect
          name="availability"
          label="availabilityLabel"
          vocabulary={AVAILABILITY}
          codes={AVAILABILITY_CODES}
          value={values.availability}
          onChange={(availability) => update({ availability })}
          error={errors.availability}
        />
      </div>
      <LanguagePicker
        value={values.languages}
        onChange={(languages) => update({ languages })}
        suggested={false}
        error={errors.languages}
      />
      <GeographyFields
        value={values}
        onChange={update}
        suggested={false}
        errors={errors}
        localityWarning={
          <PersonalDataWarning
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
