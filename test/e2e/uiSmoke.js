// UI smoke test through the real workbench, the way a user does it: open shapes.py, select the
// `area` function, F1 → "Portalis: Translate Selection to Rust" → Enter, then the Rust editor
// must be visible beside the Python with the translated function (screenshot); Ctrl+Alt+R on
// another selection updates that tab; the language status hover shows backend and confidence.
const fs = require('fs');
const path = require('path');
const { URL } = require('url');

const STEP_MS = 60_000; // hang guard per step, not a timed assertion

async function smoke(page, url, shot) {
  const t0 = Date.now(); const step = (m) => process.env.PORTALIS_E2E_STEPS && console.log(`    ${Date.now() - t0} ms: ${m}`);
  const folder = new URL(url).searchParams.get('folder');
  const line = fs.readFileSync(path.join(folder, 'shapes.py'), 'utf8').split('\n').findIndex((l) => l.startsWith('def area')) + 1;
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: STEP_MS });
  step("await page.waitForSelector('.monaco-workbench .par");
  await page.waitForSelector('.explorer-viewlet .monaco-list-row[aria-label*="shapes.py"], .explorer-folders-view .monaco-list-row >> text=shapes.py', { timeout: STEP_MS });
  step('explorer');

  const quickInput = async (key, text, row) => {
    await page.keyboard.press(key);
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: STEP_MS });
    await page.keyboard.insertText(text);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${row}"]`, { timeout: STEP_MS });
    await page.keyboard.press('Enter');
  };

  await quickInput('Control+P', 'shapes.py', 'shapes.py');
  step("await quickInput('Control+P', 'shapes.py', 'shapes");
  await page.waitForSelector('.editor-instance .view-lines >> text=/area/', { timeout: STEP_MS });
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: STEP_MS });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+End');
  step("await page.keyboard.press('Shift+End');");

  await quickInput('F1', 'Portalis: Translate Selection to Rust', 'Portalis: Translate Selection to Rust');
  step("await quickInput('F1', 'Portalis: Translate Select");
  await page.waitForSelector('.tabs-container .tab[aria-label*="shapes (selection).rs"]', { timeout: STEP_MS });
  step("await page.waitForSelector('.tabs-container .tab[a");
  const rustEditor = page.locator('.editor-group-container', { has: page.locator('.tab.active[aria-label*="shapes (selection).rs"]') });
  await rustEditor.locator('.view-lines >> text=/fn\\s+area/').waitFor({ timeout: STEP_MS });
  const text = (await rustEditor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  if (!/fn area\(w: f64, h: f64\) -> f64/.test(text)) throw new Error(`UI smoke: the Rust editor shows:\n${text}`);
  await page.waitForTimeout(500); // let the status bar settle for the picture; nothing is asserted after it
  await page.screenshot({ path: shot });

  // The keybinding: select the Point class in the Python, Ctrl+Alt+R, the same Rust tab updates.
  const pyLines = fs.readFileSync(path.join(folder, 'shapes.py'), 'utf8').split('\n');
  const from = pyLines.findIndex((l) => l.startsWith('@dataclass')) + 1;
  const to = pyLines.findIndex((l) => l.includes('return math.sqrt')) + 1;
  await page.locator('.editor-group-container', { has: page.locator('.tab.active[aria-label*="shapes.py"]') }).locator('.view-lines').click();
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: STEP_MS });
  await page.keyboard.insertText(String(from));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  for (let i = from; i < to; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Control+Alt+R');
  await rustEditor.locator('.view-lines >> text=/struct\\s+Point/').waitFor({ timeout: STEP_MS });
  step('Ctrl+Alt+R updated the Rust tab');

  // The language status item ({} in the status bar) shows the backend and the last confidence.
  await page.locator('[id="status.languageStatus"]').hover();
  const hover = page.locator('.monaco-hover, .context-view').filter({ hasText: 'Portalis: embedded' });
  await hover.first().waitFor({ timeout: STEP_MS });
  const hoverText = (await hover.first().innerText()).replace(/\u00a0/g, ' ');
  if (!/last confidence \d\.\d\d/.test(hoverText)) throw new Error(`UI smoke: the language status shows:\n${hoverText}`);
  await page.screenshot({ path: shot.replace(/\.png$/, '-status.png') });
}

module.exports = { smoke };
