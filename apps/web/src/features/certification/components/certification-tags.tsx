import {
  CERTIFICATION_STANDING_LABELS,
  CERTIFICATION_STATE_LABELS,
  type CertificationStanding,
  type CertificationState,
} from '@zhijiao/contracts';
import { Tag } from 'antd';
import { pick, useLang } from '@/lib/lang';

const STATE_COLOR: Record<CertificationState, string> = {
  submitted: 'processing',
  certified: 'success',
  refused: 'error',
  revoked: 'default',
};
const STANDING_COLOR: Record<CertificationStanding, string> = {
  valid: 'success',
  recheck_due: 'warning',
  expired: 'default',
  revoked: 'default',
  not_yet: 'default',
};

export function StateTag({ state }: { state: CertificationState }) {
  const lang = useLang();
  return <Tag color={STATE_COLOR[state]}>{pick(CERTIFICATION_STATE_LABELS[state], lang)}</Tag>;
}

export function StandingTag({ standing }: { standing: CertificationStanding }) {
  const lang = useLang();
  return (
    <Tag color={STANDING_COLOR[standing]} data-testid="standing">
      {pick(CERTIFICATION_STANDING_LABELS[standing], lang)}
    </Tag>
  );
}
