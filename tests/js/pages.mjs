// What the browser tests share: the demo's password and contract, a fresh Swedish page, the
// page's heading and flash message, and a form submitted by its button.
export const DEMO_PASSWORD = 'samverkan-demo';
export const CONTRACT_TITLE = 'Vård- och omsorgsboende Linnégården';

// A new browser context (its own cookies) with one page, Swedish, desktop-sized.
export async function freshPage(browser) {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  return { context, page };
}

export async function heading(page) {
  return (await page.locator('h1').innerText()).trim();
}

export async function flash(page) {
  return (await page.locator('[role="status"]').innerText()).trim();
}

// Submits a form by clicking its button and waits for the answer to the post, which it returns.
export async function submit(page, button) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    button.click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
  return response;
}
