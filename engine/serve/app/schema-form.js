// The dataset as a form generated from its kind's schema: objects as titled groups, arrays of records as
// tables (or cards when a record has too many fields), lists of texts as lists; problems from the server
// shown at the field they concern.
import { createControl } from './fields.js';
import {
  appendKey, emptyValue, isArray, isObject, joinPath, resolve, splitPath, titleOf,
} from './schema.js';
import { placeInFile, problemInThai } from './thai.js';
import { ArrayEditor } from './array-editor.js';

const SPARSE_FIELDS = 8;

export class SchemaForm {
  constructor(schema, data, onChange) {
    this.schema = schema;
    this.data = data;
    this.onChange = onChange;
    this.arrays = new Map();  // path -> ArrayEditor, to bring a row with a problem into view
    this.shown = new Set();  // optional fields of sparse records the clerk chose to add
    this.problems = [];
    this.nextId = 0;
    this.element = document.createElement('div');
    this.element.className = 'schema-form';
    this.render();
  }

  render() {
    this.arrays.clear();
    this.element.replaceChildren(this.objectEditor(this.schema, () => this.data, null, '', 0, true));
    this.applyProblems();
  }

  id() { return `f${++this.nextId}`; }
  changed(structural) { this.onChange({ structural }); }
  resolve(node) { return resolve(this.schema, node); }

  // An object's fields, in the schema's order. The root is not framed; nested objects are fieldsets.
  objectEditor(node, get, set, path, depth, isRoot, key, required) {
    const n = this.resolve(node);
    const object = get();
    const box = document.createElement(isRoot ? 'div' : 'fieldset');
    box.className = isRoot ? 'form-root' : `group depth-${Math.min(depth, 4)}`;
    box.dataset.path = path;
    if (!isRoot) {
      const legend = document.createElement('legend');
      legend.textContent = titleOf(n, key);
      box.append(legend);
      if (!required) {
        box.append(this.button('ลบส่วนนี้', `ลบ${titleOf(n, key)}`, () => {
          set(undefined);
          box.replaceWith(this.addSection(n, key, get, set, path, depth));
          this.changed(true);
        }, 'remove-section'));
      }
      this.hint(box, n);
    }
    if (object === null || typeof object !== 'object' || Array.isArray(object)) {
      box.append(this.fieldRow(n, key || '', get, set, path, true, () => null));
      return box;
    }
    const properties = n.properties || {};
    const requiredKeys = new Set(n.required || []);
    // A record with many optional fields (a manual's block: heading, list, table…) shows the ones it uses;
    // the others are a choice away, so the form is not a wall of empty boxes.
    const sparse = Object.keys(properties).length > SPARSE_FIELDS;
    const hidden = [];
    for (const [childKey, childNode] of Object.entries(properties)) {
      const child = this.resolve(childNode);
      if (child.const !== undefined) {
        if (object[childKey] === undefined) object[childKey] = child.const;
        continue;
      }
      const childPath = appendKey(path, childKey);
      const childRequired = requiredKeys.has(childKey);
      if (sparse && !childRequired && object[childKey] === undefined && !this.shown.has(childPath)) {
        hidden.push([childKey, child, childPath]);
        continue;
      }
      const childGet = () => get()[childKey];
      const childSet = (v) => { if (v === undefined) delete get()[childKey]; else get()[childKey] = v; };
      if (isArray(child)) {
        box.append(this.arraySection(child, childKey, childGet, childSet, childPath, childRequired, depth + 1));
      } else if (isObject(child)) {
        box.append(object[childKey] === undefined && !childRequired
          ? this.addSection(child, childKey, childGet, childSet, childPath, depth + 1)
          : this.objectEditor(child, childGet, childSet, childPath, depth + 1, false, childKey, childRequired));
      } else {
        box.append(this.fieldRow(child, childKey, childGet, childSet, childPath, childRequired, get));
      }
    }
    if (hidden.length) {
      box.append(this.moreFields(hidden, () => {
        box.replaceWith(this.objectEditor(node, get, set, path, depth, isRoot, key, required));
      }));
    }
    // Fields the schema does not know (the server names them): shown so that they can be removed.
    for (const extra of Object.keys(object)) {
      if (properties[extra] || extra === 'kind') continue;
      const extraPath = appendKey(path, extra);
      box.append(this.fieldRow({ title: `ช่อง "${extra}" (แบบฟอร์มไม่รู้จัก)` }, extra, () => object[extra],
        (v) => { if (v === undefined) delete object[extra]; else object[extra] = v; }, extraPath, false, get));
    }
    return box;
  }

