/** Which characters of a text findings already hold; linear in the length of the spans asked. */
export type Claims = {
  /** Whether any character of [start, end) is held. */
  overlaps(start: number, end: number): boolean;
  /** Whether every character of [start, end) is held. */
  covers(start: number, end: number): boolean;
  /** Holds [start, end). */
  claim(start: number, end: number): void;
};

/** Claims over a text of the given length, none held yet. */
export function createClaims(length: number): Claims {
  // Most texts hold no finding at all: the array is only made by the first claim.
  let held: Uint8Array | undefined;
  return {
    overlaps(start, end) {
      if (!held) return false;
      for (let i = start; i < end; i++) if (held[i]) return true;
      return false;
    },
    covers(start, end) {
      if (!held) return start >= end;
      for (let i = start; i < end; i++) if (!held[i]) return false;
      return true;
    },
    claim(start, end) {
      held ??= new Uint8Array(length);
      held.fill(1, start, end);
    },
  };
}

/** Claims that hold nothing, for a detector that runs on its own. */
export const NO_CLAIMS: Claims = {
  overlaps: () => false,
  covers: () => false,
  claim: () => {},
};
