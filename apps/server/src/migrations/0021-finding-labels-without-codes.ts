import { sql, type Kysely } from 'kysely';

/**
 * Findings on an indicator were labelled `<task label> <indicator code> <name>` (e.g. `（六）
 * T06-RESOURCE-COVERAGE 优质资源覆盖率`) until findings came to name an indicator by task and name
 * only (`（六）优质资源覆盖率`). A label is saved when the finding is made — it is the subject as it
 * read then, and the 督导报告 prints it — so the findings made before keep the code. This rewrites
 * them the way a finding is labelled now: the code (the one the finding's evidence recorded, which
 * is the one the label was built with) and the spaces around it are taken out; the rest of the
 * label, the task label and the indicator's name as they read then, is kept. Labels that do not
 * hold their code are left alone, so running it twice changes nothing. Published reports
 * (`supervision_publication.document`) are not touched: they are the record of what was published.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE finding AS f
    SET subject_label = btrim(
      CASE
        WHEN position(' ' || c.code || ' ' IN f.subject_label) > 0
          THEN replace(f.subject_label, ' ' || c.code || ' ', '')
        WHEN f.subject_label LIKE c.code || ' %'
          THEN substr(f.subject_label, length(c.code) + 2)
        ELSE replace(f.subject_label, c.code, '')
      END
    )
    FROM (
      SELECT f2.id, coalesce(nullif(f2.evidence ->> 'code', ''), i.code) AS code
      FROM finding f2
      LEFT JOIN indicator i ON i.id = f2.subject_id
      WHERE f2.subject_type = 'indicator'
    ) AS c
    WHERE f.id = c.id
      AND c.code IS NOT NULL
      AND position(c.code IN f.subject_label) > 0
  `.execute(db);
}
