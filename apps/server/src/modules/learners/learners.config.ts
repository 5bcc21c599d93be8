/**
 * Clear-text views of learners' ID numbers an account may make in an hour. A register keeper looks
 * up a few a day; more is a copy being made, so the view is refused and the audit administrator
 * alerted (SECURITY.md: personal data shown only when needed). The teachers' register keeps the
 * same figure.
 */
export const PII_VIEWS_PER_HOUR = 20;
