import type { Topic } from '#shared/taxonomy';
import type { WebTaggerDb } from '../storage/db';
import { getMeta, type LastUsedValues } from '../storage/meta';

/** The values a first report starts from, before the analyst has used the form. */
export const DEFAULT_FORM_VALUES: LastUsedValues = {
  resourceType: 'webpage',
  languages: ['ru'],
  geography: { indicated: false },
  openness: 'public',
  availability: 'accessible',
  topics: [],
};

/** The topics offered before the analyst's own usage says otherwise. */
export const DEFAULT_FREQUENT_TOPICS: readonly Topic[] = [
  'gambling',
  'fraud',
  'drugs',
  'extremism',
  'terrorism',
  'financial_pyramid',
];

/** How many topics the form and the link menu offer as the frequent ones. */
export const FREQUENT_TOPIC_COUNT = 6;

/** The form values of the analyst's last new report, or the defaults. */
export async function getLastUsedValues(db: WebTaggerDb): Promise<LastUsedValues> {
  return (await getMeta(db, 'lastUsed')) ?? DEFAULT_FORM_VALUES;
}

/** The analyst's most used topics, most used first, topped up with the defaults. */
export async function frequentTopics(
  db: WebTaggerDb,
  count = FREQUENT_TOPIC_COUNT,
): Promise<Topic[]> {
  return rankTopics(await getMeta(db, 'topicUsage'), count);
}

/** Ranks topics by use (ties keep the default order), topped up with the defaults. */
export function rankTopics(
  usage: Partial<Record<Topic, number>> | undefined,
  count: number,
): Topic[] {
  const used = (Object.entries(usage ?? {}) as [Topic, number][])
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || defaultRank(a) - defaultRank(b))
    .map(([topic]) => topic);
  const ranked = [...used, ...DEFAULT_FREQUENT_TOPICS.filter((t) => !used.includes(t))];
  return ranked.slice(0, count);
}

function defaultRank(topic: Topic): number {
  const i = DEFAULT_FREQUENT_TOPICS.indexOf(topic);
  return i < 0 ? DEFAULT_FREQUENT_TOPICS.length : i;
}
