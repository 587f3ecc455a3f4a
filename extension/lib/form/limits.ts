/**
 * The limits of a report the form needs at first paint. They mirror `LIMITS` of
 * `#shared/schemas/report` (a test keeps them equal) so that the popup's first paint does not
 * load zod; validation itself still runs the shared schema.
 */
export const FORM_LIMITS = {
  noteLength: 2000,
  maxLanguages: 5,
  maxTopics: 5,
} as const;
