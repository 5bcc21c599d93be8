import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type SerializerFactory = ReturnType<typeof SerializerSelector>;
type Serializer = ReturnType<ReturnType<SerializerFactory>>;

/**
 * One pool of compiled route validators and serializers per process. Fastify compiles every route
 * schema when an app starts (about half a second for ~190 routes); a process that builds the app
 * more than once — every test file does — reuses what it compiled, because the route schemas are
 * the same objects. Validators come from @fastify/ajv-compiler's own pool (one Ajv per options and
 * shared schemas), each wrapped to refuse numbers that are not finite; serializers are kept per
 * schema object and status code.
 */
const ajvValidators = AjvCompiler();

type Validate = ReturnType<ReturnType<typeof ajvValidators>>;
type Ajv2ndArg = { parentData?: Record<string, unknown>; parentDataProperty?: string };

/**
 * The path (`/year`, `/values/0/value`) of the first number in `value` that is not finite, or null.
 *
 * @example nonFinitePath({ year: Infinity }) // '/year'
 */
export function nonFinitePath(value: unknown, at = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : at;
  if (!value || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    const found = nonFinitePath(v, `${at}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

/**
 * A validator that also refuses numbers that are not finite. Ajv coerces query strings, params and
 * JSON strings to numbers without looking at the result ("1e309" and "Infinity" become Infinity)
 * and checks `minimum`/`maximum` only on finite numbers, so `?year=1e309` passed
 * `Type.Integer({ minimum: 2000, maximum: 2100 })` and reached the service as Infinity. Checked
 * after Ajv has coerced, on the data it leaves in the request; the refusal is an Ajv-shaped error,
 * so it answers 400 VALIDATION_FAILED with the field's path like any other.
 */
function finiteNumbersOnly(validate: Validate): Validate {
  const checked = ((data: unknown, context?: Ajv2ndArg) => {
    const ok = (validate as (d: unknown, c?: Ajv2ndArg) => ReturnType<Validate>)(data, context);
    checked.errors = validate.errors;
    if (ok !== true) return ok;
    const coerced = context?.parentData ? context.parentData[context.parentDataProperty!] : data;
    const path = nonFinitePath(coerced);
    if (path === null) return true;
    checked.errors = [
      {
        keyword: 'finite',
        instancePath: path,
        schemaPath: '#',
        params: {},
        message: 'must be a finite number',
      },
    ];
    return false;
  }) as Validate;
  // Fastify hands Ajv the request as the parent (so Ajv may coerce the root) when it sees this.
  Object.assign(checked, { schemaEnv: (validate as { schemaEnv?: unknown }).schemaEnv });
  return checked;
}

/** Ajv validators from @fastify/ajv-compiler's pool, refusing numbers that are not finite. */
export const buildValidator: typeof ajvValidators = (externalSchemas, options) => {
  const build = ajvValidators(externalSchemas, options);
  return (route) => finiteNumbersOnly(build(route));
};

const selectSerializer = SerializerSelector();
const serializers = new Map<string, WeakMap<object, Map<string, Serializer>>>();

export const buildSerializer: SerializerFactory = (externalSchemas, options) => {
  const build = selectSerializer(externalSchemas, options);
  const poolKey = JSON.stringify([externalSchemas, options]);
  let pool = serializers.get(poolKey);
  if (!pool) serializers.set(poolKey, (pool = new WeakMap()));
  const bySchema = pool;
  return (route) => {
    const schema = route.schema as object;
    let compiled = bySchema.get(schema);
    if (!compiled) bySchema.set(schema, (compiled = new Map()));
    const key = `${route.httpStatus}|${(route as { contentType?: string }).contentType ?? ''}`;
    let serializer = compiled.get(key);
    if (!serializer) compiled.set(key, (serializer = build(route)));
    return serializer;
  };
};
