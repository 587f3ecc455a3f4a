/** Why a time-stamp token was not obtained or is not accepted. */
export class TimestampError extends Error {}
