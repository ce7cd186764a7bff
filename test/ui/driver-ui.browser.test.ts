// End-to-end: a real SparkContext on local[2] runs a slow job while headless Chromium (Debian's chromium, driven
// by playwright-core) shows its pages; the jobs page must update live (no reload). Screenshots go to
// test-output/ui/. Skipped when /usr/bin/chromium is absent (install: apt-get install -y chromium).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
// the compiled package (npm run build first): SQL closures ship their imports by reference only from plain ES modules
// eslint-disable-next-line import/no-relative-packages
import { SparkContext, SparkSession } from '../../dist/index.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = path.resolve(__dirname, '../../test-output/ui');
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`skipping browser UI tests: ${CHROMIUM} not found (apt-get install -y chromium)`);

const PLAN = `HashAggregate(keys=[word#1], functions=[count(1)])
+- Exchange hashpartitioning(word#1, 200)
   +- HashAggregate(keys=[word#1], functions=[partial_count(1)])
      +- Project [explode(split(value#0, ' ')) AS word#1]
         +- FileScan text [value#0] Location: InMemoryFileIndex[file:/data/book.txt]`;

describe.skipIf(!haveChromium)('driver web UI in a browser', () => {
  let sc: SparkContext;
  let browser: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    sc = new SparkContext({ master: 'local[2]', appName: 'UI end-to-end', conf: { 'spark.ui.port': 0, 'spark.executor.memory': '512m', 'spark.my.password': 'hunter2' } });
    await sc.ready();
    url = sc.uiWebUrl!;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await sc?.stop();
  });

  const shot = async (name: string): Promise<void> => { await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true }); };

  it('shows pages of a running application and updates the job progress live', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // a finished shuffle job and a cached RDD first
    const words = sc.parallelize(['a b', 'b c', 'c d', 'a a'], 2).flatMap((l: string) => l.split(' ')).map((w: string): [string, number] => [w, 1]);
    words.persist();
    expect(await words.reduceByKey((a: number, b: number) => a + b).count()).toBe(4);

    const jobIds: number[] = [];
    sc.statusBus.subscribe((e) => { if (e.kind === 'job-start') jobIds.push(e.jobId); });
    sc.statusBus.post({ kind: 'sql-execution-start', executionId: 100, description: 'SELECT word, count(*) FROM book GROUP BY word', physicalPlan: PLAN, time: Date.now() });
    const busy = (ms: number) => (x: number): number => {
      const t = Date.now();
      while (Date.now() - t < ms);
      return x;
    };
    const slow = sc.range(0, 16, 1, 16).map(busy(350)).count();

    await page.goto(`${url}/jobs/`);
    await page.evaluate('window.marker = 42'); // survives only if the page never reloads
    const row = page.locator('table.active tr[data-job]').first();
    await row.waitFor({ timeout: 10_000 });
    const label = row.locator('td.progress-cell').nth(1).locator('.label');
    const first = await label.textContent();
    await shot('jobs-running');
    // the tasks bar of the running job (7th cell) changes as tasks finish: in place, by the SSE-driven refresh
    await page.waitForFunction(`(() => {
      const l = document.querySelector('tr[data-job="1"] td:nth-of-type(7) .label');
      return l !== null && l.textContent !== ${JSON.stringify(first)};
    })()`, undefined, { timeout: 10_000 });
    const second = await page.locator('tr[data-job="1"] td.progress-cell').nth(1).locator('.label').textContent();
    expect(second).not.toBe(first);
    expect(await page.evaluate('window.marker')).toBe(42); // no reload happened
    expect(await page.locator('#live-state').textContent()).toBe('live');

    // the stage page of the running stage
    await page.goto(`${url}/stages/`);
    await page.locator('table.active tr[data-stage] a').first().click();
    await page.waitForSelector('text=Summary Metrics');
    expect(await page.locator('h1').textContent()).toMatch(/Details for Stage \d+ \(Attempt 0\)/);
    await shot('stage-running');

    await page.goto(`${url}/executors/`);
    await page.waitForSelector('table.executors tr[data-executor]');
    expect(await page.locator('table.executors tbody tr').count()).toBeGreaterThan(0);
    await shot('executors');

    expect(await slow).toBe(16);
    sc.statusBus.post({ kind: 'sql-execution-end', executionId: 100, jobIds: [...jobIds], time: Date.now() });

    // the jobs page, left open, sees the job finish without a reload
    await page.goto(`${url}/jobs/`);
    await page.waitForSelector('table.completed tr[data-job]');
    await shot('jobs-done');
    await page.goto(`${url}/jobs/job/?id=0`); // the shuffle job: two stages and an edge
    await page.waitForSelector('svg.dag');
    expect(await page.locator('svg.dag .dag-edge').count()).toBe(1);
    await shot('job');

    await page.goto(`${url}/SQL/`);
    await page.waitForSelector('text=SELECT word, count(*) FROM book GROUP BY word');
    await shot('sql');
    await page.goto(`${url}/SQL/execution/?id=100`);
    await page.waitForSelector('svg.dag');
    expect(await page.locator('svg.dag .dag-node').count()).toBe(5);
    await shot('sql-execution');

    // a real query: its page, opened while it runs, shows the operators' metrics and ends with the final ones
    const spark = SparkSession.builder().getOrCreate();
    spark.range(0, 1_000_000, 1, 8).createOrReplaceTempView('nums');
    let execId = -1;
    const off = sc.statusBus.subscribe((e) => { if (e.kind === 'sql-execution-start' && e.description.includes('FROM nums')) execId = e.executionId; });
    const query = spark.sql('SELECT id % 5 AS k, count(*) AS c FROM nums GROUP BY id % 5').collect();
    while (execId < 0) await new Promise((r) => setTimeout(r, 5));
    off();
    await page.goto(`${url}/SQL/execution/?id=${execId}`);
    await page.evaluate('window.marker = 43');
    const statusAtOpen = await page.locator('.summary .badge').first().textContent();
    await page.waitForSelector('svg.dag text.dag-metric');
    expect(await query).toHaveLength(5);
    // the scan's output rows reach 1,000,000 in place (SSE refresh), the final aggregate's 5
    await page.waitForSelector('svg.dag text.dag-metric:text-is("number of output rows: 1,000,000")', { timeout: 10_000 });
    const metricsText = await page.locator('table.sql-metrics').textContent();
    expect(metricsText).toContain('Range');
    expect(metricsText).toMatch(/time in aggregation build\d+ ms/);
    const finalAgg = page.locator('table.sql-metrics tbody tr').filter({ hasText: 'HashAggregate' }).first();
    expect(await finalAgg.locator('td.metric-value').first().textContent()).toBe('5');
    if (/running/i.test(statusAtOpen ?? '')) expect(await page.evaluate('window.marker')).toBe(43); // opened live: updated without reload
    await page.waitForSelector('.summary .badge:text-is("COMPLETED")', { timeout: 10_000 });
    await shot('sql-metrics');

    await page.goto(`${url}/stages/stage/?id=0&attempt=0`);
    await page.waitForSelector('table.summary-metrics');
    await shot('stage-done');
    await page.goto(`${url}/storage/`);
    await shot('storage');
    await page.goto(`${url}/environment/`);
    const env = await page.content();
    expect(env).not.toContain('hunter2');
    await shot('environment');
  });
});
