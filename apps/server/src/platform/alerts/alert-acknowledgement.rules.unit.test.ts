import { describe, expect, it } from 'vitest';
import {
  acknowledgementKey,
  checkAcknowledgements,
  normaliseNote,
  type AcknowledgeableAlert,
} from './alert-acknowledgement.rules.ts';

const HRSS = { id: 'u-hrss', name: '区人社局' };
const FIN = { id: 'u-fin', name: '区财政局' };
const alert = (over: Partial<AcknowledgeableAlert>): AcknowledgeableAlert => ({
  id: 'report_overdue:t10:q2',
  kind: 'report_overdue',
  tier: 'yellow',
  unit: HRSS,
  title: '（十）开展职业培训',
  ...over,
});
const current = [
  alert({}),
  alert({
    id: 'indicator:i20',
    kind: 'indicator_off_track',
    tier: 'red',
    unit: FIN,
    title: '（二十）生均拨款',
  }),
  alert({ id: 'milestone:m1', kind: 'milestone_overdue', title: null }),
];

describe('checkAcknowledgements', () => {
  it('accepts the actor’s own unit’s alerts at their current tier, once each', () => {
    const { accepted, refused } = checkAcknowledgements({ orgUnitId: HRSS.id }, current, [
      { id: 'report_overdue:t10:q2', tier: 'yellow' },
      { id: 'milestone:m1', tier: 'yellow' },
      { id: 'report_overdue:t10:q2', tier: 'yellow' },
    ]);
    expect(refused).toEqual([]);
    expect(accepted.map((a) => a.id)).toEqual(['report_overdue:t10:q2', 'milestone:m1']);
  });

  it('refuses an alert addressed to another unit, naming the alert and the unit', () => {
    const { accepted, refused } = checkAcknowledgements({ orgUnitId: HRSS.id }, current, [
      { id: 'indicator:i20', tier: 'red' },
    ]);
    expect(accepted).toEqual([]);
    expect(refused).toEqual([
      {
        field: 'items[0]',
        code: 'ALERT_NOT_OWN_UNIT',
        id: 'indicator:i20',
        message: '「（二十）生均拨款」的指标偏离预警发给区财政局，只能由该单位知悉',
        messageEn:
          'The “Indicator off track” alert on “（二十）生均拨款” is addressed to 区财政局; only that unit can acknowledge it',
      },
    ]);
  });

  it('refuses a tier the alert no longer has, and an alert not in the list', () => {
    const { refused } = checkAcknowledgements({ orgUnitId: HRSS.id }, current, [
      { id: 'report_overdue:t10:q2', tier: 'blue' },
      { id: 'supervision:gone', tier: 'red' },
    ]);
    expect(refused.map((r) => [r.field, r.code])).toEqual([
      ['items[0]', 'ALERT_TIER_CHANGED'],
      ['items[1]', 'NOT_FOUND'],
    ]);
    expect(refused[0]!.message).toBe(
      '「（十）开展职业培训」的逾期未报预警已由蓝色提示变为黄色预警，请刷新后按当前等级知悉',
    );
    expect(refused[1]!.message).toContain('supervision:gone');
  });

  it('names an alert without a title by its id', () => {
    const { refused } = checkAcknowledgements({ orgUnitId: FIN.id }, current, [
      { id: 'milestone:m1', tier: 'yellow' },
    ]);
    expect(refused[0]!.message).toBe('预警 milestone:m1 发给区人社局，只能由该单位知悉');
  });
});

describe('acknowledgementKey and normaliseNote', () => {
  it('keys by alert, unit and tier: a worse tier is another key', () => {
    expect(acknowledgementKey('a', 'u', 'yellow')).not.toBe(acknowledgementKey('a', 'u', 'red'));
    expect(acknowledgementKey('a', 'u', 'red')).not.toBe(acknowledgementKey('a', 'v', 'red'));
  });
  it('keeps a note trimmed, a blank note as none', () => {
    expect(normaliseNote('  已安排专人跟进 ')).toBe('已安排专人跟进');
    expect(normaliseNote('   ')).toBeNull();
    expect(normaliseNote(undefined)).toBeNull();
  });
});
