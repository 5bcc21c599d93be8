import { PROJECT_STATES, type Permission, type ProjectState } from '@zhijiao/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { checkUpload } from '../../platform/files/file-guard.ts';
import { CATALOGUE_2021_FILE, parseCatalogue, readCatalogueFile } from './catalogue.ts';
import { resourceCoverage } from './coverage.ts';
import {
  averageScore,
  levelsFrom,
  nextProjectState,
  projectLifecycle,
  requiredSubject,
  type ProjectAction,
} from './project-lifecycle.ts';
import { PROJECT_COUNT_METRICS } from './programs.metrics.ts';
import { tinyPdf } from './tiny-pdf.ts';

const actor = (userId: string, permissions: Permission[]): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  role: 'coordinator',
  orgUnitId: 'school',
  sessionId: 's',
  mfa: false,
  restriction: null,
  permissions: new Set(permissions),
  scope: { all: false, orgUnitIds: ['district', 'school'] },
  districtId: 'district',
  ip: null,
});

describe('project lifecycle', () => {
  it('gives none of the district’s steps to whoever wrote, edited or submitted the project', () => {
    // An account holding both sides (no role does today): the rule must not depend on that.
    const both = actor('both', ['program.manage', 'program.review']);
    const project = (state: ProjectState, authorIds: string[]) => ({
      state,
      schoolId: 'school',
      districtId: 'district',
      authorIds,
    });
    const reviewSteps: ProjectAction[] = [
      'score',
      'approve',
      'reject',
      'passMidterm',
      'failMidterm',
      'accept',
      'failAcceptance',
    ];
    for (const state of ['applied', 'reviewing', 'approved', 'midterm_passed'] as const) {
      const own = projectLifecycle.abilities(both, project(state, ['clerk', 'both']));
      const others = projectLifecycle.abilities(both, project(state, ['clerk']));
      for (const step of reviewSteps) {
        expect(own[step], `${state} ${step}`).toBe(false);
        expect(others[step], `${state} ${step}`).toBe(nextProjectState(state, step) !== null);
      }
    }
    expect(() => projectLifecycle.assert('approve', both, project('reviewing', ['both']))).toThrow(
      expect.objectContaining({ status: 403, code: 'SELF_REVIEW' }),
    );
  });

  it('walks 申报 → 评审 → 立项 → 中期检查 → 验收', () => {
    const path: Array<[ProjectAction, ProjectState]> = [
      ['submit', 'applied'],
      ['score', 'reviewing'],
      ['score', 'reviewing'],
      ['approve', 'approved'],
      ['passMidterm', 'midterm_passed'],
      ['accept', 'accepted'],
    ];
    let state: ProjectState = 'draft';
    for (const [action, to] of path) {
      state = nextProjectState(state, action)!;
      expect(state, action).toBe(to);
    }
  });

  it('fails at the mid-term or at acceptance, and rejects before approval', () => {
    expect(nextProjectState('approved', 'failMidterm')).toBe('failed');
    expect(nextProjectState('midterm_passed', 'failAcceptance')).toBe('failed');
    expect(nextProjectState('applied', 'reject')).toBe('rejected');
    expect(nextProjectState('reviewing', 'reject')).toBe('rejected');
  });

  it('refuses every step out of order', () => {
    expect(nextProjectState('applied', 'approve')).toBeNull(); // approval needs a review first
    expect(nextProjectState('approved', 'accept')).toBeNull(); // acceptance needs the mid-term check
    expect(nextProjectState('draft', 'score')).toBeNull();
    expect(nextProjectState('approved', 'reject')).toBeNull();
    expect(nextProjectState('applied', 'edit')).toBeNull(); // materials are frozen once applied
    expect(nextProjectState('reviewing', 'withdraw')).toBeNull(); // too late to withdraw
  });

  it('leaves finished projects finished', () => {
    const actions: ProjectAction[] = [
      'edit',
      'submit',
      'withdraw',
      'score',
      'approve',
      'reject',
      'passMidterm',
      'failMidterm',
      'accept',
      'failAcceptance',
    ];
    for (const done of ['accepted', 'failed', 'rejected', 'withdrawn'] as const)
      for (const a of actions) expect(nextProjectState(done, a), `${done} ${a}`).toBeNull();
    expect(PROJECT_STATES).toHaveLength(9);
  });

  it('names what each kind must refer to', () => {
    expect(requiredSubject('brand_major')).toBe('major');
    expect(requiredSubject('quality_course')).toBe('course');
    expect(requiredSubject('master_teacher')).toBe('teacher');
    expect(requiredSubject('culture_brand')).toBeNull();
    expect(levelsFrom('provincial')).toEqual(['provincial', 'national']);
  });
});