  // "เพิ่มช่อง": the optional fields a sparse record does not use yet.
  moreFields(hidden, redraw) {
    const row = document.createElement('div');
    row.className = 'field more-fields';
    const id = this.id();
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = 'เพิ่มช่อง';
    const select = document.createElement('select');
    select.id = id;
    select.add(new Option(`— เลือกช่องที่จะเพิ่ม (${hidden.length}) —`, ''));
    for (const [key, child] of hidden) select.add(new Option(titleOf(child, key), key));
    select.addEventListener('change', () => {
      const chosen = hidden.find(([key]) => key === select.value);
      if (!chosen) return;
      this.shown.add(chosen[2]);
      redraw();
      const added = this.element.querySelector(`[data-path="${CSS.escape(chosen[2])}"]`);
      const focusable = added && (added.matches('input, select, textarea') ? added : added.querySelector('input, select, textarea, button'));
      if (focusable) focusable.focus();
    });
    row.append(label, select);
    return row;
  }

  // An optional group not in the dataset yet: a button that adds it.
  addSection(node, key, get, set, path, depth) {
    const holder = document.createElement('div');
    holder.className = 'add-section';
    holder.dataset.path = path;
    holder.append(this.button(`+ เพิ่ม${titleOf(node, key)}`, null, () => {
      set(emptyValue(this.schema, node));
      const editor = this.objectEditor(node, get, set, path, depth, false, key, false);
      holder.replaceWith(editor);
      const first = editor.querySelector('input, select, textarea');
      if (first) first.focus();
      this.changed(true);
    }));
    return holder;
  }

  arraySection(node, key, get, set, path, required, depth) {
    const box = document.createElement('fieldset');
    box.className = `group list depth-${Math.min(depth, 4)}`;
    box.dataset.path = path;
    const legend = document.createElement('legend');
    legend.textContent = titleOf(node, key);
    box.append(legend);
    this.hint(box, node);
    const editor = new ArrayEditor(this, node, key, get, set, path, required);
    this.arrays.set(path, editor);
    box.append(editor.element);
    return box;
  }

  // A labelled control for one value. `record` gives the object holding it (for references).
  fieldRow(node, key, get, set, path, required, record) {
    const row = document.createElement('div');
    row.className = 'field';
    const id = this.id();
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = titleOf(node, key);
    if (required) label.append(this.requiredMark());
    const control = this.control(node, id, path, get, set, required, record, null);
    row.append(label);
    this.hint(row, node);
    row.append(control.element);
    return row;
  }

  control(node, id, path, get, set, required, record, ariaLabel, long) {
    return createControl({
      id, path, node, required, ariaLabel, long,
      value: get(),
      record: () => (typeof record === 'function' ? record() : record),
      data: () => this.data,
      onValue: (value) => { set(value); this.changed(false); },
    });
  }

  requiredMark() {
    const mark = document.createElement('span');
    mark.className = 'required';
    mark.textContent = ' *';
    mark.title = 'ต้องกรอก';
    mark.setAttribute('aria-hidden', 'true');  // the control says aria-required instead
    return mark;
  }

  // The schema's description, folded: many are notes for whoever maintains the schema.
  hint(parent, node) {
    if (!node.description) return;
    const details = document.createElement('details');
    details.className = 'hint';
    const summary = document.createElement('summary');
    summary.textContent = 'คำอธิบาย';
    details.append(summary, document.createTextNode(node.description));
    parent.append(details);
  }

