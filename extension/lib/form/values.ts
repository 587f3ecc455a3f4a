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

/**
 * The values a new report starts from: the analyst's last choices, with the languages and the
 * place the page itself suggests. The last used topics stay, so one click saves a series of
 * similar pages; geography is the page's own, never the previous page's.
 */
export function initialFormValues(lastUsed: LastUsedValues, hints: PageHints): FormValues {
  const geography = hints.geography;
  return {
    resourceType: lastUsed.resourceType,
    languages: hints.languages.length > 0 ? hints.languages : lastUsed.languages,
    geoIndicated: geography !== undefined,
    country: geography?.country ?? '',
    region: geography?.region ?? '',
    locality: '',
    openness: lastUsed.openness,
    availability: lastUsed.availability,
    topics: lastUsed.topics,
    note: '',
    captureEvidence: true,
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
