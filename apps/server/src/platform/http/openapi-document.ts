type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An input schema with every property that has a default made optional, at every depth. */
function relaxInput(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(relaxInput);
  if (!isObject(schema)) return;
  const properties = isObject(schema.properties) ? schema.properties : null;
  if (properties && Array.isArray(schema.required))
    schema.required = schema.required.filter((k) => !(isObject(properties[k]) && 'default' in properties[k]));
  for (const key of ['properties', 'items', 'allOf', 'anyOf', 'oneOf', 'additionalProperties'])
    if (key === 'properties' && properties) Object.values(properties).forEach(relaxInput);
    else if (key !== 'properties') relaxInput(schema[key]);
}

/**
 * The API as a client sees it: a request field or query parameter with a default may be left out
 * (the server fills it in), though the route's schema lists it as required for the handler. Used
 * for the OpenAPI document served at /api/docs and for the generated client types.
 */
export function clientView<T>(document: T): T {
  const paths = isObject((document as Json).paths) ? ((document as Json).paths as Json) : {};
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const operation of Object.values(item)) {
      if (!isObject(operation)) continue;
      for (const p of Array.isArray(operation.parameters) ? operation.parameters : [])
        if (isObject(p) && isObject(p.schema) && 'default' in p.schema) p.required = false;
      const content = isObject(operation.requestBody) ? operation.requestBody.content : null;
      if (isObject(content)) Object.values(content).forEach((c) => isObject(c) && relaxInput(c.schema));
    }
  }
  return document;
}
