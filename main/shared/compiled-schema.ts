import { compile, type $ZodType } from 'zod/v4/core';

const compiledSchemas = new WeakMap<$ZodType, $ZodType>();

/**
 * The schema as zod compiles it (`z.compile`): the same answers and the same messages, in a
 * flat generated check instead of a walk over the schema tree, which costs several times less
 * on every IPC request and vendor answer. Compiled on first use (a few milliseconds, once
 * per schema), so that start-up does not pay for it, then kept. A schema zod cannot compile
 * comes back as it is and still works.
 */
export function compiled<S extends $ZodType>(schema: S): S {
  let out = compiledSchemas.get(schema);
  if (out === undefined) {
    out = compile(schema);
    compiledSchemas.set(schema, out);
  }
  return out as S;
}