  button(text, label, action, className) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (label) b.setAttribute('aria-label', label);
    if (className) b.className = className;
    b.addEventListener('click', action);
    return b;
  }

  // "นักเรียน › แถวที่ ๑๘ › ระยะทาง": where a problem is, in the form's own words.
  describePath(path) {
    const words = [];
    let node = this.schema;
    for (const segment of splitPath(path)) {
      node = this.resolve(node);
      if (typeof segment === 'number') {
        words.push(`ลำดับที่ ${segment + 1}`);
        node = node.items || {};
      } else {
        const child = (node.properties || {})[segment];
        node = child || {};
        words.push(titleOf(this.resolve(node), segment));
      }
    }
    return words.join(' › ') || 'ทั้งชุดข้อมูล';
  }

  // Brings the field at `path` into view (turning table pages, opening cards) and focuses it.
  focusPath(path) {
    const segments = splitPath(path);
    for (let i = 0; i < segments.length - 1; i++) {
      if (typeof segments[i + 1] !== 'number') continue;
      const editor = this.arrays.get(joinPath(segments.slice(0, i + 1)));
      if (editor) editor.reveal(segments[i + 1], segments[i + 2]);
    }
    this.applyProblems();
    const target = this.find(path);
    if (!target) return;
    const focusable = target.matches('input, select, textarea, button') ? target
      : target.querySelector('input, select, textarea, button, summary');
    target.scrollIntoView({ block: 'center' });
    if (focusable) focusable.focus({ preventScroll: true });
  }

  // The element for `path`, or for the nearest enclosing path that is on screen.
  find(path) {
    let segments = splitPath(path);
    while (true) {
      const p = joinPath(segments);
      const found = this.element.querySelector(`[data-path="${CSS.escape(p)}"]`);
      if (found || segments.length === 0) return found;
      segments = segments.slice(0, -1);
    }
  }

  showProblems(problems) {
    this.problems = problems || [];
    this.applyProblems();
  }

  applyProblems() {
    for (const old of this.element.querySelectorAll('.problem')) old.remove();
    for (const el of this.element.querySelectorAll('.has-problem')) el.classList.remove('has-problem');
    for (const el of this.element.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    const byElement = new Map();
    for (const problem of this.problems) {
      const target = this.find(problem.path || '');
      if (!target) continue;
      const exact = target.dataset.path === (problem.path || '');
      if (!byElement.has(target)) byElement.set(target, []);
      byElement.get(target).push({ problem, exact });
    }
    for (const [target, list] of byElement) this.mark(target, list);
  }

  mark(target, list) {
    const control = target.matches('input, select, textarea') ? target : null;
    const place = control ? (control.closest('.field, td, .list-item') || control.parentElement) : target;
    place.classList.add('has-problem');
    const note = document.createElement('div');
    note.className = 'problem';
    note.id = `${control ? control.id : this.id()}-problem`;
    const shown = list.slice(0, 5);
    for (const { problem, exact } of shown) {
      const line = document.createElement('div');
      const thai = problemInThai(problem.message);
      const where = exact ? '' : `${this.describePath(problem.path).split(' › ').slice(-2).join(' › ')}: `;
      // A problem from an imported spreadsheet also names the cell to fix in the file.
      const cell = problem.location ? ` (${placeInFile(problem.location)})` : '';
      line.textContent = where + (thai || problem.message) + cell;
      if (thai) line.title = problem.message;
      note.append(line);
    }
    if (list.length > shown.length) {
      const more = document.createElement('div');
      more.textContent = `และอีก ${list.length - shown.length} ปัญหาในส่วนนี้`;
      note.append(more);
    }
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', note.id);
      (control.closest('.date-field') || control).after(note);
    } else if (place.matches('fieldset')) {
      const legend = place.querySelector(':scope > legend');
      (legend || place.firstChild).after(note);
    } else {
      place.prepend(note);
    }
  }
}

