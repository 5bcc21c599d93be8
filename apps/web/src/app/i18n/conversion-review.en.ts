import type { conversionReviewZh } from './conversion-review.zh';

/** English for conversion-review.zh.ts. */
export const conversionReviewEn: Record<keyof typeof conversionReviewZh, string> = {
  'creditbank.queue.tab': 'Pending conversions',
  'creditbank.queue.title': 'Conversions pending review',
  'creditbank.queue.hint':
    'Conversions schools applied for, oldest first; the district bureau approves or refuses them (a school sees its own applications).',
  'creditbank.queue.empty': 'No conversion is pending',
  'creditbank.queue.total': '{total} conversions pending',
  'creditbank.queue.learner': 'Learner',
  'creditbank.queue.school': 'School',
  'creditbank.queue.major': 'Major',
  'creditbank.queue.rule': 'Rule',
  'creditbank.queue.outcome': 'Outcome',
  'creditbank.queue.appliedAt': 'Applied',
  'creditbank.queue.approved': 'Conversion approved',
  'creditbank.queue.refused': 'Conversion refused',
  'creditbank.conversions.status.reversed': 'Reversed',
  'creditbank.reverse.action': 'Reverse conversion',
  'creditbank.reverse.reason': 'Reason for reversing',
  'creditbank.reverse.hint':
    'A reversing entry gives back the credits the conversion used (the original entry is not changed); the outcome and courses may be applied for again.',
  'creditbank.reverse.done': 'Conversion reversed',
  'creditbank.export.national': 'Export (national credit bank format)',
};
