import {
  PLACEMENT_STATE_LABELS,
  POST_STATE_LABELS,
  type PlacementState,
  type PostState,
} from '@zhijiao/contracts';
import { Tag } from 'antd';
import { pick, useLang } from '@/lib/lang';

const POST_COLOURS: Record<PostState, string> = { draft: 'default', published: 'green', closed: 'default' };
const PLACEMENT_COLOURS: Record<PlacementState, string> = {
  draft: 'gold',
  active: 'green',
  completed: 'blue',
  terminated: 'default',
};

export function PostStateTag({ state }: { state: PostState }) {
  const lang = useLang();
  return <Tag color={POST_COLOURS[state]}>{pick(POST_STATE_LABELS[state], lang)}</Tag>;
}

export function PlacementStateTag({ state }: { state: PlacementState }) {
  const lang = useLang();
  return <Tag color={PLACEMENT_COLOURS[state]}>{pick(PLACEMENT_STATE_LABELS[state], lang)}</Tag>;
}
