// The picture of a load run (issue 16, bench part 6): latency (p50/p99 call → case.dispatched of the calls sent in
// each 10 s window) and throughput (calls accepted and cases dispatched per 10 s window) over the run, drawn with
// ECharts (the console's chart library) rendered server-side to SVG and rasterised to PNG by resvg.
import { writeFileSync } from 'node:fs';
import { percentile, require } from './lib.mjs';

const WINDOW_MS = 10_000;

/**
 * Per 10 s window from `startedAt`: the calls accepted (answered 202, by send time), the cases dispatched (by the
 * probe's receipt of case.dispatched), and p50/p99 call → dispatched of the calls sent in that window.
 * `calls`: the probe's records ({ sentAt, dispatchedAt? }).
 */
export function windows(calls, startedAt) {
  const sent = calls.filter((c) => c.sentAt !== undefined);
  const end = Math.max(...sent.map((c) => c.dispatchedAt ?? c.sentAt));
  const count = Math.max(1, Math.ceil((end - startedAt + 1) / WINDOW_MS));
  const rows = Array.from({ length: count }, (_, i) => ({ t: (i * WINDOW_MS) / 1000, accepted: 0, dispatched: 0, latencies: [] }));
  const at = (ms) => rows[Math.min(count - 1, Math.max(0, Math.floor((ms - startedAt) / WINDOW_MS)))];
  for (const c of sent) {
    at(c.sentAt).accepted++;
    if (c.dispatchedAt !== undefined) {
      at(c.dispatchedAt).dispatched++;
      at(c.sentAt).latencies.push(c.dispatchedAt - c.sentAt);
    }
  }
  return rows.map(({ latencies, ...row }) => {
    const sorted = latencies.sort((a, b) => a - b);
    return { ...row, p50: sorted.length ? percentile(sorted, 50) : null, p99: sorted.length ? percentile(sorted, 99) : null };
  });
}

/**
 * Writes the PNG of `rows` (from `windows`) to `file`. `marks`: [{ t, label }] — where a phase of the run starts
 * (a rate, a store size), drawn as vertical lines.
 */
export function writeLoadChart(file, rows, { title, marks = [] } = {}) {
  const echarts = require('echarts');
  const { Resvg } = require('@resvg/resvg-js');
  const width = 1400;
  const height = 760;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const x = rows.map((r) => r.t);
  const markLine = { symbol: 'none', silent: true, lineStyle: { color: '#888', type: 'dashed' }, label: { formatter: '{b}', position: 'insideEndTop', fontSize: 11 }, data: marks.map((m) => ({ name: m.label, xAxis: m.t })) };
  chart.setOption({
    animation: false,
    backgroundColor: '#fff',
    textStyle: { fontFamily: 'Noto Sans CJK SC, DejaVu Sans, sans-serif' },
    title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 15 } },
    legend: { top: 34 },
    grid: [{ left: 80, right: 40, top: 84, height: 280 }, { left: 80, right: 40, top: 432, height: 270 }],
    xAxis: [
      { type: 'value', gridIndex: 0, min: 0, max: x.at(-1) + 10, name: 's', axisLabel: { fontSize: 11 } },
      { type: 'value', gridIndex: 1, min: 0, max: x.at(-1) + 10, name: 's since the start of the run', nameLocation: 'middle', nameGap: 28, axisLabel: { fontSize: 11 } },
    ],
    yAxis: [
      { type: 'log', gridIndex: 0, name: 'call → dispatched, ms (log)', logBase: 10, min: 10 },
      { type: 'value', gridIndex: 1, name: 'per 10 s window', max: (v) => Math.ceil(v.max * 1.25) + 1 },
    ],
    series: [
      { name: 'p50 call → dispatched', type: 'line', xAxisIndex: 0, yAxisIndex: 0, showSymbol: false, connectNulls: false, data: rows.map((r) => [r.t + 5, r.p50 ?? null]), markLine },
      { name: 'p99 call → dispatched', type: 'line', xAxisIndex: 0, yAxisIndex: 0, showSymbol: false, connectNulls: false, data: rows.map((r) => [r.t + 5, r.p99 ?? null]) },
      { name: 'calls accepted', type: 'line', step: 'end', xAxisIndex: 1, yAxisIndex: 1, showSymbol: false, data: rows.map((r) => [r.t, r.accepted]), markLine },
      { name: 'cases dispatched', type: 'line', step: 'end', xAxisIndex: 1, yAxisIndex: 1, showSymbol: false, data: rows.map((r) => [r.t, r.dispatched]) },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const png = new Resvg(svg, { background: '#fff', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  writeFileSync(file, png);
  return file;
}
