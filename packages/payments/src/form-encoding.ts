// Stripe's v1 API takes application/x-www-form-urlencoded bodies with bracketed keys:
// `line_items[0][price_data][unit_amount]=4900&metadata[orderId]=o1`. This turns such a body
// into nested objects and arrays (all values stay strings, as on the wire).

export type FormValue = string | FormValue[] | { [key: string]: FormValue };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseStripeForm(body: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    const path = splitKey(key);
    if (!path || path.some((part) => FORBIDDEN_KEYS.has(part))) continue;
    assign(root, path, value);
  }
  return arrayify(root) as Record<string, FormValue>;
}

function splitKey(key: string): string[] | null {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) return null;
  const [, head, rest] = match;
  const parts = [head as string];
  for (const segment of (rest ?? '').matchAll(/\[([^[\]]*)\]/g)) parts.push(segment[1] ?? '');
  return parts;
}

function assign(target: Record<string, FormValue>, path: string[], value: string): void {
  let node: Record<string, FormValue> = target;
  for (let i = 0; i < path.length; i += 1) {
    let part = path[i] as string;
    // `a[]=x&a[]=y` appends.
    if (part === '') part = String(Object.keys(node).length);
    if (i === path.length - 1) {
      node[part] = value;
      return;
    }
    const next = node[part];
    if (typeof next !== 'object' || next === null) {
      const child: Record<string, FormValue> = Object.create(null);
      node[part] = child;
      node = child;
    } else {
      node = next as Record<string, FormValue>;
    }
  }
}

function arrayify(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: Record<string, FormValue> = {};
  for (const key of keys) converted[key] = arrayify(value[key] as FormValue);
  const isList =
    keys.length > 0 && keys.every((key, index) => /^\d+$/.test(key) && Number(key) === index);
  return isList ? keys.map((key) => converted[key] as FormValue) : converted;
}
