import { certifiesEnterprises, keepsEnterpriseRegister, signsCertificationReview } from '@zhijiao/contracts';
import { can } from '@/lib/permissions';
import type { Me } from '@/lib/session';

/**
 * Whether the certification pages are the user's: an enterprise (its own applications), the
 * certifying bureau, a joint-review bureau, the register's keeper, or a district-wide reader
 * (coordinator, leaders). A school's clerk holds `certification.read` as a unit clerk but has no
 * part in it: no menu.
 */
export function worksOnCertification(me: Me | null | undefined): boolean {
  if (!me || !can(me, 'certification.read')) return false;
  const unit = me.orgUnit;
  if (!can(me, 'certification.apply')) return true;
  return (
    unit.type === 'enterprise' ||
    certifiesEnterprises(unit) ||
    signsCertificationReview(unit) ||
    keepsEnterpriseRegister(unit)
  );
}

/** The certifying bureau (区发改科技局) or a joint-review bureau: may record incentives. */
export const isCertificationBureau = (me: Me | null | undefined) =>
  !!me && (certifiesEnterprises(me.orgUnit) || signsCertificationReview(me.orgUnit));
