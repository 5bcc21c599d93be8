import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useUpdateContacts } from '../api/update-contacts';
import type { EnterpriseDetail } from '../types';

interface Values {
  contacts: Array<{ id?: string; name: string; title?: string; phone?: string; phoneMasked?: string | null }>;
}

/**
 * 编辑联系人: the whole list, in order. A kept contact's phone shows masked as a hint and stays
 * unless a new one is typed; the server stores phones only encrypted.
 */
export function ContactsFormModal({
  enterprise,
  onClose,
}: {
  enterprise: EnterpriseDetail;
  onClose: () => void;
}) {
  const t = useT();
  const update = useUpdateContacts();
  return (
    <FormModal<Values, Parameters<typeof update.mutate>[0], EnterpriseDetail>
      open
      onClose={onClose}
      width={640}
      title={t('enterprises.contacts.edit')}
      testId="contacts-save"
      initialValues={{
        contacts: enterprise.contacts.map((c) => ({
          id: c.id,
          name: c.name,
          title: c.title,
          phoneMasked: c.phoneMasked,
        })),
      }}
      mutation={update}
      toInput={(v) => ({
        id: enterprise.id,
        body: {
          contacts: (v.contacts ?? []).map((c) => ({
            ...(c.id ? { id: c.id } : {}),
            name: c.name.trim(),
            title: (c.title ?? '').trim(),
            ...(c.phone?.trim() ? { phone: c.phone.trim() } : c.id ? {} : { phone: null }),
          })),
        },
      })}
      successMessage={t('enterprises.form.saved')}
    >
      {(form) => (
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => {
                const masked = form.getFieldValue(['contacts', field.name, 'phoneMasked']) as
                  string | null | undefined;
                return (
                  <Flex key={field.key} gap={8} align="flex-start" wrap>
                    <Form.Item name={[field.name, 'id']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('enterprises.contacts.name')}
                      rules={[
                        { required: true, whitespace: true, message: t('enterprises.contacts.nameRequired') },
                      ]}
                      style={{ flex: '1 1 120px' }}
                    >
                      <Input maxLength={60} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'title']}
                      label={t('enterprises.contacts.title')}
                      style={{ flex: '1 1 140px' }}
                    >
                      <Input maxLength={60} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'phone']}
                      label={t('enterprises.contacts.phone')}
                      style={{ flex: '1 1 140px' }}
                    >
                      <Input
                        maxLength={30}
                        inputMode="tel"
                        placeholder={
                          masked ? t('enterprises.contacts.keepPhone', { phone: masked }) : undefined
                        }
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('enterprises.contacts.remove')}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Flex>
                );
              })}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', title: '' })}
              >
                {t('enterprises.contacts.add')}
              </Button>
            </>
          )}
        </Form.List>
      )}
    </FormModal>
  );
}
