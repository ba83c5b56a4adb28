// Which definition of an operation schema an ajv error came from, for schemas with recursive shapes
// (json-schema.ts). ajv reports an error inside a `$ref`-erenced definition with a schemaPath relative to that
// definition, so the path alone is ambiguous; the instance path is not. The schemaPath tells how many
// instance segments lie inside the definition; the segments before them are walked from the root, through
// properties, list items and map values, following references, and name the definition and how the prefix
// reads (member, item or map value, with member ordinals) for the AWS-style message and the sort order.
type JsonSchema = Record<string, unknown>;

export interface Located {
  /** The definition (`dN`) the error's schemaPath is relative to; undefined: the root. */
  unit?: string;
  /** Path kinds of the instance segments before the definition's root: m member, i item, V map value. */
  kinds: string;
  names: string[];
  ords: number[];
}

/** Instance segments a schemaPath (relative to its unit) steps through. */
function consumed(schemaPath: string): number {
  const t = schemaPath.split('/').slice(1);
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 'properties') {
      n++;
      i++;
    } else if ((t[i] === 'items' || t[i] === 'additionalProperties') && i < t.length - 1) n++;
  }
  return n;
}

export function locate(root: JsonSchema, instance: readonly string[], schemaPath: string): Located {
  const definitions = (root.definitions ?? {}) as Record<string, JsonSchema>;
  const depth = instance.length - consumed(schemaPath);
  let node = root;
  let unit: string | undefined;
  const resolve = () => {
    // the root itself may be a reference (a recursive input shape): follow it too
    for (let ref = node.$ref as string | undefined; ref !== undefined; ref = node.$ref as string | undefined) {
      unit = ref.slice('#/definitions/'.length);
      node = definitions[unit]!;
    }
  };
  const out: Located = { kinds: '', names: [], ords: [] };
  for (let k = 0; k < depth; k++) {
    resolve();
    const seg = instance[k]!;
    const props = node.properties as Record<string, JsonSchema> | undefined;
    if (node.type === 'array') {
      out.kinds += 'i';
      node = node.items as JsonSchema;
    } else if (props && Object.hasOwn(props, seg)) {
      out.kinds += 'm';
      out.names.push(seg);
      out.ords.push(Object.keys(props).indexOf(seg));
      node = props[seg]!;
    } else {
      out.kinds += 'V';
      node = node.additionalProperties as JsonSchema;
    }
  }
  resolve();
  if (unit !== undefined) out.unit = unit;
  return out;
}
