import { ApiError } from '../../http/errors';

const SEQ = /^(0|[1-9][0-9]{0,14})$/;

/** The opaque cursor of a position in a change sequence. */
export function encodeCursor(seq: number): string {
  return Buffer.from(String(seq), 'utf8').toString('base64url');
}

/** The position a cursor stands for; an absent cursor is the start, a garbled one is refused. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!SEQ.test(text) || encodeCursor(Number(text)) !== cursor) {
    throw new ApiError('validation_failed', 'The cursor is not valid.');
  }
  return Number(text);
}
