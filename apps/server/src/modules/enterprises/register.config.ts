/** Limits of the enterprise register. */

/** Clear views of contact phones one account may take in an hour (past it: 429 and a security alert). */
export const CONTACT_PHONE_VIEWS_PER_HOUR = 30;
