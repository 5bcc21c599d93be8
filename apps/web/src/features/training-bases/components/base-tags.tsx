import {
  TRAINING_BASE_KIND_LABELS,
  TRAINING_BASE_STATUS_LABELS,
  type TrainingBaseKind,
  type TrainingBaseStatus,
} from '@zhijiao/contracts';
import { Tag } from 'antd';
import { pick, useLang } from '@/lib/lang';

const STATUS_COLOURS: Record<TrainingBaseStatus, string> = {
  planned: 'default',
  building: 'gold',
  operating: 'green',
};
const KIND_COLOURS: Record<TrainingBaseKind, string> = {
  high_level: 'purple',
  in_school: 'blue',
  co_built: 'cyan',
};

export function BaseStatusTag({ status }: { status: TrainingBaseStatus }) {
  const lang = useLang();
  return <Tag color={STATUS_COLOURS[status]}>{pick(TRAINING_BASE_STATUS_LABELS[status], lang)}</Tag>;
}

export function BaseKindTag({ kind }: { kind: TrainingBaseKind }) {
  const lang = useLang();
  return <Tag color={KIND_COLOURS[kind]}>{pick(TRAINING_BASE_KIND_LABELS[kind], lang)}</Tag>;
}
