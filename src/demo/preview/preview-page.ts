import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const STYLES = readFileSync(new URL('./preview-styles.css', import.meta.url), 'utf8');
const SCRIPT = readFileSync(new URL('./preview-client.js', import.meta.url), 'utf8');

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The Content-Security-Policy sent with the page: only its own inline style and script (by hash), data from its own
 * origin. A company name that slipped into the markup as HTML could not run a script.
 */
export const PREVIEW_CSP = [
  "default-src 'none'",
  `style-src ${hashOf(STYLES)}`,
  `script-src ${hashOf(SCRIPT)}`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * GET /preview: the portfolio and the risk card preview. A static shell holding no data at all; its script fetches
 * `api/portfolio` beside it and builds every node from the JSON (preview-client.js), so nothing is ever parsed as HTML.
 */
export function previewPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Churn Signals · portfolio and risk card preview</title>
<style>${STYLES}</style>
</head>
<body>
<header class="top">
<h1>Churn Signals</h1>
<p>The demo portfolio and each company's risk card, as HubSpot will show it.</p>
</header>
<main>
<section class="panel" aria-labelledby="portfolio-title">
<h2 id="portfolio-title">Portfolio</h2>
<p id="status" role="status" aria-live="polite">Loading the portfolio…</p>
<dl id="levels" class="tiles" aria-label="Accounts per level"></dl>
<div class="filter">
<label for="reason-filter">Filter by reason</label>
<select id="reason-filter"><option value="">All reasons</option></select>
</div>
<div class="table-wrap">
<table id="accounts">
<caption id="accounts-caption">Accounts, riskiest first</caption>
<thead><tr>
<th scope="col" class="num">#</th><th scope="col">Company</th><th scope="col" class="num">Score</th>
<th scope="col">Level</th><th scope="col">Trend</th><th scope="col" class="num">Revenue / yr</th><th scope="col">Reasons</th>
</tr></thead>
<tbody></tbody>
</table>
</div>
</section>
<section id="card" class="panel" aria-labelledby="card-title">
<h2 id="card-title">Risk card preview</h2>
<div id="card-body"><p>Select a company in the table to preview its risk card.</p></div>
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
