/**
 * Verifiable credentials (issue 14, `platform/credentials`): the error codes of issuing, revoking
 * and the public verification, shared by server and web.
 */

export const CREDENTIAL_ERRORS = {
  CREDENTIALS_NOT_CONFIGURED: {
    zh: '本系统未配置可用的公开网址（ZHIJIAO_PUBLIC_URL，须为域名），不能签发或验证电子证书',
    en: 'No usable public URL is configured (ZHIJIAO_PUBLIC_URL, a host name): credentials cannot be issued or verified here',
  },
  CREDENTIAL_TOO_LARGE: {
    zh: '电子证书内容过多，超出验证页可读取的大小，未签发',
    en: 'The credential would be too large for the verification page to read; it was not issued',
  },
  CREDENTIAL_NOT_FOUND: {
    zh: '未找到该电子证书',
    en: 'No such credential',
  },
  CREDENTIAL_ALREADY_REVOKED: {
    zh: '该电子证书已撤销',
    en: 'The credential is already revoked',
  },
} as const;
