// The web app in Debian's Chromium, driven by Playwright, as a clerk uses it: pick the transport notice, fix
// the field the form marks wrong, watch the preview, download the PDF and read its text back with pdftotext,
// save, build everything, open spreadsheets (a bad cell shown at its field, quick uploads not racing), and use
// it on a phone-sized screen. Exits 77 (skipped) only when Chromium cannot start. Run through CTest
// (tests/CMakeLists.txt), which gives RAINGAN and RAINGAN_SOURCE_DIR.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const SKIP = 77;
const raingan = process.env.RAINGAN;
const source = process.env.RAINGAN_SOURCE_DIR;
const scratchRoot = process.env.RAINGAN_TEST_TMP || os.tmpdir();
assert.ok(raingan && source, 'RAINGAN and RAINGAN_SOURCE_DIR must be set (run through ctest)');

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.error('playwright-core is not installed: run `npm ci` in tests/browser (scripts/check does)');
  process.exit(1);
}

// A scratch project whose transport dataset has one mistake for the clerk to fix: a date that does not exist.
fs.mkdirSync(scratchRoot, { recursive: true });
const work = fs.mkdtempSync(path.join(scratchRoot, 'browser-'));
const root = path.join(work, 'project');
for (const part of ['templates', 'datasets', 'fonts']) fs.cpSync(path.join(source, part), path.join(root, part), { recursive: true });
const transportFile = path.join(root, 'datasets', 'transport-allowance-2569-2.json');
const transport = JSON.parse(fs.readFileSync(transportFile, 'utf8'));
transport.date = '2026-11-31';
transport.students[1234].distance_km = -2;
fs.writeFileSync(transportFile, JSON.stringify(transport, null, 1));
fs.writeFileSync(path.join(root, 'datasets', 'manifest.json'), JSON.stringify({ kind: 'build-manifest', documents: [
  { dataset: 'memo-work-standards.json', template: 'memo.xml', output: 'memo-work-standards.pdf' },
  { dataset: 'letter-transport-data-request.json', template: 'letter.xml', output: 'letter.pdf' }] }));

const server = spawn(raingan, ['serve', '--root', root, '--port', '0'], {
  env: { ...process.env, RAINGAN_TODAY: '2026-11-20', TMPDIR: work }, stdio: ['ignore', 'pipe', 'ignore'] });
const base = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('raingan serve did not start')), 30000);
  readline.createInterface({ input: server.stdout }).once('line', (line) => {
    clearTimeout(timer);
    const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
    if (match) resolve(match[1]); else reject(new Error(`unexpected first line: ${line}`));
  });
});

let browser;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-proxy-server', '--disable-dev-shm-usage'],
  });
} catch (error) {
  console.log(`SKIP: Chromium cannot start here (${error.message.split('\n')[0]})`);
  server.kill('SIGTERM');
  process.exit(SKIP);
}

