import type {
  CourseCategory,
  MajorStatus,
  NationalStandard,
  ProjectFileStage,
  ProjectKind,
  ProjectLevel,
  ProjectState,
  ResourceLicence,
  ResourceShareState,
  ResourceType,
  TextbookType,
} from '@zhijiao/contracts';
import type { UnitRef } from '@/lib/api-types';

/** A major or course by name; `id` only when the reader may open it. */
export interface NamedRef {
  id: string | null;
  name: string;
}

export interface CatalogueEntry {
  code: string;
  name: string;
  categoryCode: string;
  categoryName: string;
  verified: boolean;
}

export interface Major {
  id: string;
  school: UnitRef;
  catalogue: CatalogueEntry & { version: string };
  name: string;
  direction: string;
  status: MajorStatus;
  establishedYear: number | null;
  standards: Array<{ standard: NationalStandard; adoptedOn: string; note: string }>;
  enrolment: Array<{ year: number; intake: number; enrolled: number }>;
  abilities: { edit: boolean };
}

export interface Textbook {
  id: string;
  title: string;
  isbn: string;
  publisher: string;
  nationalPlanned: boolean;
  textbookType: TextbookType;
  hasDigitalResources: boolean;
  digitalResources: string;
}

export interface Course {
  id: string;
  school: UnitRef;
  major: { id: string; name: string } | null;
  code: string;
  name: string;
  category: CourseCategory;
  hours: number | null;
  textbooks: Textbook[];
  abilities: { edit: boolean };
}

export interface ProjectAbilities {
  edit: boolean;
  submit: boolean;
  withdraw: boolean;
  score: boolean;
  decide: boolean;
  midterm: boolean;
  acceptance: boolean;
}

export interface ProjectSummary {
  id: string;
  kind: ProjectKind;
  title: string;
  school: UnitRef;
  major: { id: string; name: string } | null;
  course: { id: string; name: string } | null;
  teacherName: string;
  state: ProjectState;
  level: ProjectLevel | null;
  averageScore: number | null;
  appliedAt: string | null;
  approvedOn: string | null;
  midtermOn: string | null;
  closedOn: string | null;
  abilities: ProjectAbilities;
}

export interface ProjectDetail extends ProjectSummary {
  summary: string;
  decisionNote: string;
  files: Array<{ id: string; name: string; sizeBytes: number; mime: string; stage: ProjectFileStage }>;
  events: Array<{ at: string; action: string; comment: string | null; actorName: string }>;
  reviews: Array<{
    reviewer: string | null;
    mine: boolean;
    score: number | null;
    opinion: string;
    scoredAt: string;
  }>;
}

export interface Resource {
  id: string;
  school: UnitRef;
  major: NamedRef | null;
  course: NamedRef | null;
  resourceType: ResourceType;
  licence: ResourceLicence;
  title: string;
  description: string;
  shareState: ResourceShareState;
  sharedOn: string | null;
  refusalReason: string | null;
  file: { name: string; sizeBytes: number; mime: string; previewable: boolean };
  usage: { previews: number; downloads: number };
  createdAt: string;
  abilities: { edit: boolean; delete: boolean; requestSharing: boolean; reviewSharing: boolean };
}

export interface SearchResult {
  items: Resource[];
  total: number;
  totalIsLowerBound: boolean;
}
