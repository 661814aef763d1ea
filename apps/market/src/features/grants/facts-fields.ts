import { type GrantArticle, type GrantFacts, grantFacts } from '@nanshan/api/grant-facts';
import { parseAmountToFen } from '@nanshan/ui';
import { z } from 'zod';
import { amountProblem, type ValidationKey } from '../../lib/validation';

/**
 * The apply form's fact fields come from the API's own schema (`grantFacts`), so a fact the API adds or changes shows
 * up here without a second declaration: each field's input follows its zod type, and money (`…Fen`) is typed in 元.
 */
type FactKey<F> = F extends unknown ? Exclude<keyof F, 'article'> : never;
export type FactName = FactKey<GrantFacts>;

export type FactField =
  | { name: FactName; type: 'money' | 'boolean' | 'date' | 'party' | 'list' }
  | { name: FactName; type: 'choice'; options: readonly string[] };

/** What the form holds per fact: text for money, dates, choices, ids and lists (one per line), a flag for yes/no. */
export type FactValues = Partial<Record<FactName, string | boolean>>;

type ArticleSchema = (typeof grantFacts.options)[number];

function articleSchema(article: GrantArticle): ArticleSchema {
  const found = grantFacts.options.find((o) => {
    const first = o instanceof z.ZodDiscriminatedUnion ? o.options[0] : o;
    return (first as z.ZodObject).shape.article.value === article;
  });
  if (!found) throw new Error(`no facts schema for ${article}`);
  return found;
}

function fieldOf(name: FactName, schema: z.ZodType): FactField {
  // A fact the API added later is optional so that older stored applications still parse; the form always asks it.
  if (schema instanceof z.ZodOptional) return fieldOf(name, schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodBoolean) return { name, type: 'boolean' };
  if (schema instanceof z.ZodNumber && name.endsWith('Fen')) return { name, type: 'money' };
  if (schema instanceof z.ZodISODate) return { name, type: 'date' };
  if (schema instanceof z.ZodUUID) return { name, type: 'party' };
  if (schema instanceof z.ZodArray) return { name, type: 'list' };
  if (schema instanceof z.ZodEnum) return { name, type: 'choice', options: schema.options as string[] };
  if (schema instanceof z.ZodLiteral)
    return { name, type: 'choice', options: [...schema.values] as string[] };
  throw new Error(`no input for the fact ${name}`);
}

function objectFields(schema: z.ZodObject, skip: readonly string[]): FactField[] {
  return Object.entries(schema.shape)
    .filter(([name]) => !skip.includes(name))
    .map(([name, field]) => fieldOf(name as FactName, field as z.ZodType));
}

/**
 * The fields an article asks for. An article with tracks (Art. 8) asks for the track first and then that track's
 * facts; `values` says which track is chosen (the first one until then).
 */
export function factFields(article: GrantArticle, values: FactValues = {}): FactField[] {
  const schema = articleSchema(article);
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return objectFields(schema, ['article']);
  const key = schema.def.discriminator as FactName;
  const variants = schema.options as z.ZodObject[];
  const tracks = variants.map((v) => String((v.shape[key] as z.ZodLiteral).value));
  const chosen = variants[Math.max(0, tracks.indexOf(String(values[key] ?? '')))]!;
  return [{ name: key, type: 'choice', options: tracks }, ...objectFields(chosen, ['article', key])];
}

/** Empty values for the article's fields (a choice starts at its first option). */
export function emptyFactValues(article: GrantArticle): FactValues {
  const values: FactValues = {};
  for (const field of factFields(article)) {
    values[field.name] = field.type === 'boolean' ? false : field.type === 'choice' ? field.options[0]! : '';
  }
  return values;
}

/** One invoice number or the like per line (commas and 、 separate too). */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,，、;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function issueKey(field: FactField | undefined, value: unknown, issue: z.core.$ZodIssue): ValidationKey {
  if (value === '' || value === undefined) return 'validation.required';
  if (field?.type === 'money')
    return issue.code === 'too_small' ? 'validation.amountPositive' : 'validation.amountTooLarge';
  if (field?.type === 'date') return 'validation.date';
  if (field?.type === 'list')
    return issue.code === 'too_big' ? 'validation.listTooLong' : 'validation.required';
  return 'validation.invalid';
}

export type FactsResult =
  | { ok: true; facts: GrantFacts }
  | { ok: false; errors: Partial<Record<FactName, ValidationKey>> };

/**
 * The form's values as the API's facts, checked by the API's schema: money from 元 text to integer fen, lists split
 * per line. A refusal names the field and an i18n key.
 */
export function toFacts(article: GrantArticle, values: FactValues): FactsResult {
  const fields = factFields(article, values);
  const errors: Partial<Record<FactName, ValidationKey>> = {};
  const facts: Record<string, unknown> = { article };
  for (const field of fields) {
    const value = values[field.name];
    if (field.type === 'boolean') facts[field.name] = value === true;
    else if (field.type === 'list') facts[field.name] = splitList(String(value ?? ''));
    else if (field.type === 'money') {
      const text = String(value ?? '');
      const parsed = parseAmountToFen(text, 'yuan');
      if (parsed.ok) facts[field.name] = parsed.fen;
      else errors[field.name] = amountProblem(text, 'yuan')!;
    } else facts[field.name] = String(value ?? '');
  }
  const parsed = grantFacts.safeParse(facts);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, facts: parsed.data };
  for (const issue of parsed.error?.issues ?? []) {
    const name = issue.path[0] as FactName;
    const field = fields.find((f) => f.name === name);
    errors[name] ??= issueKey(field, facts[name], issue);
  }
  return { ok: false, errors };
}
