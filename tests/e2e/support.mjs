// Shared set-up for the end-to-end specs: Debian's Chromium through playwright-core, and page objects.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = process.env.VIGIE_URL ?? 'http://127.0.0.1:8080';
export const OUT = process.env.VIGIE_E2E_OUT ?? join(dirname(fileURLToPath(import.meta.url)), 'output');
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/// Flags that keep Chromium quiet on a closed network (see TOOLCHAIN.md).
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/// The number of indicators in the default package, counted from the file itself.
export function defaultIndicatorCount() {
  const text = readFileSync(join(ROOT, 'public/data/lhsm/indicators.csv'), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').length - 1;
}

export class DashboardPage {
  constructor(page) { this.page = page; }
  async open() {
    await this.page.goto(BASE + '/');
    await this.page.getByTestId('dashboard').waitFor();
  }
  rows() { return this.page.getByTestId('indicator-row'); }
  row(id) { return this.page.locator(`[data-testid="indicator-row"][data-indicator="${id}"]`); }
  origin() { return this.page.getByTestId('data-origin'); }
  async openIndicator(id) {
    await this.row(id).getByRole('link').click();
    await this.page.getByTestId('indicator-page').waitFor();
    return new IndicatorPage(this.page);
  }
}

export class IndicatorPage {
  constructor(page) { this.page = page; }
  canvas() { return this.page.getByTestId('indicator-chart'); }
  /// Counts canvas pixels that are neither transparent nor white.
  async drawnPixels() {
    return this.canvas().evaluate((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
      }
      return n;
    });
  }
}
