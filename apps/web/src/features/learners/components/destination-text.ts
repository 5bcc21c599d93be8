import {
  DESTINATION_KIND_LABELS,
  STUDY_LEVEL_LABELS,
  STUDY_ROUTE_LABELS,
  WORK_REGION_LABELS,
} from '@zhijiao/contracts';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import type { Destination } from '../destination-types';

/**
 * A destination in one line, in the page's language: `就业 · 易通集团 · 专业对口 · 起薪 3,600 元 · 本区`,
 * `升学 · 长治职业技术学院 · 高职（专科） · 中高职衔接`.
 */
export function useDestinationText() {
  const t = useT();
  const lang = useLang();
  return (d: Destination): string => {
    const parts: Array<string | null> = [pick(DESTINATION_KIND_LABELS[d.kind], lang)];
    if (d.kind === 'employed' || d.kind === 'self_employed')
      parts.push(
        d.employerName,
        d.relevantToMajor === null
          ? null
          : t(d.relevantToMajor ? 'destinations.relevant' : 'destinations.notRelevant'),
        d.monthlyPay === null ? null : t('destinations.pay', { pay: formatNumber(d.monthlyPay) }),
        d.region && pick(WORK_REGION_LABELS[d.region], lang),
      );
    if (d.kind === 'further_study')
      parts.push(
        d.institutionName,
        d.studyLevel && pick(STUDY_LEVEL_LABELS[d.studyLevel], lang),
        d.studyRoute && pick(STUDY_ROUTE_LABELS[d.studyRoute], lang),
      );
    if (d.kind === 'other') parts.push(d.note);
    return parts.filter((p): p is string => Boolean(p)).join(' · ');
  };
}
