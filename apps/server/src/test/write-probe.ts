/** A record behind an `:id` route, with the org units whose users may see it. */
type Owned = { id: string; unitIds: string[] };

/**
 * A write route of the scoping matrix (platform/http/scoping.test.ts), tried by every clerk on each
 * record of `records`. What each clerk is answered is stated here, from who the route is for: a
 * clerk who does not see the record's school 404 (`unseen`), one who sees it but does not keep it —
 * a clerk of a unit above the schools — 403 (`seen`), the school's own clerk `own`. Answers are
 * written `<status> <error code> [<detail codes, comma-separated>]`, or the bare status of a success.
 */
export interface WriteProbe {
  method: 'POST' | 'PUT' | 'PATCH';
  /** The route as registered; `:id` is filled with the record's id. */
  url: string;
  /** The matrix's records (the key of a GET route) it is tried on. */
  records: string;
  /** The records of `records` it is tried on, when not all of them. */
  only?(rec: Owned): boolean;
  /** The request for this record: a JSON payload, or a multipart form with its headers. */
  request(rec: Owned): { payload: unknown; headers?: Record<string, string> };
  /**
   * The answer to the clerk who keeps the record's school: past every access check and refused for
   * what it asks (a bad ID number, a step the state does not allow), so the walk writes nothing; or
   * a success that writes only an audit row (the clear ID view). null: not asked of the owner, whose
   * request would write (a workflow step its own tests cover).
   */
  own: string | null;
  /** The answer to a clerk who sees the record's school but does not keep it. */
  seen?: string;
  /** The answer to a clerk who does not see the record's school. */
  unseen?: string;
}

/** The answer line of a response, as `WriteProbe` states them. */
export function answerOf(res: { statusCode: number; json(): unknown }): string {
  if (res.statusCode < 400) return String(res.statusCode);
  const { error } = res.json() as { error: { code: string; details?: Array<{ code?: string }> } };
  const details = (error.details ?? []).map((d) => d.code).filter(Boolean);
  return [res.statusCode, error.code, ...(details.length ? [details.join(',')] : [])].join(' ');
}
