import type { Availability, Language, Openness, ResourceType, Topic } from '#shared/taxonomy';
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

/**
 * What a report says of a target nobody has looked at yet (a link tagged from the menu): the
 * taxonomy's "undetermined" and "unknown", never the previous page's values. A resource type has
 * no "unknown": a link names a web page until someone sees more.
 */
export const UNSEEN_VALUES: {
  resourceType: ResourceType;
  languages: Language[];
  openness: Openness;
  availability: Availability;
} = { resourceType: 'webpage', languages: ['und'], openness: 'unknown', availability: 'unknown' };

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

/** The topics the form offers as one-click suggestions: the last used first, then the frequent. */
export function suggestedTopics(lastUsed: readonly Topic[], frequent: readonly Topic[]): Topic[] {
  return [...new Set([...lastUsed, ...frequent])].slice(0, FREQUENT_TOPIC_COUNT);
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
