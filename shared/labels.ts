/** The UI languages every vocabulary value is labelled in. */
export const UI_LOCALES = ['ru', 'kk', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** A label in each UI language. */
export type Labels = Readonly<Record<UiLocale, string>>;

/** A vocabulary: fixed codes, each with its labels. */
export type Vocabulary<Code extends string> = Readonly<Record<Code, Labels>>;

/** The codes of a vocabulary, in declaration order, typed for z.enum. */
export function codesOf<Code extends string>(vocabulary: Vocabulary<Code>): [Code, ...Code[]] {
  return Object.keys(vocabulary) as [Code, ...Code[]];
}

/** The label of a code in a locale, falling back to the code itself for unknown values. */
export function labelOf<Code extends string>(
  vocabulary: Vocabulary<Code>,
  code: string,
  locale: UiLocale,
): string {
  return (vocabulary as Record<string, Labels>)[code]?.[locale] ?? code;
}
