// An array in the form. Records with a few plain fields are a table (a row each; lists inside a record open
// under its row); records with many fields are cards opened one at a time; plain values are a list. Long
// arrays are paged and can be searched, so 2,500 students stay quick on an office PC.
import { emptyValue, isObject, isScalar, titleOf, appendIndex, appendKey } from './schema.js';

const MAX_TABLE_COLUMNS = 7;

export class ArrayEditor {
  constructor(form, node, key, get, set, path, required) {
    this.form = form;
    this.node = form.resolve(node);
    this.key = key;
    this.get = get;
    this.set = set;
    this.path = path;
    this.required = required;
    this.items = form.resolve(this.node.items || {});
    this.columns = [];
    this.details = [];
    if (isScalar(this.items) || this.items.enum) {
      this.mode = 'list';
    } else if (isObject(this.items)) {
      for (const [k, p] of Object.entries(this.items.properties || {})) {
        const child = form.resolve(p);
        if (child.const !== undefined) continue;
        (isScalar(child) || child.enum ? this.columns : this.details).push([k, child]);
      }
      this.mode = this.columns.length >= 1 && this.columns.length <= MAX_TABLE_COLUMNS ? 'table' : 'cards';
    } else {
      this.mode = 'cards';
    }
    this.pageSize = this.mode === 'list' ? 50 : 20;
    this.page = 0;
    this.filter = '';
    this.open = new Set();  // rows whose details, or cards, are open
    this.element = document.createElement('div');
    this.element.className = `array-editor ${this.mode}`;
    this.draw();
  }

  list() {
    const value = this.get();
    return Array.isArray(value) ? value : [];
  }

  title() { return titleOf(this.node, this.key); }

  // The indices shown: all, or those whose content has the searched text.
  indices() {
    const all = this.list().map((_, i) => i);
    if (!this.filter) return all;
    const wanted = this.filter.toLowerCase();
    return all.filter((i) => JSON.stringify(this.list()[i]).toLowerCase().includes(wanted));
  }

  draw() {
    const indices = this.indices();
    const pages = Math.max(1, Math.ceil(indices.length / this.pageSize));
    this.page = Math.min(this.page, pages - 1);
    const shown = indices.slice(this.page * this.pageSize, (this.page + 1) * this.pageSize);
    const parts = [];
    if (this.list().length > this.pageSize) parts.push(this.searchBox());
    if (this.list().length === 0) {
      const empty = document.createElement('p');
      empty.className = 'empty';
      empty.textContent = 'ยังไม่มีรายการ';
      parts.push(empty);
    } else if (this.mode === 'table') parts.push(this.table(shown));
    else if (this.mode === 'cards') parts.push(this.cards(shown));
    else parts.push(this.scalarList(shown));
    if (pages > 1) parts.push(this.pager(indices.length, pages));
    parts.push(this.form.button(this.mode === 'table' ? '+ เพิ่มแถว' : '+ เพิ่มรายการ', `เพิ่มใน${this.title()}`,
      () => this.add(), 'add'));
    this.element.replaceChildren(...parts);
    this.form.applyProblems();
  }

  searchBox() {
    const wrap = document.createElement('div');
    wrap.className = 'search';
    const input = document.createElement('input');
    input.type = 'search';
    input.placeholder = 'ค้นหาในรายการนี้';
    input.setAttribute('aria-label', `ค้นหาใน${this.title()}`);
    input.value = this.filter;
    input.addEventListener('input', () => {
      this.filter = input.value.trim();
      this.page = 0;
      this.draw();
      const again = this.element.querySelector('input[type=search]');
      again.focus();
      again.setSelectionRange(again.value.length, again.value.length);
    });
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = this.filter ? `พบ ${this.indices().length} จาก ${this.list().length} รายการ`
      : `${this.list().length} รายการ`;
    wrap.append(input, count);
    return wrap;
  }

  pager(total, pages) {
    const nav = document.createElement('nav');
    nav.className = 'pager';
    nav.setAttribute('aria-label', `หน้าของ${this.title()}`);
    const go = (page) => { this.page = page; this.draw(); this.element.querySelector('.pager button:not([disabled])')?.focus(); };
    const first = this.page * this.pageSize + 1;
    const last = Math.min(total, (this.page + 1) * this.pageSize);
    const text = document.createElement('span');
    text.textContent = `หน้า ${this.page + 1} จาก ${pages} (ลำดับ ${first}–${last} จาก ${total})`;
    const previous = this.form.button('‹ ก่อนหน้า', `หน้าก่อนของ${this.title()}`, () => go(this.page - 1));
    const next = this.form.button('ถัดไป ›', `หน้าถัดไปของ${this.title()}`, () => go(this.page + 1));
    previous.disabled = this.page === 0;
    next.disabled = this.page >= pages - 1;
    nav.append(previous, text, next);
    return nav;
  }

