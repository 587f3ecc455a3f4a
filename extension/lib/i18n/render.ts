/** A message of a locale file, as `_locales/<locale>/messages.json` holds it. */
export type MessageEntry = { message: string; placeholders?: Record<string, { content: string }> };
export type LocaleMessages = Record<string, MessageEntry>;

/** A message as the browser renders it: named placeholders, then `$1`…`$9`, then `$$`. */
export function renderMessage(
  entry: MessageEntry | undefined,
  substitutions?: string | string[],
): string {
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const found = Object.entries(entry.placeholders ?? {}).find(
      ([key]) => key.toLowerCase() === name.toLowerCase(),
    );
    return found ? found[1].content : whole;
  });
  return withPlaceholders
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '')
    .replace(/\$\$/g, '$');
}
