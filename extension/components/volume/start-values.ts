import type { ReportSource, Topic } from '#shared/taxonomy';
import {
  DEFAULT_FORM_VALUES,
  FREQUENT_TOPIC_COUNT,
  rankTopics,
  suggestedTopics,
} from '@/lib/form/defaults';
import { type FormValues, initialFormValues } from '@/lib/form/values';
import type { DbOpener } from '@/lib/storage/local-db';
import { readMeta } from '@/lib/storage/meta';

/** What a batch's values start from, and the topics offered. */
export type StartValues = { values: FormValues; frequent: Topic[]; offers: Topic[] };

/**
 * A batch starts as the single form does for its kind (values.ts, honest pre-fills): tabs the
 * analyst has open take the last report's type, openness and availability; links and pasted
 * addresses nobody opened start from "undetermined" and "unknown". No topic is ticked.
 */
export async function readStartValues(db: DbOpener, source: ReportSource): Promise<StartValues> {
  const [usage, lastUsed] = await readMeta(db.name, ['topicUsage', 'lastUsed']);
  const frequent = rankTopics(usage, FREQUENT_TOPIC_COUNT);
  const last = lastUsed ?? DEFAULT_FORM_VALUES;
  return {
    values: initialFormValues(last, { languages: [] }, source),
    frequent,
    offers: suggestedTopics(last.topics, frequent),
  };
}