describe('score averaging', () => {
  it('averages reviewers’ scores, rounded half up to two decimals', () => {
    expect(averageScore([88, 91.5, 90])).toBe(89.83);
    expect(averageScore([90])).toBe(90);
    expect(averageScore([85.5, 86])).toBe(85.75);
    expect(averageScore([80, 80, 81])).toBe(80.33);
    expect(averageScore([80, 81, 81])).toBe(80.67);
  });

  it('keeps decimal scores exact (no binary drift)', () => {
    expect(averageScore([0.1, 0.2])).toBe(0.15);
    expect(averageScore([100, 100, 100])).toBe(100);
    expect(averageScore([0, 0])).toBe(0);
  });

  it('has no score before anyone has scored', () => {
    expect(averageScore([])).toBeNull();
  });
});

describe('resource coverage', () => {
  it('counts majors with at least N reviewed resources over all majors', () => {
    expect(resourceCoverage([12, 3, 10, 0], 10)).toEqual({ covered: 2, total: 4, value: 50 });
    expect(resourceCoverage([1, 1, 1], 1)).toEqual({ covered: 3, total: 3, value: 100 });
    expect(resourceCoverage([9, 2, 1], 10)).toEqual({ covered: 0, total: 3, value: 0 });
  });

  it('rounds to one decimal and is 0 with no majors', () => {
    expect(resourceCoverage([10, 0, 0], 10).value).toBe(33.3);
    expect(resourceCoverage([10, 10, 0], 10).value).toBe(66.7);
    expect(resourceCoverage([], 10)).toEqual({ covered: 0, total: 0, value: 0 });
  });
});

describe('the major catalogue file', () => {
  it('reads the 2021 catalogue with the majors Shangdang’s schools run', () => {
    const c = readCatalogueFile(CATALOGUE_2021_FILE);
    expect(c.version).toBe('2021');
    const names = new Set(c.majors.map((m) => m.name));
    for (const name of [
      '焊接技术应用',
      '机电技术应用',
      '美发与形象设计',
      '电子商务',
      '康复技术',
      '汽车运用与维修',
      '幼儿保育',
    ])
      expect(names, name).toContain(name);
    expect(c.majors.find((m) => m.code === '660301')).toMatchObject({
      name: '机电技术应用',
      categoryName: '装备制造大类',
      verified: true,
    });
    expect(c.majors.every((m) => m.code.startsWith(m.categoryCode))).toBe(true);
  });

  it('refuses a bad file with every problem listed', () => {
    const bad = `version: '21'
categories: [{ code: '66', name: 装备制造大类 }]
majors:
  - { code: '710201', name: 计算机应用, category: '66', verified: false }
  - { code: '6603', name: 短代码, category: '66', verified: false }
  - { code: '660301', name: 机电技术应用, category: '66', verified: maybe }`;
    expect(() => parseCatalogue(bad)).toThrow(
      /four-digit year.*category 66 unknown or not.*six-digit code.*verified must be/s,
    );
  });
});

describe('metric names', () => {
  it('are camelCase as plan files require, one approved and one accepted per kind', () => {
    const names = PROJECT_COUNT_METRICS.map((m) => m.name);
    for (const n of names) expect(n).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/);
    expect(names).toContain('programs.brandMajorsAccepted');
    expect(names).toContain('programs.districtMasterTeachersApproved');
    expect(new Set(names).size).toBe(16);
  });
});

describe('demo PDFs', () => {
  it('pass the upload guard as PDFs', () => {
    const buffer = tinyPdf(['Zhijiao', 'Welding (basics) \\ 焊接']);
    const check = checkUpload({ buffer, declaredName: '焊接.pdf', allowed: ['pdf'], maxBytes: 1 << 20 });
    expect(check).toMatchObject({ ok: true, kind: 'pdf', mime: 'application/pdf' });
    expect(buffer.toString('latin1')).toContain('(Welding \\(basics\\) \\\\ ??) Tj');
    expect(buffer.toString('latin1')).toMatch(/startxref\n\d+\n%%EOF\n$/);
  });
});
