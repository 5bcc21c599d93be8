import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { isApiError } from './api-error';
import { describeError, fieldPath, issueText } from './error-text';
import { useLang } from './lang';

/** What `showError` needs of an antd form (any form's instance has it). */
type FieldErrorTarget = Pick<FormInstance, 'getFieldInstance' | 'getFieldValue' | 'setFields'>;

/**
 * Returns `showError(error, form?, mapPath?)`: field problems go next to the form fields they name
 * (`mapPath` turns a server path into the form's own where they differ); what no field can hold
 * (and the error itself) goes into a notification, all in the chosen language.
 */
export function useShowError() {
  const { notification } = App.useApp();
  const lang = useLang();
  return useCallback(
    (
      error: unknown,
      form?: FieldErrorTarget,
      mapPath?: (path: (string | number)[]) => (string | number)[],
    ) => {
      const issues = isApiError(error) ? error.fieldIssues : [];
      const unplaced: string[] = [];
      if (form && issues.length > 0) {
        const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
        for (const issue of issues) {
          const name = mapPath ? mapPath(fieldPath(issue.field)) : fieldPath(issue.field);
          const exists =
            name.length > 0 &&
            (form.getFieldInstance(name) !== undefined || form.getFieldValue(name) !== undefined);
          if (!exists) {
            unplaced.push(issueText(issue, lang));
            continue;
          }
          const key = name.join('.');
          const entry = byField.get(key) ?? { name, errors: [] };
          entry.errors.push(issueText(issue, lang));
          byField.set(key, entry);
        }
        form.setFields([...byField.values()]);
      } else {
        unplaced.push(...issues.map((issue) => issueText(issue, lang)));
      }
      notification.error({
        title: describeError(error, lang),
        description: unplaced.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {unplaced.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        ) : undefined,
      });
    },
    [notification, lang],
  );
}
