import { AjvCompiler } from '@fastify/ajv-compiler';
import { Type, type TSchema } from 'typebox';
import { describe, expect, it } from 'vitest';
import { literals, Nullable } from './schemas.ts';

/** A body validator with the options the app gives Fastify (type coercion on). */
const validatorFor = (field: TSchema) => {
  const build = AjvCompiler()(
    {},
    { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  );
  const validate = build({ schema: Type.Object({ field }), method: 'POST', url: '/x', httpPart: 'body' });
  return (value: unknown) => {
    const body = { field: value };
    return validate(body) === true ? { ok: true, field: body.field } : { ok: false };
  };
};

describe('Nullable in a request body', () => {
  it('keeps null a null for a number, an integer, a string and a boolean (Ajv coerced it to 0, "" and false)', () => {
    for (const schema of [Type.Number({ minimum: 0 }), Type.Integer(), Type.String(), Type.Boolean()])
      expect(validatorFor(Nullable(schema))(null)).toEqual({ ok: true, field: null });
  });

  it('leaves values other than null to the inner schema, coercion included', () => {
    const number = validatorFor(Nullable(Type.Number({ minimum: 0 })));
    expect(number(0)).toEqual({ ok: true, field: 0 });
    expect(number('5')).toEqual({ ok: true, field: 5 });
    expect(number(-1)).toEqual({ ok: false });
    const text = validatorFor(Nullable(Type.String()));
    expect(text('')).toEqual({ ok: true, field: '' });
    expect(validatorFor(Nullable(Type.Boolean()))(false)).toEqual({ ok: true, field: false });
  });

  it('keeps null for a union of literals and an object, and refuses what is neither', () => {
    const kind = validatorFor(Nullable(literals(['a', 'b'])));
    expect(kind(null)).toEqual({ ok: true, field: null });
    expect(kind('a')).toEqual({ ok: true, field: 'a' });
    expect(kind('c')).toEqual({ ok: false });
    const object = validatorFor(Nullable(Type.Object({ x: Type.Number() })));
    expect(object(null)).toEqual({ ok: true, field: null });
    expect(object({ x: '1' })).toEqual({ ok: true, field: { x: 1 } });
  });

  it('says nullable in the API document, keeping the description', () => {
    expect(Nullable(Type.Number({ description: 'd' }))).toMatchObject({
      type: 'number',
      nullable: true,
      description: 'd',
    });
  });
});
