import type { ReportInput } from '#shared/schemas/report';
import type {
  Availability,
  KzRegion,
  Language,
  Openness,
  ReportSource,
  ResourceType,
  Topic,
} from '#shared/taxonomy';
import type { LastUsedValues } from '../storage/meta';
import { UNSEEN_VALUES } from './defaults';
import type { GeographyHint } from './region-hints';

/** What the tagging form edits: a report's fields as the inputs hold them. */
export type FormValues = {
  resourceType: ResourceType;
  languages: Language[];
  /** Whether the material openly indicates a place; the three fields below count only then. */
  geoIndicated: boolean;
  country: string;
  region: KzRegion | '';
  locality: string;
  openness: Openness;
  availability: Availability;
  topics: Topic[];
  note: string;
  /** Capture the page's evidence (full-page screenshot and page copy) on Save. */
  captureEvidence: boolean;
  /** The id of an approved representation document, when the analyst represents the person. */
  basisDocumentId: string;
};

/** What the form tags: the captured page (or link), or a report being edited. */
export type FormTarget = {
  reportId: string;
  url: string;
  title: string;
  source: ReportSource;
  capturedAt: string;
  /** Kept from an edited report: an edit does not capture the page again. */
  evidence?: ReportInput['evidence'];
  files?: ReportInput['files'];
  capture?: ReportInput['capture'];
};

/** What the page suggests: languages from its markup and text, a place from its address. */
export type PageHints = { languages: Language[]; geography?: GeographyHint };

/** The fields a new form may pre-fill as suggestions, marked as such until the analyst touches them. */
export type SuggestedField =
  | 'resourceType'
  | 'openness'
  | 'availability'
  | 'languages'
  | 'geography';

/**
 * The values a new report starts from. Nothing the analyst did not see is recorded silently
 * (product.md, honest pre-fills): no topic is ticked (the last used and frequent ones are offered
 * as suggestions); languages and place come only from this page's own hints; the resource type,
 * openness and availability of the last report are suggested for a page the analyst looks at,
 * while a link nobody opened starts from "undetermined" and "unknown".
 */
export function initialFormValues(
  lastUsed: LastUsedValues,
  hints: PageHints,
  source: ReportSource = 'page',
): FormValues {
  const geography = hints.geography;
  const seen = source === 'page';
  return {
    resourceType: seen ? lastUsed.resourceType : UNSEEN_VALUES.resourceType,
    languages: hints.languages.length > 0 ? hints.languages : seen ? [] : UNSEEN_VALUES.languages,
    geoIndicated: geography !== undefined,
    country: geography?.country ?? '',
    region: geography?.region ?? '',
    locality: '',
    openness: seen ? lastUsed.openness : UNSEEN_VALUES.openness,
    availability: seen ? lastUsed.availability : UNSEEN_VALUES.availability,
    topics: [],
    note: '',
    // A link's target was never opened here: there is nothing of it to capture.
    captureEvidence: seen,
    basisDocumentId: '',
  };
}

/** The form values of a stored report, to edit it. */
export function formValuesOf(report: ReportInput): FormValues {
  const geography = report.geography;
  return {
    resourceType: report.resourceType,
    languages: report.languages,
    geoIndicated: geography.indicated,
    country: geography.indicated ? geography.country : '',
    region: (geography.indicated && geography.region) || '',
    locality: (geography.indicated && geography.locality) || '',
    openness: report.openness,
    availability: report.availability,
    topics: report.topics,
    note: report.note,
    captureEvidence: false,
    basisDocumentId: report.personalDataBasis?.documentId ?? '',
  };
}

/** The target of an edit: the report's own page, id and capture time. */
export function targetOf(report: ReportInput): FormTarget {
  return {
    reportId: report.id,
    url: report.url,
    title: report.title,
    source: report.source,
    capturedAt: report.capturedAt,
    ...(report.evidence ? { evidence: report.evidence } : {}),
    ...(report.files ? { files: report.files } : {}),
    ...(report.capture ? { capture: report.capture } : {}),
  };
}

/**
 * The report the form describes, for the shared schema to judge. Empty optional inputs are left
 * out rather than sent empty; the title, captured from the page, is cut to what a report holds.
 */
export function reportFromForm(
  values: FormValues,
  target: FormTarget,
  maxTitleLength: number,
): ReportInput {
  const locality = values.locality.trim();
  const region = values.country === 'KZ' ? values.region : '';
  const documentId = values.basisDocumentId.trim();
  return {
    id: target.reportId,
    url: target.url,
    title: target.title.slice(0, maxTitleLength),
    source: target.source,
    resourceType: values.resourceType,
    languages: values.languages,
    geography: values.geoIndicated
      ? {
          indicated: true,
          country: values.country,
          ...(region ? { region } : {}),
          ...(locality ? { locality } : {}),
        }
      : { indicated: false },
    openness: values.openness,
    availability: values.availability,
    topics: values.topics,
    note: values.note,
    capturedAt: target.capturedAt,
    ...(target.evidence ? { evidence: target.evidence } : {}),
    ...(target.files ? { files: target.files } : {}),
    ...(target.capture ? { capture: target.capture } : {}),
    ...(documentId ? { personalDataBasis: { kind: 'representation', documentId } } : {}),
  };
}
