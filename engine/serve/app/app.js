// The app: pick a report type, edit its dataset in a form made from the kind's schema, see the document as it
// will print, save (the server keeps every earlier version), download, and build every document at once.
import { api, ApiError } from './api.js';
import { BuildPanel } from './build-panel.js';
import { datasetText } from './json-text.js';
import { SchemaForm } from './schema-form.js';
import { placeInFile, problemInThai } from './thai.js';

const CHECK_DELAY_MS = 600;
const $ = (id) => document.getElementById(id);

const state = {
  reports: [], datasets: [], kinds: [], schemas: new Map(),
  report: null, datasetName: '', etag: null, data: null, form: null,
  dirty: false, timer: null, checking: null, lastText: '', lastBlob: null, previewUrl: null,
  uploads: 0, uploading: null, // the latest upload's number and its cancel switch: only the latest one lands
};

init().catch((error) => showFatal(error));

async function init() {
  const session = await api.session();
  if (session.password_required && !session.signed_in) { window.location.assign('/login'); return; }
  $('logout').hidden = !session.password_required;
  $('logout').addEventListener('click', async () => { await api.logout(); window.location.assign('/login'); });
  [state.reports, state.datasets, state.kinds] = await Promise.all([api.reports(), api.datasets(), api.kinds()]);
  fillReports();
  $('report').addEventListener('change', () => chooseReport($('report').value));
  $('dataset').addEventListener('change', () => chooseDataset($('dataset').value));
  $('save').addEventListener('click', save);
  $('download').addEventListener('click', download);
  $('upload').addEventListener('change', () => { const file = $('upload').files[0]; $('upload').value = ''; if (file) upload(file); });
  new BuildPanel($('build-open'), $('build-dialog'));
  window.addEventListener('beforeunload', (event) => { if (state.dirty) event.preventDefault(); });
  window.addEventListener('hashchange', () => {
    const asked = new URLSearchParams(window.location.hash.slice(1));
    const report = asked.get('report');
    if (report && report !== state.report.name && state.reports.some((r) => r.name === report)) {
      $('report').value = report;
      chooseReport(report, asked.get('dataset'));
    }
  });
  const wanted = new URLSearchParams(window.location.hash.slice(1));
  const first = state.reports.find((r) => r.name === wanted.get('report')) || state.reports[0];
  if (first) {
    $('report').value = first.name;
    await chooseReport(first.name, wanted.get('dataset'));
  }
}

function kindTitle(kind) {
  const found = state.kinds.find((k) => k.kind === kind);
  return found && found.title ? found.title.replace(/\s*\([^)]*\)\s*$/, '') : kind;
}

function fillReports() {
  const select = $('report');
  select.replaceChildren();
  const byKind = new Map();
  for (const report of state.reports) {
    if (!byKind.has(report.kind)) byKind.set(report.kind, []);
    byKind.get(report.kind).push(report);
  }
  for (const [kind, reports] of byKind) {
    const group = document.createElement('optgroup');
    group.label = kindTitle(kind);
    for (const report of reports) group.append(new Option(`${report.title} (${report.format === 'xlsx' ? 'Excel' : 'PDF'})`, report.name));
    select.append(group);
  }
}

function confirmDiscard() {
  return !state.dirty || window.confirm('ข้อมูลที่แก้ไว้ยังไม่ได้บันทึก ต้องการทิ้งการแก้ไขนี้หรือไม่?');
}

async function chooseReport(name, datasetName) {
  const report = state.reports.find((r) => r.name === name);
  if (!report) return;
  if (state.report && report.kind === state.report.kind) {
    // The same data makes this document too: keep what is being edited.
    state.report = report;
    afterReportChange();
    scheduleCheck(0);
    return;
  }
  if (!confirmDiscard()) { $('report').value = state.report.name; return; }
  state.report = report;
  if (!state.schemas.has(report.kind)) state.schemas.set(report.kind, await api.schema(report.kind));
  const matching = state.datasets.filter((d) => d.kind === report.kind);
  const select = $('dataset');
  select.replaceChildren(...matching.map((d) => new Option(d.name, d.name)), new Option('— ชุดข้อมูลใหม่ (ว่าง) —', ''));
  const pick = matching.find((d) => d.name === datasetName) || matching[0];
  select.value = pick ? pick.name : '';
  afterReportChange();
  await loadDataset(pick ? pick.name : '');
}

