// Runs ledger.sql on one project folder and, with --compare, checks payrollrecon's ledger.csv against it.
//
//   node run.mjs <project-dir> <out-ledger.csv> [--threads N] [--compare <ours/ledger.csv> [--expected <expected-findings.csv>]]
//
// Prints one JSON line: wall time of the SQL, rows, and with --compare the agreement on due, paid and status.
// Worker-months of workers with a planted payment defect (expected-findings.csv of `payrollrecon generate`) are
// counted apart: the SQL does only the core (oldest-first allocation, no memo months, no name matching), so those
// may differ by design. Exit code 1 when any other worker-month disagrees.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const [projectDir, outPath] = args;
if (!projectDir || !outPath) {
  console.error('usage: node run.mjs <project-dir> <out-ledger.csv> [--threads N] [--compare ours.csv [--expected expected-findings.csv]]');
  process.exit(2);
}

const settings = JSON.parse(readFileSync(join(projectDir, 'project.json'), 'utf8'));
const yuanToFen = (v) => Math.round(Number(v ?? 0) * 100);
const fill = {
  DIR: resolve(projectDir).replaceAll("'", "''"),
  OUT: resolve(outPath).replaceAll("'", "''"),
  ASOF: settings.asOf ?? new Date().toISOString().slice(0, 10),
  PAYDAY: settings.payDay ?? 31,
  OFFSET: settings.payMonthOffset ?? 1,
  GRACE: settings.graceDays ?? 0,
  TOLERANCE: yuanToFen(settings.amountTolerance),
};
const here = dirname(fileURLToPath(import.meta.url));
const sql = readFileSync(join(here, 'ledger.sql'), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k) => String(fill[k]));

const started = process.hrtime.bigint();
const instance = await DuckDBInstance.create(':memory:', { threads: opt('--threads') ?? '2' });
const connection = await instance.connect();
await connection.run(sql);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const readCsv = (path) => {
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(',');
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
};
const result = { seconds: Number(seconds.toFixed(3)), rows: readCsv(outPath).length };

const comparePath = opt('--compare');
if (comparePath) {
  // Ours writes yuan with two decimals; the SQL writes fen.
  const fenOf = (yuan) => { const [i, f = ''] = yuan.split('.'); return BigInt(i + (f + '00').slice(0, 2)); };
  const ours = new Map(readCsv(comparePath).map((r) => [`${r.worker_id}|${r.period}`,
    { due: fenOf(r.due), paid: fenOf(r.paid), status: r.status }]));
  const planted = new Set();
  const paymentCodes = new Set(['ACCOUNT_MISMATCH', 'NAME_MISMATCH', 'DUPLICATE_PAYMENT', 'OVERPAID', 'SHORTFALL', 'UNPAID', 'LATE',
    'UNMATCHED_REFUND', 'BATCH_TOTAL_MISMATCH', 'BATCH_DETAIL_MISSING', 'EXCESSIVE_PAYMENT', 'PAID_WITHOUT_ATTENDANCE', 'DUPLICATE_TXN', 'DUPLICATE_WORKER']);
  if (opt('--expected')) for (const e of readCsv(opt('--expected'))) if (paymentCodes.has(e.code) && e.worker_id) planted.add(e.worker_id);
  const tally = { compared: 0, agree: 0, disagree: 0, plantedDisagree: 0, onlyOurs: 0, onlySql: 0, examples: [] };
  const sqlRows = readCsv(outPath);
  const seen = new Set();
  for (const r of sqlRows) {
    const key = `${r.worker_id}|${r.period}`;
    seen.add(key);
    const o = ours.get(key);
    if (!o) { tally.onlySql++; continue; }
    tally.compared++;
    const same = o.due === BigInt(r.due) && o.paid === BigInt(r.paid) && o.status === r.status;
    if (same) tally.agree++;
    else if (planted.has(r.worker_id)) tally.plantedDisagree++;
    else {
      tally.disagree++;
      if (tally.examples.length < 5) tally.examples.push({ key, ours: { due: String(o.due), paid: String(o.paid), status: o.status }, sql: { due: r.due, paid: r.paid, status: r.status } });
    }
  }
  for (const key of ours.keys()) if (!seen.has(key)) tally.onlyOurs++;
  result.compare = tally;
  console.log(JSON.stringify(result));
  process.exit(tally.disagree > 0 || tally.onlyOurs > 0 || tally.onlySql > 0 ? 1 : 0);
}
console.log(JSON.stringify(result));
