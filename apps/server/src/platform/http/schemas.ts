import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';

/** A union of string literals from a const list, with its precise static type (and a description). */
export const literals = <const T extends readonly string[]>(values: T, options?: { description?: string }) =>
  Type.Unsafe<T[number]>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      options,
    ),
  );

/**
 * `{ error: { code, message, details? } }` — every non-2xx JSON answer. Registered once with the
 * app (`app.addSchema`), so the OpenAPI document holds it once as `components.schemas.ErrorResponse`.
 */
export const ErrorResponseSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code, e.g. PROGRESS_NOT_RESPONSIBLE' }),
      message: Type.String({ description: 'Message in the request language (zh by default)' }),
      details: Type.Optional(
        Type.Unknown({ description: 'Field problems: [{ field, code, message, messageEn }]' }),
      ),
    }),
  },
  { $id: 'ErrorResponse', description: 'Error' },
);

/** A reference to the registered error schema, for a route's error answers. */
export const ErrorResponse = Type.Unsafe<Static<typeof ErrorResponseSchema>>(Type.Ref('ErrorResponse'));

/** Standard error answers for a route, merged with its success answers. */
export function withErrors<T extends Record<number, TSchema>>(ok: T) {
  return {
    ...ok,
    400: ErrorResponse,
    401: ErrorResponse,
    403: ErrorResponse,
    404: ErrorResponse,
    409: ErrorResponse,
  };
}

export const Uuid = Type.String({ format: 'uuid' });
/** A plan's code, e.g. `shangdang-vet-2020`. */
export const PlanCode = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{1,63}$',
  description: 'Plan code, e.g. shangdang-vet-2020',
});
export const IdParams = Type.Object({ id: Uuid });
/**
 * How many rows a list may skip: a bound well past any list a district or province keeps, so a
 * huge offset is a 400 rather than an out-of-range number in SQL.
 */
export const MAX_OFFSET = 100_000_000;
/** A list's `offset` query parameter (paging). */
export const Offset = (description = 'Rows to skip (paging)') =>
  Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0, description });
/**
 * A value or null, where null stays null. With Ajv's `coerceTypes` a `[t, null]` union let the
 * first branch coerce a null body field to 0 (number) or '' (string) and accept it, so "not given"
 * was stored as a value; `{ type: 'null' }` first would turn 0, '' and false into null instead.
 * A schema with one `type` gets OpenAPI 3.0's `nullable: true`, which Ajv checks before coercing
 * (and the API document keeps its description and format); any other (a union of literals …) is
 * `[{ const: null }, t]`, whose first branch Ajv never coerces. Anything but null is validated (and
 * coerced) by `t` alone.
 *
 * @example Nullable(Type.Number()) // { type: 'number', nullable: true }
 */
export const Nullable = <T extends TSchema>(t: T): TUnsafe<Static<T> | null> => {
  const type = (t as { type?: unknown }).type;
  if (typeof type === 'string' && type !== 'null')
    return Type.Unsafe<Static<T> | null>({ ...t, nullable: true });
  return Type.Unsafe<Static<T> | null>({ anyOf: [{ const: null }, t] });
};
/** A calendar date `YYYY-MM-DD` that exists (2021-02-30 is refused with 400, not passed on to SQL). */
export const DateString = Type.String({
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD',
});
export const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const UnitRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
