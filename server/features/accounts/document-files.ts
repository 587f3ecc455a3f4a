import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Where uploads are written while they arrive, before they are checked and stored. */
export const spoolDir = (dataDir: string) => join(dataDir, 'uploads');

/**
 * Document files under `<dataDir>/documents/`, each named by its generated id only: nothing a
 * user sent ever becomes part of a path.
 */
export function documentFiles(dataDir: string) {
  const dir = join(dataDir, 'documents');
  const pathOf = (id: string) => {
    if (!GENERATED_ID.test(id)) throw new Error('a document file is named by its generated id');
    return join(dir, id);
  };
  const remove = (id: string) => rm(pathOf(id), { force: true });
  /** Overwrites the file's content with zeros before removing it, so its blocks keep nothing. */
  const destroy = async (id: string) => {
    const file = await open(pathOf(id), 'r+').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (file) {
      try {
        const { size } = await file.stat();
        const zeros = Buffer.alloc(Math.min(size, 1024 * 1024));
        for (let at = 0; at < size; at += zeros.length) {
          await file.write(zeros, 0, Math.min(zeros.length, size - at), at);
        }
        await file.sync();
      } finally {
        await file.close();
      }
    }
    await remove(id);
  };
  /** Moves a spooled upload in as a new file; never overwrites one. */
  const store = async (id: string, spooled: string) => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await link(spooled, pathOf(id));
    await rm(spooled, { force: true });
  };

  return {
    dir,
    read: (id: string): Promise<Buffer> => readFile(pathOf(id)),
    remove,
    destroy,
    /**
     * Moves the spooled files in, then runs `commit` (a database transaction). If anything fails
     * the stored files are removed again, so a failed upload leaves nothing behind.
     */
    async writeThenCommit<T>(
      files: { id: string; path: string }[],
      commit: () => T | Promise<T>,
    ): Promise<T> {
      const written: string[] = [];
      try {
        for (const file of files) {
          await store(file.id, file.path);
          written.push(file.id);
        }
        return await commit();
      } catch (err) {
        await Promise.all(written.map(remove));
        throw err;
      }
    },
  };
}
export type DocumentFiles = ReturnType<typeof documentFiles>;