const errors = [];
const step = (text) => console.log(`- ${text}`);
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'th-TH' });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  // A 422 is the server's answer about the data (shown in the form), which Chromium logs as a failed load.
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 422/.test(message.text())) errors.push(message.text());
  });
  await page.goto(base);
  await page.waitForSelector('.schema-form');

  step('pick the transport notice');
  await page.getByLabel('เอกสารที่จะทำ').selectOption('transport-allocation-notice');
  await page.waitForFunction(() => document.querySelector('#dataset').value === 'transport-allowance-2569-2');
  await page.getByText('ต้องแก้ 2 รายการ').waitFor();

  step('the form marks the impossible date at its field, in Thai');
  const date = page.locator('input[data-path="date"]');
  await assertInvalid(date);
  const dateProblem = page.locator(`#${await date.getAttribute('aria-describedby')}`);
  assert.match(await dateProblem.textContent(), /วันที่ไม่ถูกต้อง/);

  step('a problem listed at the top leads to its row on page 62 of the students');
  await page.getByRole('button', { name: /นักเรียนที่มีสิทธิ์ › ลำดับที่ 1235 › ระยะทาง/ }).click();
  const distance = page.locator('input[data-path="students[1234].distance_km"]');
  await distance.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), 'students[1234].distance_km');
  await assertInvalid(distance);
  await distance.fill('2.5');

  step('fix the date with the Thai calendar: type it, then pick the day with the keyboard');
  await date.fill('20/11/2569');
  await page.locator('.date-field .date-reading').first().filter({ hasText: '๒๐ พฤศจิกายน ๒๕๖๙' }).waitFor();
  await page.getByRole('button', { name: 'เลือกวันที่จากปฏิทิน' }).first().click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.equal(await date.inputValue(), '21/11/2569');
  await page.locator('.date-field .date-reading').first().filter({ hasText: '๒๑ พฤศจิกายน ๒๕๖๙' }).waitFor();

  step('the problems go and the preview shows the document');
  await page.waitForFunction(() => /ตัวอย่างล่าสุด 7 หน้า/.test(document.querySelector('#preview-status').textContent), null, { timeout: 120000 });
  assert.equal(await page.locator('#problems').textContent(), '');
  assert.equal(await page.locator('[aria-invalid=true]').count(), 0);
  assert.match(await page.locator('#preview iframe').getAttribute('src'), /^blob:/);
  await page.screenshot({ path: path.join(work, 'desktop.png') });

  step('download the PDF and read it back');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ดาวน์โหลด PDF' }).click()]);
  assert.equal(download.suggestedFilename(), 'transport-allocation-notice-transport-allowance-2569-2.pdf');
  const pdf = path.join(work, 'notice.pdf');
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8').replace(/\s+/g, '');
  assert.ok(text.includes('ค่าพาหนะรับ-ส่งนักเรียน'), 'the notice names the allowance');
  assert.ok(text.includes('๒๑พฤศจิกายน๒๕๖๙'), 'the notice carries the date picked in the calendar');
  assert.ok(text.includes('สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพิษณุโลกเขต๒'), 'the notice names the office');

  step('save: the file changes and the version before is kept');
  await page.getByRole('button', { name: 'บันทึกข้อมูล' }).click();
  await page.locator('#save-status').filter({ hasText: 'บันทึกแล้ว' }).waitFor();
  const saved = JSON.parse(fs.readFileSync(transportFile, 'utf8'));
  assert.equal(saved.date, '2026-11-21');
  assert.equal(saved.students[1234].distance_km, 2.5);
  assert.equal(saved.students.length, 2500);
  const history = fs.readdirSync(path.join(root, 'datasets', '.history'));
  assert.equal(history.length, 1);
  assert.equal(JSON.parse(fs.readFileSync(path.join(root, 'datasets', '.history', history[0]), 'utf8')).date, '2026-11-31');

  step('build every document of the manifest, with progress');
  await page.getByRole('button', { name: 'สร้างเอกสารทั้งหมด' }).click();
  await page.getByRole('button', { name: 'เริ่มสร้าง' }).click();
  await page.locator('[data-build=summary]').filter({ hasText: 'เสร็จ 2 จาก 2 ฉบับ' }).waitFor({ timeout: 120000 });
  assert.equal(await page.locator('.build-list a').count(), 2);
  await page.getByRole('button', { name: 'ปิด' }).click();

  step('the import sheet of the kind is a link beside the upload button');
  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'ดาวน์โหลดแบบกรอกข้อมูล (Excel)' }).click()]);
  assert.equal(sheet.suggestedFilename(), 'transport-allowance.xlsx');
  const sheetFile = path.join(work, 'sheet.xlsx');
  await sheet.saveAs(sheetFile);
  assert.equal(fs.readFileSync(sheetFile).subarray(0, 2).toString('latin1'), 'PK');

  step('two quick uploads: the last one lands, its bad cell shown at the field, and no stale preview');
  page.on('dialog', (dialog) => dialog.accept());  // "discard the changes?" between uploads
  await page.locator('#preview iframe').waitFor();
  const goodSheet = { name: 'ค่าพาหนะ.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: fs.readFileSync(path.join(source, 'datasets', 'spreadsheets', 'transport-allowance-2569-2.xlsx')) };
  const badCsv = { name: 'นักเรียน.csv', mimeType: 'text/csv', buffer: Buffer.from(
    'เลขประจำตัวนักเรียน,รหัสโรงเรียน,รหัสโรงเรียนเดิม,ชั้น,ระยะทาง (กม.)\r\nS1,65020001,65025001,ป.1,ไกล\r\n') };
  await page.setInputFiles('#upload', goodSheet);
  assert.equal(await page.locator('#preview iframe').count(), 0, 'the preview of the data before is gone at once');
  await page.setInputFiles('#upload', badCsv);
  const far = page.locator('input[data-path="students[0].distance_km"]');
  await assertInvalid(far);
  assert.match(await page.locator(`#${await far.getAttribute('aria-describedby')}`).textContent(), /นักเรียน!E2/);
  await page.locator('#upload-status').filter({ hasText: 'นักเรียน.csv มีปัญหา' }).waitFor();
  await page.waitForTimeout(3000);  // time enough for the first upload's answer, had it not been cancelled
  assert.equal(await page.locator('input[data-path="students[1].id"]').count(), 0, 'the form holds the CSV\'s one student');
  assert.equal(await page.locator('#preview iframe').count(), 0, 'no preview of data with problems');
  assert.match(await page.locator('#problems').textContent(), /ในไฟล์ ช่อง นักเรียน!E2 · นักเรียนที่มีสิทธิ์ › ลำดับที่ 1 › ระยะทาง/);
  await page.screenshot({ path: path.join(work, 'upload-problems.png') });

  step('the sample sheet fills the form and the preview follows');
  await page.setInputFiles('#upload', goodSheet);
  await page.locator('#upload-status').filter({ hasText: 'เปิดจาก ค่าพาหนะ.xlsx แล้ว' }).waitFor({ timeout: 60000 });
  await page.waitForFunction(() => /ตัวอย่างล่าสุด 7 หน้า/.test(document.querySelector('#preview-status').textContent), null, { timeout: 120000 });
  assert.equal(await page.locator('#problems').textContent(), '');
  assert.equal(await page.locator('input[data-path="students[0].distance_km"]').getAttribute('aria-invalid'), null);

  step('on a phone: one column, nothing wider than the screen, the form usable');
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  phone.on('pageerror', (error) => errors.push(error.message));
  await phone.goto(`${base}/#report=memo`);
  await phone.waitForSelector('.schema-form');
  await phone.waitForFunction(() => /ตัวอย่างล่าสุด/.test(document.querySelector('#preview-status').textContent), null, { timeout: 60000 });
  const widths = await phone.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `the page is ${widths[0]} px wide on a ${widths[1]} px screen`);
  await phone.getByRole('textbox', { name: 'เรื่อง' }).fill('');
  await phone.getByText('ต้องแก้ 1 รายการ').waitFor();
  await phone.screenshot({ path: path.join(work, 'phone.png') });

  step('keyboard: every control has a name a screen reader says');
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
    .filter((el) => !el.closest('[hidden]') && !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
      && !el.textContent.trim() && el.type !== 'file').map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(unnamed, []);

  assert.deepEqual(errors, [], 'no script errors in the page');
  console.log(`browser test passed (screenshots in ${work})`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}

async function assertInvalid(locator) {
  await locator.waitFor();
  assert.equal(await locator.getAttribute('aria-invalid'), 'true');
}
