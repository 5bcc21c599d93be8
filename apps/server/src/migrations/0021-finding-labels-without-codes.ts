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
  // Only the code as the label was built with it — between spaces after the task label, or
  // leading and followed by a space — and only that one occurrence: a name that holds the code's
  // text (5G基站覆盖率 on an indicator coded 5G) keeps it, on the first run and on any later one.
  await sql`
    UPDATE finding AS f
    SET subject_label = btrim(
      CASE
        WHEN strpos(f.subject_label, ' ' || c.code || ' ') > 0
          THEN overlay(f.subject_label PLACING ''
                       FROM strpos(f.subject_label, ' ' || c.code || ' ') FOR length(c.code) + 2)
        ELSE substr(f.subject_label, length(c.code) + 2)
      END
    )
    FROM (
      SELECT f2.id, coalesce(nullif(f2.evidence ->> 'code', ''), nullif(i.code, '')) AS code
      FROM finding f2
      LEFT JOIN indicator i ON i.id = f2.subject_id
      WHERE f2.subject_type = 'indicator'
    ) AS c
    WHERE f.id = c.id
      AND c.code IS NOT NULL
      AND (
        strpos(f.subject_label, ' ' || c.code || ' ') > 0
        OR left(f.subject_label, length(c.code) + 1) = c.code || ' '
      )
  `.execute(db);
}
