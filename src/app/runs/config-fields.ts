import { z } from 'zod';

/** One editable optimizer parameter, read off its zod schema. */
export type ConfigField =
  | { kind: 'number'; key: string; help?: string; integer: boolean; min?: number; max?: number; defaultValue?: number; optional: boolean }
  | { kind: 'boolean'; key: string; help?: string; defaultValue?: boolean }
  | { kind: 'enum'; key: string; help?: string; options: string[]; defaultValue?: string; optional: boolean }
  | { kind: 'string'; key: string; help?: string; defaultValue?: string; optional: boolean };

interface JsonProp {
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

function baseType(prop: JsonProp): { type: string | undefined; nullable: boolean } {
  if (Array.isArray(prop.type)) {
    const rest = prop.type.filter((t) => t !== 'null');
    return { type: rest.length === 1 ? rest[0] : undefined, nullable: rest.length < prop.type.length };
  }
  return { type: prop.type, nullable: false };
}

/**
 * The form a config schema asks for, via zod's own JSON Schema view (so defaults, bounds and
 * `.describe()` help come straight from the optimizer file). Parameters no simple control can
 * edit (objects, unions) are left out and keep their defaults.
 */
export function configFields(schema: z.ZodType): ConfigField[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonProp>; required?: string[] };
  const required = new Set(json.required ?? []);
  const fields: ConfigField[] = [];
  for (const [key, prop] of Object.entries(json.properties ?? {})) {
    const help = prop.description;
    const { type, nullable } = baseType(prop);
    const optional = nullable || !required.has(key) || prop.default !== undefined;
    if (prop.enum && prop.enum.every((v) => typeof v === 'string')) {
      fields.push({ kind: 'enum', key, help, options: prop.enum as string[], defaultValue: typeof prop.default === 'string' ? prop.default : undefined, optional });
    } else if (type === 'integer' || type === 'number') {
      fields.push({
        kind: 'number', key, help, integer: type === 'integer', optional,
        min: prop.minimum ?? prop.exclusiveMinimum, max: prop.maximum ?? prop.exclusiveMaximum,
        defaultValue: typeof prop.default === 'number' ? prop.default : undefined,
      });
    } else if (type === 'boolean') {
      fields.push({ kind: 'boolean', key, help, defaultValue: typeof prop.default === 'boolean' ? prop.default : undefined });
    } else if (type === 'string') {
      fields.push({ kind: 'string', key, help, defaultValue: typeof prop.default === 'string' ? prop.default : undefined, optional });
    }
  }
  return fields;
}

/** The form's starting values: every default the schema fills. */
export function defaultConfig(fields: ConfigField[]): Record<string, unknown> {
  return Object.fromEntries(fields.flatMap((f) => (f.defaultValue === undefined ? [] : [[f.key, f.defaultValue]])));
}

/** Validation messages per field, from the optimizer's own schema. */
export function configErrors(schema: z.ZodType, config: Record<string, unknown>): Record<string, string> {
  const parsed = schema.safeParse(config);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || '(config)';
    out[key] ??= issue.message;
  }
  return out;
}
