import { describe, expect, it } from 'vitest';
import { freshStorageEach, STORAGE_ENGINES } from '../testing/storage-engines';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 10, minute)).toISOString();

describe.each(STORAGE_ENGINES)('the abuse limits’ failures on $engine', ({ open }) => {
  const t = freshStorageEach(open);

  it('answers a key’s failures after a time, newest first, at most as many as asked', async () => {
    const { limits } = t.storage;
    for (const minute of [1, 2, 3, 4])
      await limits.recordFailure('login-account', 'k', at(minute), at(0));
    await limits.recordFailure('login-account', 'other', at(5), at(0));
    await limits.recordFailure('registration', 'k', at(5), at(0));
    expect(await limits.failures('login-account', 'k', at(1), 10)).toEqual([at(4), at(3), at(2)]);
    expect(await limits.failures('login-account', 'k', at(0), 2)).toEqual([at(4), at(3)]);
    expect(await limits.failures('registration', 'k', at(0), 10)).toEqual([at(5)]);
    expect(await limits.failures('login-pair', 'k', at(0), 10)).toEqual([]);
  });

  it('drops the log’s failures before the window as a new one arrives, and all of them on forget', async () => {
    const { limits } = t.storage;
    await limits.recordFailure('login-address', 'a', at(1), at(0));
    await limits.recordFailure('registration', 'a', at(1), at(0));
    await limits.recordFailure('login-address', 'b', at(10), at(5));
    expect(await limits.failures('login-address', 'a', at(0), 10)).toEqual([]);
    expect(await limits.failures('registration', 'a', at(0), 10)).toEqual([at(1)]);
    await limits.forget(at(11));
    expect(await limits.failures('registration', 'a', at(0), 10)).toEqual([]);
    expect(await limits.failures('login-address', 'b', at(0), 10)).toEqual([]);
  });

  it('counts the failures of two processes on one database together, also when they arrive at once', async () => {
    const second = await t.openReplica();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? t.storage : second).limits.recordFailure(
          'login-account',
          'k',
          at(i + 1),
          at(0),
        ),
      ),
    );
    expect(await t.storage.limits.failures('login-account', 'k', at(0), 100)).toHaveLength(10);
    expect(await second.limits.failures('login-account', 'k', at(0), 100)).toHaveLength(10);
  });
});