  itemGet(i) { return () => this.list()[i]; }
  itemSet(i) { return (v) => { this.list()[i] = v; }; }

  table(shown) {
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    const table = document.createElement('table');
    table.className = 'records';
    const head = table.createTHead().insertRow();
    const th = (text, className) => {
      const cell = document.createElement('th');
      cell.scope = 'col';
      cell.textContent = text;
      if (className) cell.className = className;
      head.append(cell);
      return cell;
    };
    th('ลำดับ', 'index');
    const required = new Set(this.items.required || []);
    for (const [k, child] of this.columns) {
      const cell = th(titleOf(child, k));
      if (required.has(k)) cell.append(this.form.requiredMark());
      if (child.description) cell.title = child.description;
    }
    if (this.details.length) th('รายการย่อย');
    th('', 'actions').append(srOnly('ลบ'));
    const body = table.createTBody();
    const span = this.columns.length + (this.details.length ? 1 : 0) + 2;
    for (const i of shown) {
      const item = this.list()[i];
      const rowPath = appendIndex(this.path, i);
      const row = body.insertRow();
      row.dataset.path = rowPath;
      const number = document.createElement('th');
      number.scope = 'row';
      number.textContent = String(i + 1);
      row.append(number);
      for (const [k, child] of this.columns) {
        const cell = row.insertCell();
        const get = () => (this.list()[i] || {})[k];
        const set = (v) => { const o = this.list()[i]; if (v === undefined) delete o[k]; else o[k] = v; };
        const control = this.form.control(child, this.form.id(), appendKey(rowPath, k), get, set, required.has(k),
          () => this.list()[i], `${titleOf(child, k)} ลำดับที่ ${i + 1}`);
        cell.append(control.element);
      }
      if (this.details.length) {
        const cell = row.insertCell();
        for (const [k, child] of this.details) {
          const value = item ? item[k] : undefined;
          const count = Array.isArray(value) ? ` (${value.length})` : '';
          const b = this.form.button(`${titleOf(child, k)}${count}`, null, () => {
            if (this.open.has(i)) this.open.delete(i); else this.open.add(i);
            this.draw();
          }, 'detail-toggle');
          b.setAttribute('aria-expanded', String(this.open.has(i)));
          cell.append(b);
        }
      }
      row.insertCell().append(this.form.button('✕', `ลบลำดับที่ ${i + 1}`, () => this.remove(i), 'remove'));
      if (this.details.length && this.open.has(i)) {
        const detail = body.insertRow();
        detail.className = 'detail';
        const cell = detail.insertCell();
        cell.colSpan = span;
        for (const [k, child] of this.details) {
          const get = () => this.list()[i][k];
          const set = (v) => { if (v === undefined) delete this.list()[i][k]; else this.list()[i][k] = v; };
          const childPath = appendKey(rowPath, k);
          if (child.items || (child.type === 'array')) {
            cell.append(this.form.arraySection(child, k, get, set, childPath, required.has(k), 3));
          } else if (get() === undefined && !required.has(k)) {
            cell.append(this.form.addSection(child, k, get, set, childPath, 3));
          } else {
            cell.append(this.form.objectEditor(child, get, set, childPath, 3, false, k, required.has(k)));
          }
        }
      }
    }
    wrap.append(table);
    return wrap;
  }

  cards(shown) {
    const box = document.createElement('div');
    box.className = 'card-list';
    for (const i of shown) {
      const card = document.createElement('details');
      card.className = 'card';
      const path = appendIndex(this.path, i);
      card.dataset.path = path;
      const summary = document.createElement('summary');
      summary.textContent = `ลำดับที่ ${i + 1}${cardLabel(this.list()[i])}`;
      card.append(summary);
      const fill = () => {
        if (card.dataset.filled) return;
        card.dataset.filled = '1';
        const actions = document.createElement('div');
        actions.className = 'item-actions';
        actions.append(
          this.form.button('↑ ขึ้น', `เลื่อนลำดับที่ ${i + 1} ขึ้น`, () => this.move(i, -1)),
          this.form.button('↓ ลง', `เลื่อนลำดับที่ ${i + 1} ลง`, () => this.move(i, 1)),
          this.form.button('ลบรายการนี้', `ลบลำดับที่ ${i + 1}`, () => this.remove(i), 'remove'));
        card.append(actions);
        if (isObject(this.items)) {
          card.append(this.form.objectEditor(this.items, this.itemGet(i), this.itemSet(i), path, 3, true));
        } else {
          card.append(this.form.arraySection(this.items, this.key, this.itemGet(i), this.itemSet(i), path, true, 3));
        }
        this.form.applyProblems();
      };
      card.addEventListener('toggle', () => {
        if (card.open) { this.open.add(i); fill(); } else this.open.delete(i);
      });
      if (this.open.has(i)) { card.open = true; fill(); }
      box.append(card);
    }
    return box;
  }

