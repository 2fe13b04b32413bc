// The browser half of the hostile-input corpus (the native half, with the memory bound measured,
// is crates/vigie-core/tests/hostile.rs): a gzip bomb, XLSX parts with a DTD, a traversal name or a
// bad CRC, JSON nested a million deep, a million columns, a NUL byte, a Data Package whose resource
// climbs out of its folder, given to /import as a person would. Each must get its located, readable
// refusal with nothing to save, the page must not crash, the import worker must still read a good
// file afterwards, and the store must be exactly as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, OUT, ImportPage, storeDigest } from './support.mjs';

let browser;
before(async () => { mkdirSync(OUT, { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

const file = (name, bytes, mimeType = 'application/octet-stream') => ({ name, mimeType, buffer: Buffer.from(bytes) });

/// A raw deflate stream inflating to `prefix` then `byte` about `size` times (fixed Huffman codes:
/// a literal, then 258-byte copies at distance 1, 13 bits each), written without a compressor.
function deflateBomb(prefix, byte, size) {
  const out = [];
  let acc = 0;
  let n = 0;
  const put = (value, bits) => {
    for (let i = 0; i < bits; i++) {
      acc |= ((value >> i) & 1) << n;
      if (++n === 8) { out.push(acc); acc = 0; n = 0; }
    }
  };
  const code = (c, bits) => { for (let i = bits - 1; i >= 0; i--) put((c >> i) & 1, 1); };
  const literal = (c) => (c < 144 ? code(0x30 + c, 8) : code(0x190 + c - 144, 9));
  put(1, 1);
  put(1, 2);
  for (const c of Buffer.from(prefix)) literal(c);
  literal(byte);
  for (let k = 0; k < Math.floor(size / 258); k++) { code(0xc5, 8); code(0, 5); }
  code(0, 7);
  if (n) out.push(acc);
  return Buffer.from(out);
}

function crc32(data) {
  let crc = ~0;
  for (const b of data) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

/// A zip archive of stored entries `{name, data, crc?}`.
function zip(entries) {
  const parts = [];
  const dir = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.data);
    const name = Buffer.from(e.name);
    const crc = e.crc ?? crc32(data);
    const fields = (central) => {
      const b = Buffer.alloc(central ? 46 : 30);
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      let at = 4;
      if (central) { b.writeUInt16LE(20, at); at += 2; }
      b.writeUInt16LE(20, at); at += 2;
      at += 2; // flags
      b.writeUInt16LE(0, at); at += 2; // stored
      b.writeUInt32LE(0x00210000, at); at += 4; // time and date
      b.writeUInt32LE(crc, at); at += 4;
      b.writeUInt32LE(data.length, at); at += 4;
      b.writeUInt32LE(data.length, at); at += 4;
      b.writeUInt16LE(name.length, at); at += 2;
      if (central) { at += 12; b.writeUInt32LE(offset, at); }
      return Buffer.concat([b, name]);
    };
    const local = fields(false);
    parts.push(local, data);
    dir.push(fields(true));
    offset += local.length + data.length;
  }
  const directory = Buffer.concat(dir);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const SHEET = '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>year</t></is></c><c r="B1" t="inlineStr"><is><t>value</t></is></c></row><row r="2"><c r="A2"><v>2020</v></c><c r="B2"><v>1.5</v></c></row></sheetData></worksheet>';
const LAUGHS = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
const book = (sheet, extra = [], crc) => zip([
  { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
  { name: 'xl/workbook.xml', data: '<?xml version="1.0"?><workbook><sheets><sheet name="Data" sheetId="1"/></sheets></workbook>' },
  { name: 'xl/worksheets/sheet1.xml', data: sheet, crc },
  ...extra,
]);

function cases() {
  const gz = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), deflateBomb('year,value\n2020,', 0x31, 1 << 30), Buffer.alloc(8)]);
  let nul = 'year,value\n';
  for (let y = 2000; y < 2100; y++) nul += `${y},1\n`;
  nul += '2100,1\0\n';
  const wide = 'year' + Array.from({ length: 1_000_000 }, (_, i) => `,c${i}`).join('') + '\n2020' + ',1'.repeat(1_000_000) + '\n';
  return [
    { f: file('bomb.csv.gz', gz), kind: 'UnreadableGzip', says: '256 Mio' },
    { f: file('laughs.xlsx', book(LAUGHS)), kind: 'UnreadableXlsx', says: 'DOCTYPE' },
    { f: file('traversal.xlsx', book(SHEET, [{ name: '../../../../tmp/evil.sh', data: 'rm -rf /' }])), kind: 'UnreadableXlsx', says: '../../../../tmp/evil.sh' },
    { f: file('bad_crc.xlsx', book(SHEET, [], (crc32(Buffer.from(SHEET)) ^ 1) >>> 0)), kind: 'UnreadableXlsx', says: 'somme de contrôle' },
    { f: file('deep.json', '['.repeat(1_000_000) + ']'.repeat(1_000_000), 'application/json'), kind: 'InvalidJson', line: 1, column: 128 },
    { f: file('wide.csv', wide, 'text/csv'), kind: 'TooManyColumns', line: 1 },
    { f: file('nul.csv', nul, 'text/csv'), kind: 'BinaryFile', line: 102, column: 7 },
    {
      f: file('datapackage.json', JSON.stringify({ name: 'p', resources: [{ name: 'data', path: '../../../../etc/passwd' }] }), 'application/json'),
      kind: 'BadResourcePath', line: 1, says: 'resources[0].path',
    },
  ];
}

test('hostile: each hostile file gets its located refusal, the worker keeps working and the store is unchanged', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', async (d) => { errors.push(`dialog: ${d.message()}`); await d.dismiss(); });
  try {
    const imp = new ImportPage(page);
    await imp.open();
    const before = await storeDigest(page);
    for (const c of cases()) {
      const r = await imp.importFiles(c.f);
      assert.equal(r.ok, 'false', c.f.name);
      const first = imp.problems().first();
      const text = await first.textContent();
      assert.equal(await first.getAttribute('data-kind'), c.kind, `${c.f.name}: ${text}`);
      assert.ok(text.startsWith(c.f.name), `${c.f.name}: ${text}`);
      if (c.line !== undefined) assert.equal(Number(await first.getAttribute('data-line')), c.line, `${c.f.name}: ${text}`);
      if (c.column !== undefined) assert.equal(Number(await first.getAttribute('data-column')), c.column, `${c.f.name}: ${text}`);
      if (c.says) assert.ok(text.includes(c.says), `${c.f.name}: ${text}`);
      assert.equal(await page.getByTestId('import-save').count(), 0, `${c.f.name}: nothing to save`);
      console.log(`  ${c.f.name} (${c.f.buffer.length} bytes): ${text.trim().slice(0, 160)}`);
    }
    await page.screenshot({ path: join(OUT, 'import-hostile.png'), fullPage: true });
    // The same worker (or a fresh one it was replaced by) still reads a good file.
    const ok = await imp.importFiles(file('good.csv', 'year,value\n2019,1.5\n2020,2.5\n', 'text/csv'));
    assert.equal(ok.ok, 'true');
    assert.equal(await storeDigest(page), before);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
