import type { Static } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import { isSchoolLike } from './training-bases.deps.ts';
import type { BaseBody } from './training-bases.schema.ts';

type Problem = { field: string; code: string; message: string; messageEn: string };

/**
 * A base's columns from its body, refused (400, every problem with its field in zh and en) when
 * the owner does not fit the kind (a high-level base is an enterprise's; an in-school or co-built
 * base a vocational school's), a partner is not an enterprise or school of the district, a
 * co-built base has no enterprise partner, or the status lacks its date or the dates are out of
 * order or in the future.
 */
export async function checkedBase(
  db: Parameters<typeof listOrgUnitInfo>[0],
  districtId: string,
  input: Static<typeof BaseBody>,
  today: string,
) {
  const problems: Problem[] = [];
  const add = (field: string, code: string, message: string, messageEn: string) =>
    problems.push({ field, code, message, messageEn });
  const partnerIds = [...new Set(input.partnerIds)].filter((p) => p !== input.ownerId);
  const units = new Map(
    (await listOrgUnitInfo(db, { ids: [input.ownerId, ...partnerIds], under: districtId })).map((u) => [
      u.id,
      u,
    ]),
  );
  const owner = units.get(input.ownerId);
  if (!owner) add('ownerId', 'UNIT_UNKNOWN', '所属单位不在本区', 'The owner is not a unit of the district');
  else if (input.kind === 'high_level' && owner.type !== 'enterprise')
    add(
      'ownerId',
      'OWNER_NOT_ENTERPRISE',
      '高水平专业化实训基地的所属单位须为企业',
      'A high-level base belongs to an enterprise',
    );
  else if (input.kind !== 'high_level' && !isSchoolLike(owner))
    add(
      'ownerId',
      'OWNER_NOT_SCHOOL',
      '校内或校企共建实训基地的所属单位须为职业学校',
      'An in-school or co-built base belongs to a vocational school',
    );
  partnerIds.forEach((id, i) => {
    const u = units.get(id);
    if (!u || (u.type !== 'enterprise' && !isSchoolLike(u)))
      add(
        `partnerIds.${i}`,
        'PARTNER_INVALID',
        '合作单位须为本区的企业或学校',
        'A partner must be an enterprise or school of the district',
      );
  });
  if (input.kind === 'co_built' && !partnerIds.some((id) => units.get(id)?.type === 'enterprise'))
    add(
      'partnerIds',
      'ENTERPRISE_PARTNER_REQUIRED',
      '校企共建实训基地须至少有一家合作企业',
      'A co-built base needs at least one partner enterprise',
    );
  if (input.status === 'building' && !input.constructionStartedOn)
    add(
      'constructionStartedOn',
      'REQUIRED',
      '在建的实训基地须填写开工日期',
      'A base under construction needs its construction start date',
    );
  if (input.status === 'operating' && !input.operatingSince)
    add(
      'operatingSince',
      'REQUIRED',
      '建成运行的实训基地须填写投入运行日期',
      'A base in operation needs the date it came into operation',
    );
  if (input.status !== 'operating' && input.operatingSince)
    add(
      'operatingSince',
      'NOT_OPERATING',
      '未建成运行的实训基地不应填写投入运行日期',
      'Only a base in operation has a date it came into operation',
    );
  if (input.operatingSince && input.operatingSince > today)
    add(
      'operatingSince',
      'DATE_IN_FUTURE',
      `投入运行日期 ${input.operatingSince} 晚于今天`,
      `The date ${input.operatingSince} is after today`,
    );
  if (
    input.constructionStartedOn &&
    input.operatingSince &&
    input.operatingSince < input.constructionStartedOn
  )
    add(
      'operatingSince',
      'BEFORE_CONSTRUCTION',
      '投入运行日期早于开工日期',
      'It came into operation before construction started',
    );
  if (input.plannedOn && input.constructionStartedOn && input.constructionStartedOn < input.plannedOn)
    add(
      'constructionStartedOn',
      'BEFORE_PLANNING',
      '开工日期早于立项日期',
      'Construction started before it was planned',
    );
  const name = input.name.trim();
  if (!name) add('name', 'REQUIRED', '请填写基地名称', 'The name is required');
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
  return {
    columns: {
      name,
      kind: input.kind,
      ownerId: input.ownerId,
      majors: [...new Set(input.majors.map((m) => m.trim()).filter(Boolean))],
      capacity: input.capacity,
      location: input.location.trim(),
      status: input.status,
      plannedOn: input.plannedOn,
      constructionStartedOn: input.constructionStartedOn,
      operatingSince: input.operatingSince,
    },
    partnerIds,
    equipment: input.equipment.map((e) => ({
      name: e.name.trim(),
      quantity: e.quantity,
      unitValue: e.unitValue,
    })),
    documentIds: [...new Set(input.documentIds)],
  };
}
