import type { FieldCrypto } from '../crypto/field-crypto.ts';
import type { MigrationContext } from './migrations-folder.ts';

/** What a data migration does with the key, for its messages: zh and en, e.g. 加密教师出生日期 / encrypt the teachers’ birth dates. */
export interface KeyedStep {
  /** The migration's number, e.g. `0026`. */
  migration: string;
  zh: string;
  en: string;
}

/**
 * The field key a data migration needs for the stored rows it found, checked against them: every
 * `ciphers` token (the rows' encrypted ID numbers) must decrypt under it. Throws, naming the
 * migration (and the missing key file, when that is why there is none), when the migrator was given no key, or a key the stored data was not written with (a
 * key file made afresh where the server's was not configured): written under such a key, the
 * migration's output could never be read, or a later import would see every row as changed.
 * Call it for each batch, before writing any of it; a migration that finds no rows needs no key,
 * so a new, empty database migrates without one.
 *
 * @example const crypto = keyForStoredRows(context, { migration: '0026', zh: '加密教师出生日期', en: 'encrypt the teachers’ birth dates' }, rows.map((r) => r.cipher));
 */
export function keyForStoredRows(
  context: MigrationContext,
  step: KeyedStep,
  ciphers: readonly string[],
): FieldCrypto {
  const crypto = context.crypto;
  const file = context.missingKeyFile;
  if (!crypto)
    throw new Error(
      file
        ? `${step.migration} 需要字段加密密钥以${step.zh}，但密钥文件 ${file} 不存在：请将服务器一直使用的密钥放回该处，或设置 ZHIJIAO_SECRET_KEY / ZHIJIAO_SECRET_KEY_FILE / ` +
            `${step.migration} needs the field key to ${step.en}, but the key file ${file} does not exist: put the key the server has used back there, or set ZHIJIAO_SECRET_KEY or ZHIJIAO_SECRET_KEY_FILE`
        : `${step.migration} 需要字段加密密钥以${step.zh}：请使用服务器的密钥迁移（ZHIJIAO_SECRET_KEY、ZHIJIAO_SECRET_KEY_FILE 或数据目录中的 secret.key） / ` +
            `${step.migration} needs the field key to ${step.en}: migrate with the server’s key (ZHIJIAO_SECRET_KEY, ZHIJIAO_SECRET_KEY_FILE or secret.key in the data directory)`,
    );
  for (const cipher of ciphers) {
    try {
      crypto.decrypt(cipher);
    } catch {
      throw new Error(
        `${step.migration}：所给密钥无法解密已存的身份证号，请使用服务器一直使用的密钥 / ` +
          `${step.migration}: the field key given does not decrypt the stored ID numbers: migrate with the key the server has used (ZHIJIAO_SECRET_KEY, ZHIJIAO_SECRET_KEY_FILE or secret.key in the data directory)`,
      );
    }
  }
  return crypto;
}
