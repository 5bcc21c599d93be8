import { ABOVE_SCALE_SOURCE_LABELS } from '@zhijiao/contracts';
import { Alert, App, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useShowError } from '@/lib/use-show-error';
import { useEnterprise } from '../api/get-enterprise';
import { useInternshipDuty } from '../api/get-internship-duty';
import { useUnmaskContact } from '../api/unmask-contact';
import { divisionText, sectionText } from '../lib/register';
import type { EnterpriseDetail, EnterpriseYear } from '../types';
import { ContactsFormModal } from './contacts-form-modal';
import { EnterpriseFormModal } from './enterprise-form-modal';
import { AboveScaleTag, StatusTag } from './enterprise-tags';
import { YearFormModal } from './year-form-modal';

/**
 * `/enterprises/:id`: one enterprise — its profile, its years (staff, revenue, 规上 with its source)
 * with the 2 % internship duty of each year, its contacts (phones masked) — and what the user may
 * do: keepers edit everything, the enterprise itself its contacts and this year's staff count.
 */
export function EnterprisePage() {
  const { id = '' } = useParams();
  const enterprise = useEnterprise(id);
  return (
    <div data-testid="enterprise-page">
      <QueryState query={enterprise}>{(e) => <EnterpriseView e={e} />}</QueryState>
    </div>
  );
}

