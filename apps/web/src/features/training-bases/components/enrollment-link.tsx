import { Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useLinkableEnrollmentPrograms, useLinkProgramme, type Group } from '../api/groups';

type Programme = Group['programmes'][number];

/**
 * A 中高职衔接 programme's enrolment program (统一招生): the keeper picks one of the 中职 programs of
 * its year at its secondary schools (the server's list) or clears it; others read the link.
 */
export function EnrollmentLink({ group, programme }: { group: Group; programme: Programme }) {
  const t = useT();
  const showError = useShowError();
  const link = useLinkProgramme();
  const [opened, setOpened] = useState(false);
  const linkable = useLinkableEnrollmentPrograms(group.id, programme.id, opened);
  if (programme.kind !== 'articulation') return <Typography.Text type="secondary">—</Typography.Text>;
  const current = programme.enrollmentProgram;
  if (!group.abilities.edit)
    return current ? (
      <span>{`${current.code} ${current.name}`}</span>
    ) : (
      <span>{t('vetGroups.notLinked')}</span>
    );
  const options = [
    ...(current ? [{ value: current.id, label: `${current.code} ${current.name}` }] : []),
    ...(linkable.data ?? [])
      .filter((p) => p.id !== current?.id)
      .map((p) => ({ value: p.id, label: `${p.code} ${p.name}（${p.school.name}）` })),
  ];
  return (
    <Select
      size="small"
      style={{ minWidth: 200 }}
      allowClear
      placeholder={t('vetGroups.linkPlaceholder')}
      aria-label={t('vetGroups.enrollmentProgram')}
      data-testid="enrollment-link"
      value={current?.id}
      loading={linkable.isFetching || link.isPending}
      notFoundContent={linkable.isFetching ? undefined : t('vetGroups.noLinkable')}
      onOpenChange={(open) => open && setOpened(true)}
      options={options}
      onChange={(value?: string) =>
        link.mutate(
          { programmeId: programme.id, enrollmentProgramId: value ?? null },
          { onError: (e) => showError(e) },
        )
      }
    />
  );
}

/** Places or enrolled, marked 来自招生 when read from the linked enrolment program. */
export function ProgrammeNumber({ programme, value }: { programme: Programme; value: number }) {
  const t = useT();
  return programme.numbersFrom === 'enrollment' ? (
    <Space size={4} title={t('vetGroups.fromEnrollmentHint')}>
      {value}
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {t('vetGroups.fromEnrollment')}
      </Tag>
    </Space>
  ) : (
    <>{value}</>
  );
}
