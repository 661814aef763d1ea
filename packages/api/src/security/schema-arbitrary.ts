import fc from 'fast-check';

/** The JSON Schema subset `z.toJSONSchema` emits for our procedure inputs. */
export interface JsonSchema {
  type?: 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

export interface ArbitraryOptions {
  /** Real ids from the database, mixed into uuid fields so calls reach past "not found". */
  knownIds: string[];
}

const EDGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  "'; drop table orders; --",
  '<script>alert(1)</script>',
  '../../etc',
  '🀄️',
];

/**
 * A fast-check arbitrary for values that satisfy `schema` most of the time and break it some of the time: edge
 * strings, out-of-range numbers, wrong types. No maintained zod-to-fast-check library supports zod 4, so
 * arbitraries are derived from `z.toJSONSchema`, which zod keeps in step with its own checks.
 */
export function arbitraryFor(schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, options);
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalidArbitrary(schema), weight: 1 });
}

function invalidArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case 'string':
      return fc.oneof(
        fc.constantFrom(...EDGE_STRINGS),
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.integer(),
      );
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 2 ** 53, -(2 ** 53), 0.5),
        fc.double(),
        fc.string({ maxLength: 5 }),
      );
    default:
      return fc.oneof(fc.constant(undefined), fc.constant(null), fc.anything({ maxDepth: 2 }));
  }
}

function validArbitrary(schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, options)));
  if (schema.allOf?.[0]) return validArbitrary(schema.allOf[0], options);
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const record = Object.fromEntries(
        Object.entries(properties).map(([key, s]) => [key, arbitraryFor(s, options)]),
      );
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}, options), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)),
      });
    case 'string':
      return stringArbitrary(schema, options);
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      return fc.double({ min: schema.minimum, max: schema.maximum, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

function stringArbitrary(schema: JsonSchema, { knownIds }: ArbitraryOptions): fc.Arbitrary<string> {
  if (schema.format === 'uuid') {
    return knownIds.length ? fc.oneof(fc.constantFrom(...knownIds), fc.uuid()) : fc.uuid();
  }
  if (schema.format === 'date') {
    return fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
  }
  const bounds = { minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 200) };
  const text = fc.oneof(
    fc.string(bounds),
    fc.string({ ...bounds, unit: 'grapheme' }),
    fc.string({ ...bounds, unit: 'binary' }),
  );
  if (!schema.pattern) return text;
  // Patterns (USCCs, phone numbers…) are matched by construction when fast-check can, else left to chance.
  return fc.oneof(fc.stringMatching(new RegExp(schema.pattern)), text);
}
