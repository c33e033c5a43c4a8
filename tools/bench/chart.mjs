// Draws a benchmark result as one SVG of several ECharts panels (server-side rendering, no browser).
//
//   node tools/bench/chart.mjs bench/results/<run>.json   redraws <run>.svg from a result written earlier
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import * as echarts from 'echarts';

import { PANELS } from './chart-panels.mjs';

const WIDTH = 640;
const HEIGHT = 380;
const HEADER = 56;
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function render(option, index) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption(option);
    // Panels share one document: ids and style classes get the panel's prefix; one line a panel.
    return chart
      .renderToSVGString()
      .replace(/\bid="([^"]+)"/g, `id="p${index}-$1"`)
      .replace(/url\(#([^)]+)\)/g, `url(#p${index}-$1)`)
      .replace(/href="#([^"]+)"/g, `href="#p${index}-$1"`)
      .replace(/\bzr(\d+)-/g, `p${index}-zr$1-`)
      .replace(/>\s*\n\s*</g, '><')
      .replace(/\s*\n\s*/g, ' ');
  } finally {
    chart.dispose();
  }
}

/** The SVG text of `result`'s figures, two panels a row under a header naming the run. */
export function chartOf(result, source = '') {
  const panels = PANELS.map((panel) => panel(result)).filter(Boolean);
  const rows = Math.ceil(panels.length / 2);
  const width = WIDTH * 2;
  const height = HEADER + rows * HEIGHT;
  const s = result.settings;
  const header = `Optline benchmark ${result.at.slice(0, 16).replace('T', ' ')} UTC: ${result.machine.cpus} cores, Node ${result.machine.node}, ${result.client}`;
  const detail =
    `${s.throughputMessages.toLocaleString('en-US')} messages a full-speed run, ${s.latencyRate}/s for ${s.latencySeconds} s, ` +
    `${s.recipients.toLocaleString('en-US')} recipients, ${s.partitions} partitions, ${s.hops} hops${source ? `; ${source}` : ''}`;
  const body = panels.map((option, i) => {
    const svg = render(option, i);
    const x = (i % 2) * WIDTH;
    const y = HEADER + Math.floor(i / 2) * HEIGHT;
    return svg.replace(/^<svg /, `<svg x="${x}" y="${y}" `);
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="24" font-family="Helvetica, Arial, sans-serif" font-size="17" font-weight="bold" fill="#333">${escape(header)}</text>`,
    `<text x="12" y="44" font-family="Helvetica, Arial, sans-serif" font-size="12" fill="#666">${escape(detail)}</text>`,
    ...body,
    '</svg>\n',
  ].join('');
}

export function writeChart(result, file, source) {
  writeFileSync(file, chartOf(result, source));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const input = process.argv[2];
  if (!input) throw new Error('usage: node tools/bench/chart.mjs bench/results/<run>.json');
  const output = input.replace(/\.json$/, '.svg');
  writeChart(JSON.parse(readFileSync(input, 'utf8')), output, path.basename(input));
  process.stdout.write(`${output}\n`);
}
