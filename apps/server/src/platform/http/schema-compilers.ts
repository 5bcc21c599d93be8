import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type SerializerFactory = ReturnType<typeof SerializerSelector>;
type Serializer = ReturnType<ReturnType<SerializerFactory>>;

/**
 * One pool of compiled route validators and serializers per process. Fastify compiles every route
 * schema when an app starts (about half a second for ~190 routes); a process that builds the app
 * more than once — every test file does — reuses what it compiled, because the route schemas are
 * the same objects. Validators come from @fastify/ajv-compiler's own pool (one Ajv per options and
 * shared schemas); serializers are kept per schema object and status code.
 */
export const buildValidator = AjvCompiler();

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
