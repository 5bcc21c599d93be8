import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Space, type FormListFieldData } from 'antd';
import type { ReactNode } from 'react';

/**
 * A repeatable part of a form (a base's equipment, a group's members, a programme's stages): under
 * its label, one line of fields per row with a button that removes the row, then a button that
 * adds one. The fields name themselves under the row (`name={[field.name, 'title']}`).
 *
 * @example
 * <FormRows name="stages" label={t('…stages')} addLabel={t('…addStage')} removeLabel={t('…removeStage')}>
 *   {(field) => <Form.Item name={[field.name, 'title']} noStyle><Input /></Form.Item>}
 * </FormRows>
 */
export function FormRows({
  name,
  label,
  addLabel,
  removeLabel,
  newRow,
  children,
}: {
  name: string;
  label: ReactNode;
  addLabel: ReactNode;
  /** The remove button's accessible name (it shows only its icon). */
  removeLabel: string;
  /** The values of an added row, made when it is added (a date of that day, say). */
  newRow?: () => object;
  children: (field: FormListFieldData) => ReactNode;
}) {
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                {children(field)}
                <Button
                  type="text"
                  size="small"
                  icon={<MinusCircleOutlined />}
                  aria-label={removeLabel}
                  title={removeLabel}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newRow?.())}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
