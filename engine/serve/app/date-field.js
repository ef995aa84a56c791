// A date box for Buddhist-Era dates: the clerk types 20/11/2569 (or Thai digits, or a month name) or picks a
// day from a calendar of Thai months and BE years; the dataset gets the ISO date 2026-11-20.
import {
  MONTHS, WEEKDAYS_SHORT, daysInMonth, formatThaiDate, isoDate, parseIso, parseTypedDate, thaiDigits, typedDate,
} from './thai.js';

let openPicker = null;  // one calendar at a time

export function createDateField({ id, value, onChange, describedBy }) {
  const wrap = document.createElement('span');
  wrap.className = 'date-field';
  const input = document.createElement('input');
  input.type = 'text';
  input.id = id;
  input.inputMode = 'numeric';
  input.autocomplete = 'off';
  input.placeholder = 'วว/ดด/ปปปป (พ.ศ.)';
  input.value = typedDate(value) || (value || '');
  if (describedBy) input.setAttribute('aria-describedby', describedBy);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'calendar-button';
  button.textContent = 'ปฏิทิน';
  button.title = 'เลือกวันที่จากปฏิทิน';
  button.setAttribute('aria-label', 'เลือกวันที่จากปฏิทิน');
  button.setAttribute('aria-haspopup', 'dialog');
  const reading = document.createElement('span');
  reading.className = 'date-reading';
  reading.setAttribute('aria-live', 'polite');
  wrap.append(input, button, reading);

  let current = value || '';
  const show = () => {
    reading.textContent = formatThaiDate(current);
    input.title = formatThaiDate(current);
    wrap.classList.toggle('local-invalid', input.value.trim() !== '' && !parseIso(current));
  };
  const commit = (iso, retype) => {
    current = iso;
    if (retype) input.value = typedDate(iso);
    show();
    onChange(iso);
  };
  input.addEventListener('input', () => {
    const iso = parseTypedDate(input.value);
    if (iso) commit(iso, false);
    else if (input.value.trim() === '') commit('', false);
    else {
      reading.textContent = 'พิมพ์เป็น วัน/เดือน/ปี พ.ศ. เช่น 20/11/2569';
      wrap.classList.add('local-invalid');
    }
  });
  input.addEventListener('blur', () => { if (parseIso(current)) input.value = typedDate(current); });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && event.altKey) { event.preventDefault(); open(); }
  });
  button.addEventListener('click', () => (openPicker && openPicker.owner === wrap ? closePicker() : open()));

  function open() {
    closePicker();
    const start = parseIso(current) || today();
    const picker = buildPicker(start, (iso) => { commit(iso, true); closePicker(); input.focus(); },
      () => { closePicker(); button.focus(); });
    picker.element.id = `${id}-calendar`;
    button.setAttribute('aria-expanded', 'true');
    wrap.append(picker.element);
    openPicker = { owner: wrap, element: picker.element, button };
    picker.focusDay();
  }
  show();
  return { element: wrap, input };
}

function closePicker() {
  if (!openPicker) return;
  openPicker.element.remove();
  openPicker.button.setAttribute('aria-expanded', 'false');
  openPicker = null;
}

document.addEventListener('mousedown', (event) => {
  if (openPicker && !openPicker.owner.contains(event.target)) closePicker();
});

function today() {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

function buildPicker(start, pick, cancel) {
  let year = start.year;
  let month = start.month;
  let focused = start.day;
  const selected = isoDate(start.year, start.month, start.day);

  const element = document.createElement('div');
  element.className = 'calendar';
  element.setAttribute('role', 'dialog');
  element.setAttribute('aria-label', 'ปฏิทิน');
  const head = document.createElement('div');
  head.className = 'calendar-head';
  const previous = navButton('‹', 'เดือนก่อน', () => shift(-1));
  const next = navButton('›', 'เดือนถัดไป', () => shift(1));
  const monthSelect = document.createElement('select');
  monthSelect.setAttribute('aria-label', 'เดือน');
  MONTHS.forEach((name, i) => monthSelect.add(new Option(name, String(i + 1))));
  const yearInput = document.createElement('input');
  yearInput.type = 'text';
  yearInput.inputMode = 'numeric';
  yearInput.size = 4;
  yearInput.setAttribute('aria-label', 'ปี พ.ศ.');
  head.append(previous, monthSelect, yearInput, next);
  const grid = document.createElement('table');
  grid.className = 'calendar-grid';
  grid.setAttribute('role', 'grid');
  element.append(head, grid);

  monthSelect.addEventListener('change', () => { month = Number(monthSelect.value); draw(); });
  yearInput.addEventListener('change', () => {
    const be = Number(yearInput.value.replace(/[\u0e50-\u0e59]/g, (d) => d.charCodeAt(0) - 0x0e50));
    if (be >= 2400 && be <= 2800) { year = be - 543; draw(); } else yearInput.value = String(year + 543);
  });
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { event.preventDefault(); cancel(); }
  });

  function navButton(text, label, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'icon-button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', action);
    return b;
  }

  function shift(months) {
    month += months;
    while (month < 1) { month += 12; year -= 1; }
    while (month > 12) { month -= 12; year += 1; }
    focused = Math.min(focused, daysInMonth(year, month));
    draw();
  }

  function moveFocus(days) {
    const date = new Date(Date.UTC(year, month - 1, focused + days));
    year = date.getUTCFullYear();
    month = date.getUTCMonth() + 1;
    focused = date.getUTCDate();
    draw();
    focusDay();
  }

  function draw() {
    monthSelect.value = String(month);
    yearInput.value = String(year + 543);
    grid.replaceChildren();
    const header = grid.createTHead().insertRow();
    WEEKDAYS_SHORT.forEach((d) => {
      const th = document.createElement('th');
      th.textContent = d;
      th.scope = 'col';
      header.append(th);
    });
    const body = grid.createTBody();
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    const days = daysInMonth(year, month);
    focused = Math.min(focused, days);
    let row = body.insertRow();
    for (let i = 0; i < first; i++) row.insertCell();
    for (let day = 1; day <= days; day++) {
      if (row.cells.length === 7) row = body.insertRow();
      const cell = row.insertCell();
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = thaiDigits(day);
      b.dataset.day = String(day);
      const iso = isoDate(year, month, day);
      b.setAttribute('aria-label', formatThaiDate(iso));
      b.tabIndex = day === focused ? 0 : -1;
      if (iso === selected) { b.classList.add('selected'); b.setAttribute('aria-pressed', 'true'); }
      b.addEventListener('click', () => pick(iso));
      b.addEventListener('keydown', (event) => {
        const moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
        if (moves[event.key]) { event.preventDefault(); focused = day; moveFocus(moves[event.key]); }
        if (event.key === 'PageUp' || event.key === 'PageDown') {
          event.preventDefault();
          focused = day;
          shift(event.key === 'PageUp' ? -1 : 1);
          focusDay();
        }
      });
      cell.append(b);
    }
  }

  function focusDay() {
    const b = grid.querySelector(`button[data-day="${focused}"]`);
    if (b) b.focus();
  }

  draw();
  return { element, focusDay };
}
