import { AppError } from '../../platform/errors/app-error.ts';

/** One field problem, named in both UI languages. */
export interface Problem {
  field: string;
  code: string;
  message: string;
  messageEn: string;
}

/** Collects field problems and throws them all at once (400 VALIDATION_FAILED). */
export class Problems {
  readonly list: Problem[] = [];

  add(field: string, code: string, message: string, messageEn: string): void {
    this.list.push({ field, code, message, messageEn });
  }

  throwIfAny(code: 'VALIDATION_FAILED' | 'ENROLLMENT_IMPORT_INVALID' = 'VALIDATION_FAILED'): void {
    if (this.list.length > 0) throw new AppError(code, 400, this.list);
  }
}
