/** The kinds of third-party personal data the detector reports (personal-data.md). */
export const PERSONAL_DATA_KINDS = [
  'iin',
  'phone',
  'email',
  'iban',
  'card',
  'id_document',
  'person_name',
  'home_address',
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** One piece of personal data found in a text: UTF-16 offsets, `end` exclusive. */
export type Finding = {
  kind: PersonalDataKind;
  start: number;
  end: number;
  /** 0..1; absent means the detector is certain (a checksum or a format that cannot be anything else). */
  confidence?: number;
};

/** A detector for one kind (or a family of kinds): pure, never throws, any order of findings. */
export type Detector = (text: string) => Finding[];
