import { SECURITY_ALERT_ACTION } from '../../platform/audit/audit-log.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { maskMobile } from '../../platform/validation/identifiers.ts';
import { loadVisible, refuseProblems } from './enterprise-access.ts';
import { checkPhone, type FieldProblem } from './enterprise-input.ts';
import type { EnterprisesDeps } from './enterprises.deps.ts';
import { isOwnAccount, mayKeep } from './enterprises.policy.ts';
import * as repo from './enterprises.repository.ts';
import type { ContactsInput } from './enterprises.schema.ts';
import { getEnterprise } from './read.service.ts';
import { CONTACT_PHONE_VIEWS_PER_HOUR } from './register.config.ts';

/*
 * An enterprise's contacts (联系人): kept by the register's keepers and by the enterprise itself.
 * Phones are stored only encrypted (FieldCrypto) with a masked copy; every answer carries the mask,
 * and a clear phone is one audited view at a time, at most CONTACT_PHONE_VIEWS_PER_HOUR an hour.
 */

/** Keeps the contacts: a keeper of the register or the enterprise's own account (403 otherwise). */
async function loadForContacts(deps: EnterprisesDeps, actor: Actor, id: string) {
  const { row, unit } = await loadVisible(deps, actor, id);
  if (!mayKeep(actor, unit, row) && !isOwnAccount(actor, unit, row)) throw forbidden();
  return row;
}

/**
 * Replaces the enterprise's contacts with the list given, in order: a contact with `id` is kept and
 * changed (its phone only when `phone` is given; null removes it), one without is added, the others
 * are removed. Phones are checked by pattern, each problem naming `contacts.<i>.phone`; a contact
 * listed twice is refused naming the second `contacts.<i>.id`.
 */
export async function replaceContacts(deps: EnterprisesDeps, actor: Actor, id: string, input: ContactsInput) {
  await loadForContacts(deps, actor, id);
  const existing = new Set((await repo.listContacts(deps.db, id)).map((c) => c.id));
  const problems: FieldProblem[] = [];
  const listed = new Map<string, number>();
  const phones = input.contacts.map((c, i) => {
    if (c.id !== undefined && !existing.has(c.id))
      problems.push({
        field: `contacts.${i}.id`,
        code: 'CONTACT_UNKNOWN',
        message: '该联系人不属于本企业',
        messageEn: 'No such contact of this enterprise',
      });
    else if (c.id !== undefined && listed.has(c.id))
      // One contact twice would be written twice (the last wins) and counted twice as kept.
      problems.push({
        field: `contacts.${i}.id`,
        code: 'CONTACT_DUPLICATE',
        message: `该联系人已在第 ${listed.get(c.id)! + 1} 项列出，不能重复`,
        messageEn: `This contact is already listed as item ${listed.get(c.id)! + 1}`,
      });
    if (c.id !== undefined && !listed.has(c.id)) listed.set(c.id, i);
    if (c.phone === undefined || c.phone === null) return c.phone;
    const phone = checkPhone(`contacts.${i}.phone`, c.phone);
    if (!phone.ok) problems.push(phone.problem);
    return phone.ok ? phone.phone : null;
  });
  input.contacts.forEach((c, i) => {
    if (!c.name.trim())
      problems.push({
        field: `contacts.${i}.name`,
        code: 'REQUIRED',
        message: '请填写联系人姓名',
        messageEn: 'The contact’s name is required',
      });
  });
  refuseProblems(problems);
  await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const kept = input.contacts.flatMap((c) => (c.id ? [c.id] : []));
    await repo.deleteContactsExcept(trx, id, kept);
    let phonesChanged = 0;
    for (const [i, c] of input.contacts.entries()) {
      const phone = phones[i];
      const phoneColumns =
        phone === undefined
          ? {}
          : {
              phoneCipher: phone ? deps.crypto.encrypt(phone) : null,
              phoneMasked: phone ? maskMobile(phone) : null,
            };
      if (phone !== undefined) phonesChanged++;
      const values = {
        position: i,
        name: c.name.trim(),
        title: c.title.trim(),
        updatedAt: now,
        ...phoneColumns,
      };
      if (c.id) await repo.updateContact(trx, id, c.id, values);
      else await repo.insertContact(trx, { ...values, enterpriseId: id, createdAt: now });
    }
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'enterprise.contacts_updated',
      objectType: 'enterprise',
      objectId: id,
      details: {
        contacts: input.contacts.length,
        removed: existing.size - kept.length,
        phonesChanged,
      },
    });
  });
  return getEnterprise(deps, actor, id);
}

/**
 * A contact's phone in clear, for the register's keepers and the enterprise itself; each view is
 * audited, and past CONTACT_PHONE_VIEWS_PER_HOUR an hour refused (429) with a security alert.
 */
export async function unmaskContactPhone(deps: EnterprisesDeps, actor: Actor, id: string, contactId: string) {
  await loadForContacts(deps, actor, id);
  const secret = await repo.findContactSecret(deps.db, id, contactId);
  if (!secret) throw notFound();
  const hourAgo = new Date(deps.clock.now().getTime() - 3_600_000);
  const who = auditActorOf(actor);
  const view = { action: 'enterprise.pii_view', objectType: 'enterprise_contact', objectId: contactId };
  const allowed = await deps.transaction(
    async (trx) => {
      const query = { actorId: actor.userId, since: hourAgo };
      if (
        (await deps.audit.countRecent(trx, { ...query, action: view.action })) < CONTACT_PHONE_VIEWS_PER_HOUR
      ) {
        await deps.audit.record(trx, who, { ...view, details: { enterpriseId: id, fields: ['phone'] } });
        return true;
      }
      await deps.audit.record(trx, who, {
        ...view,
        result: 'denied',
        details: { enterpriseId: id, fields: ['phone'], reason: 'hourly_limit' },
      });
      if ((await deps.audit.countRecent(trx, { ...query, action: SECURITY_ALERT_ACTION })) === 0)
        await deps.audit.record(trx, who, {
          action: SECURITY_ALERT_ACTION,
          objectType: 'enterprise_contact',
          objectId: contactId,
          details: { kind: 'pii_view_limit', limit: CONTACT_PHONE_VIEWS_PER_HOUR, windowMinutes: 60 },
        });
      return false;
    },
    { records: false },
  );
  if (!allowed) throw new AppError('ENTERPRISE_PII_VIEW_LIMIT', 429);
  return { phone: secret.phoneCipher ? deps.crypto.decrypt(secret.phoneCipher) : null };
}
