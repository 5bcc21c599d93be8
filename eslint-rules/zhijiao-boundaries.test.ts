import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import zhijiao from './zhijiao-boundaries.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const linter = new Linter({ configType: 'flat' });

/** The architecture rules' messages for `code` as if it were the file at `file` (repo-relative). */
function problems(file: string, code: string): string[] {
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts', '**/*.tsx'],
          languageOptions: { parser: tseslint.parser as Linter.Parser },
          plugins: { zhijiao },
          rules: {
            'zhijiao/module-boundaries': 'error',
            'zhijiao/table-owner': 'error',
            'zhijiao/no-query-builder': 'error',
          },
        },
      ],
      path.join(ROOT, file),
    )
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the architecture, checked by lint', () => {
  it('lets a module import another only through its index.ts', () => {
    const file = 'apps/server/src/modules/joint-meetings/meetings.service.ts';
    expect(problems(file, "import { x } from '../supervision/index.ts';")).toEqual([]);
    expect(problems(file, "import { x } from '../supervision/supervision.repository.ts';")).toEqual([
      'zhijiao/module-boundaries: Import the supervision module through its index.ts, not its internals.',
    ]);
  });

  it('keeps the platform from importing modules, and routes from repositories', () => {
    expect(
      problems(
        'apps/server/src/platform/jobs/jobs.service.ts',
        "import { x } from '../../modules/org/index.ts';",
      ),
    ).toHaveLength(1);
    expect(
      problems(
        'apps/server/src/modules/teachers/teachers.routes.ts',
        "import { x } from './teachers.repository.ts';",
      ),
    ).toEqual(['zhijiao/module-boundaries: Routes call services only: move this query behind the service.']);
  });

  it('refuses SQL in a service, and another module’s table anywhere in a module', () => {
    const service = problems(
      'apps/server/src/modules/teachers/register.service.ts',
      "export const f = (db) => db.selectFrom('teacher').selectAll().execute();",
    );
    expect(service).toEqual([
      "zhijiao/no-query-builder: Services hold rules, not SQL: move this selectFrom into the module's repository.",
    ]);
    const repository = problems(
      'apps/server/src/modules/teachers/teachers.repository.ts',
      "export const f = (db) => db.selectFrom('teacher as t').innerJoin('orgUnit as o', 'o.id', 't.schoolId');",
    );
    expect(repository).toEqual([
      'zhijiao/table-owner: The table orgUnit belongs to org: read it through modules/org/index.ts.',
    ]);
    const raw = problems(
      'apps/server/src/modules/teachers/ratio.queries.ts',
      'export const q = sql`SELECT 1 FROM teacher t JOIN app_user u ON u.id = t.created_by`;',
    );
    expect(raw).toEqual([
      'zhijiao/table-owner: The table appUser belongs to platform: read it through the platform.',
    ]);
  });

  it('keeps web features apart and shared code free of features', () => {
    expect(
      problems(
        'apps/web/src/features/teachers/components/x.tsx',
        "import { y } from '@/features/programs/api/z';",
      ),
    ).toHaveLength(1);
    expect(
      problems('apps/web/src/components/x.tsx', "import { y } from '@/features/programs/api/z';"),
    ).toHaveLength(1);
    expect(
      problems('apps/web/src/app/router.tsx', "import { routes } from '@/features/programs/routes';"),
    ).toEqual([]);
  });
});
