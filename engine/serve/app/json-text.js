// A dataset written back as people keep it in git: two-space indents, and a record that fits on one line
// (a student, a rate band) kept on one line.
const LINE = 120;

export function datasetText(value) {
  return `${write(value, '')}\n`;
}

function write(value, indent) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const array = Array.isArray(value);
  const keys = Object.keys(value);
  if (keys.length === 0) return array ? '[]' : '{}';
  if (!hasNested(value)) {
    const items = array ? value.map((v) => JSON.stringify(v)) : keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(value[k])}`);
    const inline = array ? `[${items.join(', ')}]` : `{${items.join(', ')}}`;
    if (inline.length + indent.length <= LINE) return inline;
  }
  const inner = `${indent}  `;
  if (array) return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`;
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(value[k], inner)}`).join(',\n')}\n${indent}}`;
}

// Only flat records and lists go on one line; anything holding another record or list is spread out.
function hasNested(value) {
  return Object.values(value).some((v) => v !== null && typeof v === 'object');
}
