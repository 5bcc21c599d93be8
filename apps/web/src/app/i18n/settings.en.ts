import type { settingsZh } from './settings.zh';

/** The district's settings page: English strings, the same keys as `settings.zh.ts`. */
export const settingsEn: Record<keyof typeof settingsZh, string> = {
  'settings.nav': 'District settings',
  'settings.title': 'District settings',
  'settings.subtitle': 'The district’s 双师型 criteria, reporting periods, major catalogue and upload rules',
  'settings.tab.dq': '双师型 criteria',
  'settings.tab.periods': 'Reporting periods',
  'settings.tab.catalogue': 'Major catalogue',
  'settings.tab.uploads': 'Upload rules',
  'settings.save': 'Save',
  'settings.cancel': 'Cancel',

  'settings.dq.sourceLabel': 'Basis of the criteria',
  'settings.dq.rule':
    'Within a level, every criterion not marked “any” must be met; of those marked “any”, one is enough. Empty means the level does not require it.',
  'settings.dq.criterion': 'Criterion',
  'settings.dq.basis': 'Basis of the value',
  'settings.dq.teachingYears': 'Teaching years',
  'settings.dq.practice': 'Enterprise practice',
  'settings.dq.enterpriseYears': 'Enterprise work',
  'settings.dq.certificate': 'Qualification / skill certificate',
  'settings.dq.title': 'Professional title',
  'settings.dq.recognition': 'Recognition already held',
  'settings.dq.none': 'Not required',
  'settings.dq.years': 'At least {n} years',
  'settings.dq.practiceValue': 'At least {hours} hours in the last {years} years',
  'settings.dq.orAbove': '{label} or above',
  'settings.dq.holds': 'Holds a valid {label} recognition',
  'settings.dq.anyTag': 'Any',
  'settings.dq.yearUnit': 'yrs',
  'settings.dq.hourUnit': 'h',
  'settings.dq.within': 'Last',
  'settings.dq.changedBy': 'Last changed by {name}, {at} (audited)',
  'settings.dq.defaultsInForce': 'Never changed',
  'settings.dq.defaultsTag': 'the defaults are in force',
  'settings.dq.edit': 'Change the criteria',
  'settings.dq.reset': 'Restore defaults',
  'settings.dq.resetConfirm':
    'Go back to the default criteria? The district’s own figures will no longer apply.',
  'settings.dq.resetDone': 'The default criteria apply again',
  'settings.dq.saved': 'Criteria saved',

  'settings.periods.noPlan': 'No action plan to show',
  'settings.periods.readOnly': 'Reporting periods come from the plan file; shown here read-only',
  'settings.periods.why':
    'When a plan version is imported or revised, its periods are generated from its reporting rhythm, each due a fixed number of days after it ends, and generated again at every revision. A due date changed here alone would be overwritten by the next revision, so it cannot be changed here; revise the plan file instead.',
  'settings.periods.name': 'Period',
  'settings.periods.span': 'From – to',
  'settings.periods.until': 'to {date}',
  'settings.periods.due': 'Due',
  'settings.periods.status': 'Status',
  'settings.periods.current': 'Current',
  'settings.periods.status.upcoming': 'Not started',
  'settings.periods.status.open': 'Open',
  'settings.periods.status.closed': 'Closed',

  'settings.catalogue.version': 'Major catalogue, {version} edition · {count} secondary vocational majors',
  'settings.catalogue.unverifiedCount': '{count} major codes to be verified',
  'settings.catalogue.unverifiedHint':
    'Codes marked “to verify” have not been checked against the Ministry’s published catalogue. A corrected code comes with a system upgrade (a data migration); the schools’ majors follow it.',
  'settings.catalogue.search': 'Find by code, name or category',
  'settings.catalogue.unverified': 'Code to verify',
  'settings.catalogue.code': 'Code',
  'settings.catalogue.name': 'Major',
  'settings.catalogue.category': 'Category',
  'settings.catalogue.versionCol': 'Edition',

  'settings.uploads.readOnly': 'The upload checks the server applies, read-only',
  'settings.uploads.maxSize': 'Largest file',
  'settings.uploads.check': 'Type check',
  'settings.uploads.checkText':
    'Recognised by content (the file’s signature), which must match the extension; never by the name or the type the browser declares',
  'settings.uploads.zip': 'Archive check',
  'settings.uploads.zipText':
    'Zip-based files (Word, Excel…): at most {entries} entries, at most {size} once extracted, compression ratio at most {ratio}:1 per entry (zip-bomb guard)',
  'settings.uploads.storage': 'Where files are kept',
  'settings.uploads.storageText':
    '{pattern} under the server’s data directory, outside the web root, under generated names; always downloaded as attachments, never opened in the browser',
  'settings.uploads.evidence': 'Evidence (attached to reports, applications, inspections…)',
  'settings.uploads.imports': 'Bulk imports (teacher register, candidate lists)',
  'settings.uploads.kind': 'File kind',
  'settings.uploads.extensions': 'Extensions',

  'settings.ratioLink': 'The criteria and whether part-time teachers count are set in District settings',
  'settings.ratioPartTime.on': 'Enterprise part-time teachers: counted',
  'settings.ratioPartTime.off': 'Enterprise part-time teachers: not counted',
};