function afterReportChange() {
  const pdf = state.report.format === 'pdf';
  $('download').textContent = pdf ? 'ดาวน์โหลด PDF' : 'ดาวน์โหลด Excel';
  $('report-info').textContent = `ใช้ข้อมูลประเภท “${kindTitle(state.report.kind)}” · ได้ไฟล์ ${pdf ? 'PDF' : 'Excel (.xlsx)'}`;
  state.lastBlob = null;
  showPreviewPlaceholder(pdf ? '' : 'เอกสารนี้เป็นทะเบียน Excel จึงไม่มีตัวอย่างบนหน้าจอ เมื่อข้อมูลถูกต้องกด “ดาวน์โหลด Excel”');
  showImportSheetLinks();
  rememberInUrl();
}

// A kind whose schema names sheets of records (x-sheet below the top) can be filled in a spreadsheet.
function importable(schema) {
  const { 'x-sheet': _top, ...rest } = schema || {};
  return JSON.stringify(rest).includes('"x-sheet"');
}

function showImportSheetLinks() {
  const kind = state.report.kind;
  $('import-sheet-links').hidden = !importable(state.schemas.get(kind));
  $('import-sheet').href = api.importSheetUrl(kind);
  $('import-sheet-filled-part').hidden = !state.datasetName;
  $('import-sheet-filled').href = api.importSheetUrl(kind, state.datasetName);
}

async function chooseDataset(name) {
  if (!confirmDiscard()) { $('dataset').value = state.datasetName; return; }
  await loadDataset(name);
}

async function loadDataset(name) {
  cancelUpload();
  if (name) {
    const { data, etag } = await api.dataset(name);
    state.data = data;
    state.etag = etag;
  } else {
    state.data = { kind: state.report.kind };
    state.etag = null;
  }
  state.datasetName = name;
  setUploadStatus('');
  showData();
  setDirty(false);
  setSaveStatus(name ? `ชุดข้อมูล ${name}` : 'ชุดข้อมูลใหม่: กรอกแล้วกดบันทึก');
  showImportSheetLinks();
  rememberInUrl();
  scheduleCheck(0);
}

// A new form for state.data.
function showData() {
  state.form = new SchemaForm(state.schemas.get(state.report.kind), state.data, onFormChange);
  $('form').replaceChildren(state.form.element);
}

function rememberInUrl() {
  const params = new URLSearchParams({ report: state.report.name });
  if (state.datasetName) params.set('dataset', state.datasetName);
  history.replaceState(null, '', `#${params}`);
}

function onFormChange() {
  setDirty(true);
  scheduleCheck(CHECK_DELAY_MS);
}

function setDirty(dirty) {
  state.dirty = dirty;
  $('save').classList.toggle('attention', dirty);
  if (dirty) setSaveStatus('มีการแก้ไขที่ยังไม่ได้บันทึก');
}

function setSaveStatus(text) { $('save-status').textContent = text; }
function setPreviewStatus(text, busy) {
  $('preview-status').textContent = text;
  $('preview').setAttribute('aria-busy', busy ? 'true' : 'false');
}

function scheduleCheck(delay) {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, delay);
}

// No check or preview of the data in the form goes on (the form is about to be replaced).
function stopChecking() {
  clearTimeout(state.timer);
  if (state.checking) state.checking.abort();
  state.checking = null;
  state.lastText = '';
  state.lastBlob = null;
}

