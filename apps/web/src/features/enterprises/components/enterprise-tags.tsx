import {
  ABOVE_SCALE_SOURCE_LABELS,
  ENTERPRISE_STATUS_LABELS,
  type AboveScaleSource,
  type EnterpriseStatus,
} from '@zhijiao/contracts';
import { Tag, Tooltip } from 'antd';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';

/** 规上 / 非规上 / 未知 for a year, with where the flag comes from. */
export function AboveScaleTag({
  aboveScale,
  source,
}: {
  aboveScale: boolean | null | undefined;
  source: AboveScaleSource | null | undefined;
}) {
  const t = useT();
  const lang = useLang();
  if (aboveScale === null || aboveScale === undefined) return <Tag>{t('enterprises.scale.unknown')}</Tag>;
  const tag = (
    <Tag color={aboveScale ? 'blue' : 'default'}>
      {aboveScale ? t('enterprises.scale.above') : t('enterprises.scale.below')}
    </Tag>
  );
  return source ? <Tooltip title={pick(ABOVE_SCALE_SOURCE_LABELS[source], lang)}>{tag}</Tooltip> : tag;
}

/** 在营 / 停业 / 注销. */
export function StatusTag({ status }: { status: EnterpriseStatus }) {
  const lang = useLang();
  const color = { active: 'green', suspended: 'orange', deregistered: 'default' }[status];
  return <Tag color={color}>{pick(ENTERPRISE_STATUS_LABELS[status], lang)}</Tag>;
}
