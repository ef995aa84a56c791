// Reading a kind's schema the way the engine does (dataset/schema.h) for the form: $ref, types, and the
// JSON paths problems are reported at (dataset/json_path.h).

export function resolve(root, node) {
  let current = node || {};
  const outer = [];
  for (let depth = 0; current.$ref && depth < 32; depth++) {
    outer.push(current);
    const name = current.$ref.replace(/^#\/definitions\//, '');
    current = (root.definitions && root.definitions[name]) || {};
  }
  if (!outer.length) return current;
  // Keywords beside a $ref (title, description, x-references) belong to the use, and win.
  const merged = { ...current };
  for (let i = outer.length - 1; i >= 0; i--) {
    for (const [key, value] of Object.entries(outer[i])) if (key !== '$ref') merged[key] = value;
  }
  return merged;
}

export function typesOf(node) {
  if (node.type) return Array.isArray(node.type) ? node.type : [node.type];
  const values = node.enum || (node.const !== undefined ? [node.const] : null);
  if (values) {
    return [...new Set(values.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)))];
  }
  if (node.properties) return ['object'];
  if (node.items) return ['array'];
  return [];
}

const SCALARS = new Set(['string', 'number', 'integer', 'boolean', 'null']);
export function isScalar(node) {
  const types = typesOf(node);
  return types.length > 0 && types.every((t) => SCALARS.has(t));
}
export function isObject(node) {
  const types = typesOf(node);
  return types.includes('object') && !types.includes('array');
}
export function isArray(node) {
  const types = typesOf(node);
  return types.includes('array') && !types.includes('object');
}

// The label a clerk reads: the schema's title, else the field's name.
export function titleOf(node, key) {
  return node.title || String(key).replace(/_/g, ' ');
}

// The value a new item or an added section starts with: required fields present, empty.
export function emptyValue(root, node) {
  const n = resolve(root, node);
  if (n.const !== undefined) return n.const;
  if (n.default !== undefined) return structuredClone(n.default);
  const types = typesOf(n);
  if (types.includes('object')) {
    const value = {};
    for (const key of n.required || []) {
      const child = resolve(root, n.properties[key]);
      if (child.const !== undefined || !isScalar(child)) value[key] = emptyValue(root, child);
      else if (typesOf(child).includes('string') && !child.enum) value[key] = '';
    }
    return value;
  }
  if (types.includes('array')) return [];
  if (types.includes('string') && !n.enum) return '';
  return undefined;
}

// Paths as the engine writes them: schools[3].name, budget["งบ ๒๕๖๗"].
function needsBrackets(key) {
  if (key === '') return true;
  for (const ch of key) {
    const c = ch.codePointAt(0);
    if (c <= 0x20 || c === 0x7f || '.[]"\\'.includes(ch)) return true;
  }
  return false;
}
export function appendKey(path, key) {
  if (needsBrackets(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}
export function appendIndex(path, index) {
  return `${path}[${index}]`;
}

// "students[17].distance_km" -> ["students", 17, "distance_km"]
export function splitPath(path) {
  const segments = [];
  const re = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/g;
  let m;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) segments.push(Number(m[1]));
    else if (m[2] !== undefined) segments.push(JSON.parse(m[2]));
    else segments.push(m[3]);
  }
  return segments;
}

export function joinPath(segments) {
  return segments.reduce((path, s) => (typeof s === 'number' ? appendIndex(path, s) : appendKey(path, s)), '');
}

// The values an x-references pattern reaches ("schools[*].code", "schools[code={school}].merged[*].code",
// "genders[*]"), each with the object holding it (for a readable label). `record` is the object around the
// field being filled (the student, for a student's from_school).
export function referencedValues(data, pattern, record) {
  let holders = [{ value: data, holder: null }];
  for (const part of pattern.split('.')) {
    const m = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(part);
    if (!m) return [];
    holders = holders.map(({ value }) => ({ value: value && typeof value === 'object' ? value[m[1]] : undefined,
      holder: value }));
    for (const [, selector] of m[2].matchAll(/\[([^\]]*)\]/g)) {
      const next = [];
      for (const { value } of holders) {
        if (!Array.isArray(value)) continue;
        if (selector === '*') value.forEach((item) => next.push({ value: item, holder: value }));
        else if (/^\d+$/.test(selector)) next.push({ value: value[Number(selector)], holder: value });
        else {
          const f = /^([^=]+)=\{([^}]+)\}$/.exec(selector);
          if (!f) continue;
          const wanted = record ? record[f[2]] : undefined;
          value.forEach((item) => { if (item && item[f[1]] === wanted) next.push({ value: item, holder: value }); });
        }
      }
      holders = next;
    }
  }
  return holders.filter(({ value }) => value !== undefined && value !== null && typeof value !== 'object');
}