// Validates what is in the form; when it is valid and the report is a PDF, renders the preview. A newer
// change cancels an older check still under way.
async function check() {
  if (state.checking) state.checking.abort();
  const controller = new AbortController();
  state.checking = controller;
  const text = datasetText(state.data);
  try {
    setPreviewStatus('กำลังตรวจข้อมูล…', true);
    const checked = await api.validate(text, controller.signal);
    if (controller.signal.aborted) return;
    showProblems(checked.problems);
    if (checked.problems.length) {
      setPreviewStatus(`ยังสร้างเอกสารไม่ได้: มีปัญหา ${checked.problems.length} รายการ (แสดงไว้ที่ช่องที่ต้องแก้)`, false);
      return;
    }
    if (state.report.format !== 'pdf') { setPreviewStatus('ข้อมูลถูกต้อง ดาวน์โหลดทะเบียน Excel ได้', false); return; }
    setPreviewStatus('กำลังสร้างตัวอย่าง…', true);
    const rendered = await api.render(state.report.name, text, controller.signal);
    if (controller.signal.aborted) return;  // the form changed (or was replaced) meanwhile
    if (rendered.problems) {
      showProblems(rendered.problems);
      setPreviewStatus('สร้างเอกสารไม่ได้ (ดูรายการปัญหา)', false);
      return;
    }
    state.lastText = text;
    state.lastBlob = rendered.blob;
    showPreview(rendered.blob, rendered.pages);
  } catch (error) {
    if (error.name === 'AbortError') return;
    setPreviewStatus(messageOf(error), false);
  } finally {
    if (state.checking === controller) state.checking = null;
  }
}

function showPreviewPlaceholder(text) {
  const note = document.createElement('p');
  note.className = 'preview-note';
  note.textContent = text;
  $('preview').replaceChildren(...(text ? [note] : []));
}

function showPreview(blob, pages) {
  if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
  state.previewUrl = URL.createObjectURL(blob);
  const time = new Date().toLocaleTimeString('th-TH', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  setPreviewStatus(`ตัวอย่างล่าสุด ${pages} หน้า (${time})`, false);
  if (navigator.pdfViewerEnabled === false) {
    // Phones show a PDF in their own viewer rather than inside the page.
    const link = document.createElement('a');
    link.href = state.previewUrl;
    link.target = '_blank';
    link.className = 'button';
    link.textContent = `เปิดดูตัวอย่าง PDF (${pages} หน้า)`;
    $('preview').replaceChildren(link);
    return;
  }
  const frame = document.createElement('iframe');
  frame.title = 'ตัวอย่างเอกสาร PDF';
  frame.src = `${state.previewUrl}#view=FitH&navpanes=0`;
  $('preview').replaceChildren(frame);
}

// At their fields in the form and listed above it; `inForm` false when the form holds other data than the
// problems are about (a file that could not be read).
function showProblems(problems, { inForm = true } = {}) {
  state.form.showProblems(inForm ? problems : []);
  const box = $('problems');
  box.replaceChildren();
  if (!problems.length) return;
  const heading = document.createElement('h3');
  heading.textContent = `ต้องแก้ ${problems.length} รายการ`;
  const list = document.createElement('ul');
  for (const problem of problems.slice(0, 30)) {
    const item = document.createElement('li');
    const thai = problemInThai(problem.message) || problem.message;
    if (problem.file) {
      item.textContent = `แม่แบบ ${problem.file}${problem.path ? ` (${problem.path})` : ''}: ${problem.message}`;
    } else {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'link';
      const place = placeInFile(problem.location);
      const field = problem.path ? state.form.describePath(problem.path) : (place ? '' : 'ทั้งไฟล์');
      b.textContent = `${[place, field].filter(Boolean).join(' · ')}: ${thai}`;
      b.title = problem.message;
      b.addEventListener('click', () => state.form.focusPath(problem.path));
      item.append(b);
    }
    list.append(item);
  }
  box.append(heading, list);
  if (problems.length > 30) {
    const more = document.createElement('p');
    more.textContent = `…และอีก ${problems.length - 30} รายการ (แก้รายการข้างบนก่อน แล้วรายการที่เหลือจะแสดงต่อ)`;
    box.append(more);
  }
}

async function save() {
  let name = state.datasetName;
  if (!name) {
    name = (window.prompt('ตั้งชื่อชุดข้อมูลใหม่ (ตัวอังกฤษพิมพ์เล็ก ตัวเลข และ - เช่น transport-2570-1)') || '').trim();
    if (!name) return;
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(name)) { setSaveStatus('ชื่อใช้ได้เฉพาะ a-z 0-9 และ -'); return; }
  }
  const text = datasetText(state.data);
  setSaveStatus('กำลังบันทึก…');
  try {
    const saved = await saveText(name, text, state.etag);
    state.etag = saved.etag;
    if (!state.datasetName) {
      state.datasetName = name;
      state.datasets = await api.datasets();
      const select = $('dataset');
      select.add(new Option(name, name), select.options.length - 1);
      select.value = name;
      rememberInUrl();
    }
    setDirty(false);
    const time = new Date().toLocaleTimeString('th-TH', { hour: '2-digit', minute: '2-digit' });
    setSaveStatus(`บันทึกแล้ว ${time} น.${saved.kept_as ? ' (ฉบับก่อนหน้าเก็บไว้ใน datasets/' + saved.kept_as + ')' : ''}`);
  } catch (error) {
    if (error instanceof ApiError && error.problems) {
      showProblems(error.problems);
      setSaveStatus('ยังบันทึกไม่ได้: ข้อมูลมีปัญหา (ดูรายการด้านบน)');
    } else {
      setSaveStatus(messageOf(error));
    }
  }
}

