import { startBackground } from '@/lib/browser/background';
import { WebTaggerDb } from '@/lib/storage/db';

// The background's dependencies are made here, once, and passed down.
export default defineBackground(() =>
  startBackground({
    db: new WebTaggerDb(),
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
    random: Math.random,
    estimateStorage: () => navigator.storage.estimate(),
  }),
);
