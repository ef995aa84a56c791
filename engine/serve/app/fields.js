// One value's control, chosen from its schema: a select for an enum or a reference to other data, a date box
// for format "date", a money box (two decimals) for x-money, a number box, a check box, a text box.
import { createDateField } from './date-field.js';
import { referencedValues, typesOf } from './schema.js';
import { formatMoney, parseNumber } from './thai.js';

const LONG_TEXT = 70;  // characters beyond which a text box becomes a text area

// field: {id, path, value, required, label, node, record (the object holding the value), data (the whole
// dataset, for references), long (prefer a text area), onValue(value | undefined to remove)}
export function createControl(field) {
  const { node } = field;
  const types = typesOf(node);
  if (node.enum) return enumControl(field);
  if (node['x-references']) return referenceControl(field);
  if (types.includes('boolean')) return booleanControl(field);
  if (types.includes('string') && node.format === 'date') return dateControl(field);
  if (types.includes('number') || types.includes('integer')) {
    if (!types.includes('string')) return numberControl(field, types);
  }
  if (types.includes('string')) return textControl(field);
  return jsonControl(field);
}

function describe(element, field) {
  element.id = field.id;
  element.dataset.path = field.path;
  if (field.ariaLabel) element.setAttribute('aria-label', field.ariaLabel);
  if (field.required) element.setAttribute('aria-required', 'true');
  return element;
}

function selectControl(field, options, fromText) {
  const select = describe(document.createElement('select'), field);
  const nullable = typesOf(field.node).includes('null');
  const fill = (list) => {
    const current = field.value;
    select.replaceChildren();
    if (!field.required || nullable || current === undefined || current === '') {
      select.add(new Option(field.required && !nullable ? '— เลือก —' : '— ไม่ระบุ —', ''));
    }
    let found = false;
    for (const { value, label } of list) {
      const option = new Option(label, JSON.stringify(value));
      if (value === current) { option.selected = true; found = true; }
      select.add(option);
    }
    if (!found && current !== undefined && current !== '' && current !== null) {
      const option = new Option(`${current} (ไม่อยู่ในรายการ)`, JSON.stringify(current));
      option.selected = true;
      select.add(option);
    }
  };
  fill(options());
  // Reference lists follow the data: they are read again when the clerk opens the list.
  const refresh = () => fill(options());
  select.addEventListener('focus', refresh);
  select.addEventListener('mousedown', refresh);
  select.addEventListener('change', () => {
    const text = select.value;
    const value = text === '' ? (nullable && field.required ? null : undefined) : fromText(text);
    field.value = value;
    field.onValue(value);
  });
  return { element: select, focusable: select };
}

function enumControl(field) {
  return selectControl(field, () => field.node.enum.filter((v) => v !== null)
    .map((v) => ({ value: v, label: String(v) })), (text) => JSON.parse(text));
}

function referenceControl(field) {
  const options = () => {
    const seen = new Set();
    const list = [];
    for (const { value, holder } of referencedValues(field.data(), field.node['x-references'], field.record())) {
      if (seen.has(value)) continue;
      seen.add(value);
      const name = holder && !Array.isArray(holder) && typeof holder.name === 'string' ? holder.name : '';
      list.push({ value, label: name && name !== value ? `${value} — ${name}` : String(value) });
    }
    return list;
  };
  return selectControl(field, options, (text) => JSON.parse(text));
}

function booleanControl(field) {
  if (!field.required) {
    return selectControl(field, () => [{ value: true, label: 'ใช่' }, { value: false, label: 'ไม่ใช่' }],
      (text) => JSON.parse(text));
  }
  const box = describe(document.createElement('input'), field);
  box.type = 'checkbox';
  box.checked = field.value === true;
  box.addEventListener('change', () => field.onValue(box.checked));
  return { element: box, focusable: box };
}

function dateControl(field) {
  const date = createDateField({
    id: field.id,
    value: typeof field.value === 'string' ? field.value : '',
    onChange: (iso) => field.onValue(iso === '' ? (field.required ? '' : undefined) : iso),
  });
  describe(date.input, field);
  date.element.dataset.pathWrapper = field.path;
  return { element: date.element, focusable: date.input };
}

function numberControl(field, types) {
  const input = describe(document.createElement('input'), field);
  const money = field.node['x-money'] === true;
  const integer = types.includes('integer') && !types.includes('number');
  const nullable = types.includes('null');
  input.type = 'text';
  input.inputMode = integer ? 'numeric' : 'decimal';
  input.autocomplete = 'off';
  input.className = money ? 'money' : 'number';
  const shown = (v) => (typeof v === 'number' ? (money ? formatMoney(v) : String(v)) : (v == null ? '' : String(v)));
  input.value = shown(field.value);
  if (money) input.placeholder = '0.00';
  input.addEventListener('input', () => {
    const text = input.value.trim();
    if (text === '') {
      input.classList.remove('local-invalid');
      field.onValue(nullable && field.required ? null : undefined);
      return;
    }
    const value = parseNumber(text);
    const bad = Number.isNaN(value) || (integer && !Number.isInteger(value));
    input.classList.toggle('local-invalid', bad);
    input.title = bad ? (integer ? 'พิมพ์จำนวนเต็ม เช่น 200' : 'พิมพ์ตัวเลข เช่น 1,234.50') : '';
    if (!bad) { field.value = value; field.onValue(value); }
  });
  input.addEventListener('blur', () => {
    if (!input.classList.contains('local-invalid') && typeof field.value === 'number') input.value = shown(field.value);
  });
  return { element: input, focusable: input };
}

function textControl(field) {
  const text = typeof field.value === 'string' ? field.value : (field.value == null ? '' : String(field.value));
  const long = field.long || text.length > LONG_TEXT || (field.node.maxLength || 0) > 200;
  const input = describe(document.createElement(long ? 'textarea' : 'input'), field);
  if (long) {
    input.rows = Math.min(8, Math.max(2, Math.ceil(text.length / 60)));
  } else {
    input.type = 'text';
  }
  if (field.node.maxLength) input.maxLength = field.node.maxLength;
  input.value = text;
  input.addEventListener('input', () => {
    const value = input.value;
    field.value = value;
    field.onValue(value === '' && !field.required ? undefined : value);
  });
  return { element: input, focusable: input };
}

// A value the form has no better control for: its JSON, checked when the clerk leaves the box.
function jsonControl(field) {
  const area = describe(document.createElement('textarea'), field);
  area.className = 'json';
  area.rows = 3;
  area.value = field.value === undefined ? '' : JSON.stringify(field.value);
  area.addEventListener('change', () => {
    if (area.value.trim() === '') { field.onValue(undefined); return; }
    try {
      field.onValue(JSON.parse(area.value));
      area.classList.remove('local-invalid');
    } catch {
      area.classList.add('local-invalid');
    }
  });
  return { element: area, focusable: area };
}