async function saveText(name, text, etag) {
  try {
    return await api.save(name, text, etag);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    if (!window.confirm('มีผู้อื่นบันทึกชุดข้อมูลนี้หลังจากที่คุณเปิด ต้องการบันทึกทับหรือไม่? (ฉบับของเขาจะถูกเก็บไว้ในประวัติ)')) throw error;
    return api.save(name, text, null);
  }
}

async function download() {
  const text = datasetText(state.data);
  let blob = state.lastText === text ? state.lastBlob : null;
  if (!blob) {
    setPreviewStatus('กำลังสร้างเอกสาร…', true);
    try {
      const rendered = await api.render(state.report.name, text);
      if (rendered.problems) {
        showProblems(rendered.problems);
        setPreviewStatus('ยังสร้างเอกสารไม่ได้: แก้ปัญหาในแบบฟอร์มก่อน', false);
        return;
      }
      blob = rendered.blob;
      setPreviewStatus('สร้างเอกสารแล้ว', false);
    } catch (error) {
      setPreviewStatus(messageOf(error), false);
      return;
    }
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${state.report.name}${state.datasetName ? `-${state.datasetName}` : ''}.${state.report.format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

// A JSON dataset is read here; a spreadsheet goes to the server to be read (POST /api/import/{kind}). While a
// file is read the form is locked and the preview hidden (it showed the data before); a newer upload, a
// dataset picked meanwhile or another report type makes an older upload's answer land nowhere.
async function upload(file) {
  if (!confirmDiscard()) return;
  cancelUpload();
  const number = ++state.uploads;
  const controller = new AbortController();
  state.uploading = controller;
  const current = () => number === state.uploads && !controller.signal.aborted;
  stopChecking();
  setUploadBusy(true);
  setUploadStatus(`กำลังอ่าน ${file.name}…`);
  setPreviewStatus('', false);
  showPreviewPlaceholder(`กำลังอ่าน ${file.name} ตัวอย่างจะแสดงเมื่ออ่านเสร็จและข้อมูลถูกต้อง`);
  try {
    let data;
    let problems = [];
    if (/\.json$/i.test(file.name)) {
      data = JSON.parse(await file.text());
    } else {
      const imported = await api.importFile(state.report.kind, file, controller.signal);
      data = imported.dataset;
      problems = imported.problems || [];
    }
    if (!current()) return;
    if (!data || typeof data !== 'object' || data.kind !== state.report.kind) {
      showUploadProblems(problems, file, { inForm: false });
      if (!problems.length) setUploadStatus(`ไฟล์ ${file.name} ไม่ใช่ข้อมูลประเภท “${kindTitle(state.report.kind)}” แบบฟอร์มยังเป็นข้อมูลเดิม`);
      return;
    }
    state.data = data;
    showData();
    setDirty(true);
    if (problems.length) {
      // What the file says is in the form; the problems stay at their fields until the first correction.
      showUploadProblems(problems, file, { inForm: true });
      return;
    }
    setUploadStatus(`เปิดจาก ${file.name} แล้ว`);
    setSaveStatus(state.datasetName
      ? `ข้อมูลจาก ${file.name} ยังไม่ได้บันทึก: กดบันทึกเพื่อแทนชุดข้อมูล ${state.datasetName} (ฉบับเดิมเก็บไว้ในประวัติ)`
      : `ข้อมูลจาก ${file.name} ยังไม่ได้บันทึก: กดบันทึกเพื่อตั้งชื่อชุดข้อมูลใหม่`);
    scheduleCheck(0);
  } catch (error) {
    if (!current() || error.name === 'AbortError') return;
    setUploadStatus(error instanceof SyntaxError ? `${file.name} ไม่ใช่ไฟล์ JSON ที่อ่านได้ แบบฟอร์มยังเป็นข้อมูลเดิม` : messageOf(error));
    showPreviewPlaceholder('ยังไม่ได้เปิดไฟล์ใหม่ แก้ข้อมูลในแบบฟอร์มเพื่อดูตัวอย่างอีกครั้ง');
  } finally {
    if (number === state.uploads) {
      state.uploading = null;
      setUploadBusy(false);
    }
  }
}

function cancelUpload() {
  if (state.uploading) state.uploading.abort();
  state.uploading = null;
  state.uploads += 1;
  setUploadBusy(false);
}

function setUploadBusy(busy) {
  $('form-area').inert = busy;
  $('download').disabled = busy;  // it would make the document of the data being replaced
  $('form-area').setAttribute('aria-busy', busy ? 'true' : 'false');
}

function setUploadStatus(text) { $('upload-status').textContent = text; }

function showUploadProblems(problems, file, { inForm }) {
  showProblems(problems, { inForm });
  const fields = inForm;
  setUploadStatus(problems.length ? `${file.name} มีปัญหา ${problems.length} รายการ: แก้ในไฟล์แล้วเปิดใหม่ หรือแก้ในแบบฟอร์ม` : '');
  showPreviewPlaceholder(fields ? 'แสดงสิ่งที่อ่านได้จากไฟล์ไว้ในแบบฟอร์มแล้ว ตัวอย่างจะแสดงเมื่อแก้ปัญหาครบ'
    : 'ยังไม่ได้เปิดไฟล์ใหม่ แก้ข้อมูลในแบบฟอร์มเพื่อดูตัวอย่างอีกครั้ง');
  setPreviewStatus(problems.length ? `ยังสร้างเอกสารไม่ได้: มีปัญหา ${problems.length} รายการ` : '', false);
}

function messageOf(error) {
  if (error instanceof ApiError) {
    if (error.status === 404) return `ไม่พบ: ${error.message}`;
    if (error.status === 503) return `เครื่องแม่ข่ายกำลังทำงานหนัก ลองใหม่อีกครั้ง (${error.message})`;
    if (error.status === 413) return 'ข้อมูลใหญ่เกินที่เครื่องแม่ข่ายรับได้';
    return `เกิดข้อผิดพลาด: ${error.message}`;
  }
  return `ติดต่อเครื่องแม่ข่ายไม่ได้ (${error.message})`;
}

function showFatal(error) {
  const main = document.querySelector('main');
  const note = document.createElement('p');
  note.className = 'fatal';
  note.textContent = messageOf(error);
  main.prepend(note);
}
