import {
  PROJECT_LEVEL_LABELS,
  PROJECT_STATE_LABELS,
  RESOURCE_SHARE_STATE_LABELS,
  type ProjectLevel,
  type ProjectState,
  type ResourceShareState,
} from '@zhijiao/contracts';
import { Tag } from 'antd';
import { pick, useLang } from '@/lib/lang';

const STATE_COLOR: Record<ProjectState, string> = {
  draft: 'default',
  applied: 'blue',
  reviewing: 'processing',
  approved: 'cyan',
  rejected: 'red',
  midterm_passed: 'geekblue',
  accepted: 'green',
  failed: 'red',
  withdrawn: 'default',
};

/** A project's state as a coloured tag. */
export function ProjectStateTag({ state }: { state: ProjectState }) {
  const lang = useLang();
  return (
    <Tag color={STATE_COLOR[state]} data-testid={`project-state-${state}`}>
      {pick(PROJECT_STATE_LABELS[state], lang)}
    </Tag>
  );
}

/** 区级 / 市级 / 省级 / 国家级, or a dash before approval. */
export function LevelTag({ level }: { level: ProjectLevel | null }) {
  const lang = useLang();
  if (!level) return <>–</>;
  const color = { district: 'default', city: 'blue', provincial: 'purple', national: 'gold' }[level];
  return <Tag color={color}>{pick(PROJECT_LEVEL_LABELS[level], lang)}</Tag>;
}

const SHARE_COLOR: Record<ResourceShareState, string> = {
  private: 'default',
  pending: 'gold',
  shared: 'green',
  refused: 'red',
};

/** Whether a resource is its school's only, awaiting review, shared or refused. */
export function ShareStateTag({ state }: { state: ResourceShareState }) {
  const lang = useLang();
  return <Tag color={SHARE_COLOR[state]}>{pick(RESOURCE_SHARE_STATE_LABELS[state], lang)}</Tag>;
}
