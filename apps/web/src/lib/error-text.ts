import { ERROR_MESSAGES, type ErrorCode, type FieldIssue } from '@zhijiao/contracts';
import { isApiError, NETWORK_ERROR } from './api-error';
import type { Lang } from './lang';

/** Messages for codes the client makes up itself (no answer from the server, unknown failures). */
const CLIENT_MESSAGES: Record<string, { zh: string; en: string }> = {
  [NETWORK_ERROR]: {
    zh: '无法连接服务器，请检查网络后重试',
    en: 'Cannot reach the server; check the network and retry',
  },
  UNKNOWN: { zh: '操作失败，请稍后重试', en: 'Something went wrong; please try again' },
};

/**
 * The one place an error code becomes text: contracts' `ERROR_MESSAGES` in the chosen language,
 * else the server's own message, else a generic line.
 *
 * @example describeError(new ApiError(401, 'AUTH_INVALID_CREDENTIALS', '…'), 'zh') // '用户名或密码错误'
 */
export function describeError(error: unknown, lang: Lang): string {
  if (isApiError(error)) {
    const known = ERROR_MESSAGES[error.code as ErrorCode] ?? CLIENT_MESSAGES[error.code];
    if (known) return known[lang];
    return error.message || CLIENT_MESSAGES.UNKNOWN![lang];
  }
  if (error instanceof Error && error.message) return error.message;
  return CLIENT_MESSAGES.UNKNOWN![lang];
}

/** The text of one field problem in the chosen language (`messageEn` may be missing). */
export function issueText(issue: FieldIssue, lang: Lang): string {
  return lang === 'en' && issue.messageEn ? issue.messageEn : issue.message;
}

/**
 * Turns a server field path into an antd Form name path: strips the `body.` prefix and turns
 * numeric segments into indexes.
 *
 * @example fieldPath('body.values.0.value') // ['values', 0, 'value']
 */
export function fieldPath(field: string): (string | number)[] {
  const parts = field.split('.').filter(Boolean);
  if (['body', 'querystring', 'params'].includes(parts[0] ?? '')) parts.shift();
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
