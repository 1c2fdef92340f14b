// Benchmark driver: writes the synthetic 2,480-result report (report_write_bench), then opens its index.html in
// headless Chromium (measure_report_open.mjs) for the first paint. Fails when the HTML is over 1 MB or its first paint
// over 1 s. Usage: node report_bench.mjs <report_write_bench> <source root> <output dir>
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [bench, sourceRoot, outDir] = process.argv.slice(2);
const dir = path.join(outDir, 'report-bench');
process.stdout.write(execFileSync(bench, [dir, '5']));
process.stdout.write(execFileSync(process.execPath, [path.join(path.dirname(fileURLToPath(import.meta.url)), 'measure_report_open.mjs'),
  sourceRoot, path.join(dir, 'index.html')], { env: { ...process.env, GBC_REPORT_BUDGET: 'enforce' } }));