  scalarList(shown) {
    const list = document.createElement('ol');
    list.className = 'scalar-list';
    const numeric = !(this.items.type === 'string' || this.items.enum);
    if (numeric) list.classList.add('compact');
    // Sentences (paragraphs, objectives) get text areas; short lines (an address) stay one-line boxes.
    const long = !numeric && this.list().some((v) => typeof v === 'string' && v.length > 60);
    for (const i of shown) {
      const li = document.createElement('li');
      li.className = 'list-item';
      li.value = i + 1;
      li.dataset.n = String(i + 1);
      const control = this.form.control(this.items, this.form.id(), appendIndex(this.path, i), this.itemGet(i),
        this.itemSet(i), true, null, `${this.title()} ลำดับที่ ${i + 1}`, long);
      li.append(control.element);
      if (!numeric) {
        li.append(
          this.form.button('↑', `เลื่อนลำดับที่ ${i + 1} ขึ้น`, () => this.move(i, -1), 'icon-button'),
          this.form.button('↓', `เลื่อนลำดับที่ ${i + 1} ลง`, () => this.move(i, 1), 'icon-button'));
      }
      li.append(this.form.button('✕', `ลบลำดับที่ ${i + 1}`, () => this.remove(i), 'icon-button remove'));
      list.append(li);
    }
    return list;
  }

  // Turns to the page with item `index` and opens it (its details, when `key` is one of them).
  reveal(index, key) {
    if (!this.indices().includes(index)) this.filter = '';
    const position = this.indices().indexOf(index);
    if (position < 0) return;
    this.page = Math.floor(position / this.pageSize);
    if (this.mode === 'cards' || (this.mode === 'table' && this.details.some(([k]) => k === key))) this.open.add(index);
    this.draw();
  }

  add() {
    let list = this.get();
    if (!Array.isArray(list)) { list = []; this.set(list); }
    list.push(emptyValue(this.form.schema, this.items));
    this.filter = '';
    this.page = Math.floor((list.length - 1) / this.pageSize);
    if (this.mode === 'cards') this.open.add(list.length - 1);
    this.draw();
    const added = this.element.querySelector(`[data-path="${CSS.escape(appendIndex(this.path, list.length - 1))}"]`);
    const first = added && (added.matches('input, select, textarea') ? added : added.querySelector('input, select, textarea'));
    if (first) first.focus();
    this.form.changed(true);
  }

  remove(index) {
    const list = this.list();
    list.splice(index, 1);
    if (list.length === 0 && !this.required) this.set(undefined);
    this.open = new Set([...this.open].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)));
    this.draw();
    this.form.changed(true);
  }

  move(index, step) {
    const list = this.list();
    const to = index + step;
    if (to < 0 || to >= list.length) return;
    [list[index], list[to]] = [list[to], list[index]];
    const wasOpen = this.open.has(index);
    this.open.delete(index);
    if (wasOpen) this.open.add(to);
    this.page = Math.floor(to / this.pageSize);
    this.draw();
    const moved = this.element.querySelector(`[data-path="${CSS.escape(appendIndex(this.path, to))}"]`);
    if (moved) (moved.matches('input, textarea, select') ? moved : moved.querySelector('summary, input, textarea')).focus();
    this.form.changed(true);
  }
}

function srOnly(text) {
  const span = document.createElement('span');
  span.className = 'sr-only';
  span.textContent = text;
  return span;
}

// ": แผนงาน…" after a card's number: the first text of the record, so a closed card still says what it is.
function cardLabel(item) {
  if (!item || typeof item !== 'object') return '';
  const first = ['title', 'name', 'text', 'subject'].map((key) => item[key]).find((v) => typeof v === 'string' && v)
    || (Array.isArray(item.items) && item.items[0] && typeof item.items[0].text === 'string' ? item.items[0].text : '');
  const text = first.length > 70 ? `${first.slice(0, 70)}…` : first;
  const type = typeof item.type === 'string' ? `[${item.type}] ` : '';
  return text || type ? `: ${type}${text}` : '';
}
