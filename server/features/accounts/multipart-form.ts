import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { z } from 'zod';
import { ApiError, validationError } from '../../http/errors';

/** A file part written to disk as it arrived, with what the checks need to know of it. */
export type SpooledFile = {
  /** Where its bytes are until they are stored or discarded. */
  path: string;
  name: string;
  bytes: number;
  sha256: string;
  /** Its first bytes, for the type check. */
  head: Uint8Array;
};

/** A multipart body split into its text fields and its files, each by field name. */
export type MultipartForm = {
  fields: Map<string, string[]>;
  files: Map<string, SpooledFile[]>;
  /** Removes the files still spooled (those not moved into storage). Safe to call again. */
  discard(): Promise<void>;
};

export type MultipartLimits = {
  /** Folder the file parts are written to while they arrive (under the data folder). */
  spoolDir: string;
  maxFileBytes: number;
  maxFiles: number;
};

const HEAD_BYTES = 1024;
const MAX_FIELDS = 50;
const MAX_FIELD_BYTES = 64 * 1024;
const invalid = (message: string) => new ApiError('validation_failed', message);

/** Whether the request says it carries multipart/form-data. */
export const isMultipart = (contentType: string | undefined) =>
  /^multipart\/form-data\b/i.test(contentType ?? '');

/**
 * Reads a multipart/form-data body as it streams in: file parts go straight to disk, and the
 * limits (file size, number of files and fields) are enforced while reading, so that nothing
 * holds a whole upload in memory and an oversize body is refused when its limit is crossed.
 * unsupported_media_type for another type, validation_failed if malformed, payload_too_large.
 */
export async function readMultipart(
  request: Request,
  limits: MultipartLimits,
): Promise<MultipartForm> {
  const contentType = request.headers.get('content-type') ?? undefined;
  if (!isMultipart(contentType)) {
    throw new ApiError('unsupported_media_type', 'Send multipart/form-data.');
  }
  const spooled: string[] = [];
  const form: MultipartForm = {
    fields: new Map(),
    files: new Map(),
    async discard() {
      await Promise.all(spooled.splice(0).map((path) => rm(path, { force: true })));
    },
  };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // Browsers send file names in UTF-8.
      defParamCharset: 'utf8',
      limits: {
        // busboy reports reaching its limit, not passing it: one byte more is what is refused.
        fileSize: limits.maxFileBytes + 1,
        files: limits.maxFiles,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
      },
    });
  } catch {
    throw invalid('The multipart body is malformed.');
  }
  await mkdir(limits.spoolDir, { recursive: true, mode: 0o700 });
  const writes: Promise<void>[] = [];
  const parts: Readable[] = [];
  let refusal: Error | undefined;
  // A refused body is still read to its end (within the route's body limit), its parts
  // discarded: stopping mid-body would leave the client unable to read the answer.
  const refuse = (error: Error) => {
    refusal ??= error;
  };

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) return refuse(invalid(`"${name.slice(0, 50)}" is too long.`));
    form.fields.set(name, [...(form.fields.get(name) ?? []), value]);
  });
  parser.on('file', (field, stream, info) => {
    const path = join(limits.spoolDir, randomUUID());
    spooled.push(path);
    parts.push(stream);
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let bytes = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        if (bytes < HEAD_BYTES) head.push(chunk.subarray(0, HEAD_BYTES - bytes));
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    stream.on('limit', () =>
      refuse(new ApiError('payload_too_large', 'A document may be at most 10 MiB.')),
    );
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    const written = new Promise<void>((resolve) => {
      let failed = false;
      const fail = (err: unknown) => {
        if (failed) return;
        failed = true;
        refuse(storageOrInvalid(err));
        stream.unpipe(measure);
        out.destroy();
        stream.resume(); // the parser goes on only once this part is read
        resolve();
      };
      out.on('error', fail);
      measure.on('error', fail);
      out.on('finish', () => {
        if (failed) return;
        // A browser sends an empty, nameless part for a file input left empty: that is no file.
        if (!(info.filename === '' && bytes === 0) && !refusal) {
          const file: SpooledFile = {
            path,
            name: info.filename ?? '',
            bytes,
            sha256: hash.digest('hex'),
            head: new Uint8Array(Buffer.concat(head)),
          };
          form.files.set(field, [...(form.files.get(field) ?? []), file]);
        }
        resolve();
      });
      stream.pipe(measure).pipe(out);
    });
    writes.push(written);
  });
  parser.on('filesLimit', () => refuse(invalid(`Send at most ${limits.maxFiles} file(s).`)));
  parser.on('fieldsLimit', () => refuse(invalid('The form has too many fields.')));

  try {
    if (!request.body) throw invalid('The multipart body is empty.');
    await pipeline(Readable.fromWeb(request.body as never), parser);
    await Promise.all(writes);
    if (refusal) throw refusal;
    return form;
  } catch (err) {
    for (const part of parts) part.resume();
    await Promise.allSettled(writes);
    await form.discard();
    if (refusal) throw refusal;
    throw storageOrInvalid(err);
  }
}

/** A failure while reading: the body's fault (malformed), unless it is the server's own. */
function storageOrInvalid(err: unknown): Error {
  if (err instanceof ApiError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  // Errors of the disk are the server's, not the sender's: the error handler answers them.
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EIO' || code === 'EACCES') {
    return err as Error;
  }
  return invalid('The multipart body is malformed.');
}

/** The text fields the schema names, each given once and as text (not as a file), validated. */
export function formFields<S extends z.ZodObject>(form: MultipartForm, schema: S): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    if (form.files.has(name)) throw invalid(`"${name}" must be a text field, not a file.`);
    const values = form.fields.get(name) ?? [];
    if (values.length > 1) throw invalid(`"${name}" must be given once.`);
    if (values[0] !== undefined) raw[name] = values[0];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** The files of one field, min to max of them; files under any other name are refused. */
export function formFiles(
  form: MultipartForm,
  name: string,
  count: { min: number; max: number },
): SpooledFile[] {
  if (form.fields.has(name)) throw invalid(`"${name}" must be sent as files.`);
  for (const other of form.files.keys()) {
    if (other !== name) throw invalid(`Unexpected file field "${other.slice(0, 50)}".`);
  }
  const files = form.files.get(name) ?? [];
  if (files.length < count.min || files.length > count.max) {
    throw invalid(`Send ${count.min}–${count.max} file(s) as "${name}".`);
  }
  return files;
}
