import {
  ACTION_ITEM_STATE_LABELS,
  MEETING_STATE_LABELS,
  type ActionItemState,
  type MeetingState,
} from '@zhijiao/contracts';
import { Tag } from 'antd';
import { pick, useLang } from '@/lib/lang';

const MEETING_COLORS: Record<MeetingState, string> = {
  planned: 'blue',
  held: 'gold',
  minutes_final: 'green',
  closed: 'default',
};
const ITEM_COLORS: Record<ActionItemState, string> = {
  draft: 'default',
  open: 'blue',
  submitted: 'gold',
  returned: 'red',
  completed: 'green',
};

/** 筹备中 / 已召开 / 纪要已印发 / 已办结. */
export function MeetingStateTag({ state }: { state: MeetingState }) {
  const lang = useLang();
  return (
    <Tag color={MEETING_COLORS[state]} data-state={state}>
      {pick(MEETING_STATE_LABELS[state], lang)}
    </Tag>
  );
}

/** 落实中 / 待审核 / 已退回 / 已销号. */
export function ActionItemStateTag({ state }: { state: ActionItemState }) {
  const lang = useLang();
  return (
    <Tag color={ITEM_COLORS[state]} data-state={state}>
      {pick(ACTION_ITEM_STATE_LABELS[state], lang)}
    </Tag>
  );
}