function EnterpriseView({ e }: { e: EnterpriseDetail }) {
  const t = useT();
  const lang = useLang();
  const [editing, setEditing] = useState(false);
  const [year, setYear] = useState<EnterpriseYear | { year: number } | null | undefined>(undefined);
  const [contacts, setContacts] = useState(false);
  const thisYear = e.years.find((y) => y.year === e.currentYear);
  const latestDuty = e.years.find((y) => y.duty.status === 'applies');
  return (
    <>
      <PageHeader
        back
        printable
        title={e.legalName}
        subtitle={`${e.name} · ${e.uscc}`}
        extra={
          e.abilities.edit && (
            <Button onClick={() => setEditing(true)} data-testid="enterprise-edit">
              {t('enterprises.edit')}
            </Button>
          )
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('enterprises.section.profile')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('enterprises.col.uscc')}>{e.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('enterprises.col.shortName')}>{e.name}</Descriptions.Item>
            <Descriptions.Item label={t('enterprises.col.status')}>
              <StatusTag status={e.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprises.col.section')}>
              {sectionText(e.industrySection, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprises.col.division')}>
              {divisionText(e.industryDivision)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprises.col.district')}>{e.district.name}</Descriptions.Item>
            <Descriptions.Item label={t('enterprises.col.address')}>{e.address || '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          size="small"
          title={t('enterprises.section.duty')}
          extra={
            <Space wrap>
              {e.abilities.editStaffOf !== null && !e.abilities.edit && (
                <Button
                  size="small"
                  onClick={() => setYear(thisYear ?? { year: e.currentYear })}
                  data-testid="enterprise-staff-this-year"
                >
                  {t('enterprises.year.staffThisYear', { year: e.currentYear })}
                </Button>
              )}
              {e.abilities.edit && (
                <Button size="small" onClick={() => setYear(null)} data-testid="enterprise-add-year">
                  {t('enterprises.year.add')}
                </Button>
              )}
            </Space>
          }
        >
          {latestDuty && <DutyAlert e={e} year={latestDuty} />}
          <ResponsiveTable
            size="small"
            rowKey="year"
            pagination={false}
            dataSource={e.years}
            data-testid="enterprise-years"
            locale={{ emptyText: t('enterprises.year.none') }}
            cardTitle={(y) => t('enterprises.yearOption', { year: y.year })}
            columns={[
              { title: t('enterprises.col.year'), dataIndex: 'year', width: 70, responsive: ['md'] },
              {
                title: t('enterprises.col.staff'),
                key: 'staff',
                width: 100,
                align: 'right',
                render: (_, y) => y.staff ?? '—',
              },
              {
                title: t('enterprises.col.revenue'),
                key: 'revenue',
                width: 130,
                align: 'right',
                render: (_, y) => (y.revenueWan === null ? '—' : y.revenueWan.toLocaleString()),
              },
              {
                title: t('enterprises.col.aboveScale'),
                key: 'scale',
                width: 150,
                render: (_, y) => (
                  <Space size={4} wrap>
                    <AboveScaleTag aboveScale={y.aboveScale} source={y.aboveScaleSource} />
                    {y.aboveScaleSource && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {pick(ABOVE_SCALE_SOURCE_LABELS[y.aboveScaleSource], lang)}
                        {y.thresholdVersion ? `（${y.thresholdVersion}）` : ''}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('enterprises.col.required'),
                key: 'duty',
                width: 200,
                render: (_, y) =>
                  y.duty.required !== null ? (
                    <Typography.Text strong>
                      {t('enterprises.duty.required', { n: y.duty.required })}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {pick(y.duty.note, lang)}
                    </Typography.Text>
                  ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 80,
                render: (_, y) =>
                  e.abilities.edit || e.abilities.editStaffOf === y.year ? (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setYear(y)}
                      data-testid={`year-edit-${y.year}`}
                    >
                      {t('enterprises.year.edit')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
        <ContactsCard e={e} onEdit={() => setContacts(true)} />
      </Space>
      {editing && <EnterpriseFormModal open enterprise={e} onClose={() => setEditing(false)} />}
      {year !== undefined && (
        <YearFormModal
          enterprise={e}
          year={year}
          staffOnly={!e.abilities.edit}
          onClose={() => setYear(undefined)}
        />
      )}
      {contacts && <ContactsFormModal enterprise={e} onClose={() => setContacts(false)} />}
    </>
  );
}

/** The contacts, phones masked; a clear phone on request (audited) for those who keep them. */
function ContactsCard({ e, onEdit }: { e: EnterpriseDetail; onEdit: () => void }) {
  const t = useT();
  const { modal } = App.useApp();
  const showError = useShowError();
  const unmask = useUnmaskContact();
  const reveal = (contactId: string, name: string) =>
    modal.confirm({
      title: t('enterprises.contacts.unmaskConfirm'),
      onOk: () =>
        unmask
          .mutateAsync({ id: e.id, contactId })
          .then((r) => {
            modal.info({ title: t('enterprises.contacts.unmaskTitle', { name }), content: r.phone ?? '—' });
          })
          .catch((error) => showError(error)),
    });
  return (
    <Card
      size="small"
      title={t('enterprises.section.contacts')}
      extra={
        e.abilities.editContacts && (
          <Button size="small" onClick={onEdit} data-testid="enterprise-edit-contacts">
            {t('enterprises.contacts.edit')}
          </Button>
        )
      }
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={e.contacts}
        data-testid="enterprise-contacts"
        locale={{ emptyText: t('enterprises.contacts.none') }}
        columns={[
          { title: t('enterprises.contacts.name'), dataIndex: 'name' },
          { title: t('enterprises.contacts.title'), dataIndex: 'title' },
          {
            title: t('enterprises.contacts.phone'),
            key: 'phone',
            render: (_, c) => (
              <Space size={4}>
                <span>{c.phoneMasked ?? '—'}</span>
                {e.abilities.unmask && c.phoneMasked && (
                  <Button size="small" type="link" onClick={() => reveal(c.id, c.name)}>
                    {t('enterprises.contacts.unmask')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * The latest year the 2 % duty applies, with what the internship records say of it: places
 * offered, interns placed, met or how many short (the enterprise's own row of the 2 % table,
 * `GET /api/internships/duty`). Without `internship.read` the register's note alone.
 */
function DutyAlert({ e, year }: { e: EnterpriseDetail; year: EnterpriseYear }) {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const duty = useInternshipDuty(e.id, year.year, can(me, 'internship.read'));
  const row = duty.data;
  const description = !row
    ? duty.isSuccess && t('enterprises.duty.noPosts', { year: year.year })
    : row.required === null
      ? row.note
      : t('enterprises.duty.offered', {
          year: year.year,
          places: row.offered,
          posts: row.posts,
          placements: row.placements,
          required: row.required,
          verdict:
            row.status === 'met'
              ? t('enterprises.duty.met')
              : t('enterprises.duty.short', { n: row.shortfall ?? 0 }),
        });
  return (
    <Alert
      type={row?.status === 'short' ? 'warning' : row?.status === 'met' ? 'success' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      title={pick(year.duty.note, lang)}
      description={description || undefined}
      data-testid="enterprise-duty"
    />
  );
}
