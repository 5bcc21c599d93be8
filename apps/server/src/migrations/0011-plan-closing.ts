import { sql, type Kysely } from 'kysely';

/**
 * Closing a plan (收官): its final evaluation (终期评估) — one per plan code, whatever versions
 * follow — a draft the coordinator edits, then closed with the plan; each task's outcome with a
 * remark, each indicator's verdict at its deadline frozen when the plan closes, and the
 * evaluation's history (the workflow's steps).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE plan_evaluation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_code text NOT NULL UNIQUE,
      plan_id uuid NOT NULL REFERENCES plan(id),
      state text NOT NULL CHECK (state IN ('draft','closed')),
      narrative text NOT NULL DEFAULT '',
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      closed_by uuid REFERENCES app_user(id),
      closed_at timestamptz,
      closed_on date
    );

    CREATE TABLE plan_evaluation_task (
      evaluation_id uuid NOT NULL REFERENCES plan_evaluation(id) ON DELETE CASCADE,
      task_id uuid NOT NULL REFERENCES plan_task(id),
      outcome text NOT NULL CHECK (outcome IN ('completed','partly','not_completed')),
      remark text NOT NULL DEFAULT '',
      PRIMARY KEY (evaluation_id, task_id)
    );

    CREATE TABLE plan_evaluation_indicator (
      evaluation_id uuid NOT NULL REFERENCES plan_evaluation(id) ON DELETE CASCADE,
      indicator_id uuid NOT NULL REFERENCES indicator(id),
      deadline date NOT NULL,
      value numeric,
      value_period text,
      status text NOT NULL,
      verdict text NOT NULL CHECK (verdict IN ('met','not_met','no_data')),
      PRIMARY KEY (evaluation_id, indicator_id)
    );

    CREATE TABLE plan_evaluation_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      evaluation_id uuid NOT NULL REFERENCES plan_evaluation(id) ON DELETE CASCADE,
      at timestamptz NOT NULL,
      actor_id uuid REFERENCES app_user(id),
      action text NOT NULL,
      comment text
    );
    CREATE INDEX plan_evaluation_event_idx ON plan_evaluation_event(evaluation_id, at);
  `.execute(db);
}
