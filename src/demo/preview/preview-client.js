// The preview page's script, inlined by preview-page.ts. Plain browser JavaScript (no build step). Every piece of
// data goes into the page as a text node or an attribute set through the DOM, never as HTML.
(() => {
  const API = `${location.pathname.replace(/\/+$/, '')}/api/portfolio`;
  const REFRESH_MS = 5000;
  const LEVEL_LABELS = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
  const TREND_LABELS = { rising: '↑ rising', steady: '→ steady', falling: '↓ falling' };
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  const params = new URLSearchParams(location.search);
  const state = { portfolio: null, raw: '', selected: params.get('company'), reason: params.get('reason') ?? '' };

  const $ = (id) => document.getElementById(id);

  /** A DOM node: `props` are set as attributes (or `className`), children strings become text nodes. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props ?? {})) {
      if (value == null || value === false) continue;
      if (key === 'className') node.className = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat(Number.POSITIVE_INFINITY)) {
      if (child == null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  }

  function levelBadge(level) {
    if (!level) return el('span', { className: 'badge none' }, 'Not scored');
    return el('span', { className: `badge ${level}` }, LEVEL_LABELS[level] ?? level);
  }

  function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
  }

  function humanize(key) {
    return key
      .replace(/_/g, ' ')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
  }

  function visibleAccounts() {
    const accounts = state.portfolio?.accounts ?? [];
    if (!state.reason) return accounts;
    return accounts.filter((a) => a.assessment?.reasons.some((r) => r.id === state.reason));
  }

  function selectedAccount() {
    return state.portfolio?.accounts.find((a) => a.companyId === state.selected) ?? null;
  }

  function saveLocation() {
    const next = new URLSearchParams();
    if (state.selected) next.set('company', state.selected);
    if (state.reason) next.set('reason', state.reason);
    const query = next.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  function tile(label, value, detail, className) {
    return el(
      'div',
      { className: className ?? 'tile' },
      el('dt', null, label),
      el('dd', null, value, el('small', null, detail)),
    );
  }

  function renderTiles() {
    const p = state.portfolio;
    const tiles = [
      tile(
        'Revenue at risk',
        money.format(p.atRisk.revenue),
        `${plural(p.atRisk.accounts, 'account')}, high or critical`,
        'tile at-risk',
      ),
    ];
    for (const level of ['critical', 'high', 'medium', 'low']) {
      const total = p.byLevel[level];
      tiles.push(
        tile(
          LEVEL_LABELS[level],
          String(total.accounts),
          `${plural(total.accounts, 'account').replace(/^\d+ /, '')} · ${money.format(total.revenue)} / yr`,
        ),
      );
    }
    if (p.notScored > 0) tiles.push(tile('Not scored yet', String(p.notScored), 'backfill running'));
    $('levels').replaceChildren(...tiles);
  }

  function renderFilter() {
    const options = [el('option', { value: '' }, 'All reasons')];
    for (const reason of state.portfolio.reasons) {
      options.push(el('option', { value: reason.id }, `${reason.title} (${reason.id}) · ${reason.accounts}`));
    }
    if (state.reason && !state.portfolio.reasons.some((r) => r.id === state.reason)) {
      options.push(el('option', { value: state.reason }, `${state.reason} · 0`));
    }
    const select = $('reason-filter');
    select.replaceChildren(...options);
    select.value = state.reason;
  }

  function renderTable() {
    const all = state.portfolio.accounts;
    const rows = visibleAccounts();
    $('accounts-caption').textContent = state.reason
      ? `${rows.length} of ${plural(all.length, 'account')} with the reason ${state.reason}, riskiest first`
      : `${plural(all.length, 'account')}, riskiest first`;
    const body = rows.map((account) => {
      const a = account.assessment;
      const selected = account.companyId === state.selected;
      return el(
        'tr',
        { className: selected ? 'selected' : null, 'data-company-id': account.companyId },
        el('td', { className: 'num' }, String(all.indexOf(account) + 1)),
        el(
          'td',
          { className: 'company' },
          el(
            'button',
            {
              type: 'button',
              className: 'company',
              'aria-pressed': selected ? 'true' : 'false',
              'data-company-id': account.companyId,
            },
            account.name,
          ),
        ),
        el('td', { className: 'num' }, a ? String(a.score) : '—'),
        el('td', { className: 'nowrap' }, levelBadge(a?.level)),
        el('td', { className: 'nowrap' }, a ? (TREND_LABELS[a.trend] ?? a.trend) : '—'),
        el('td', { className: 'num nowrap' }, money.format(account.revenue)),
        el(
          'td',
          { className: 'reason-ids' },
          a?.reasons.length ? a.reasons.map((r, i) => [i > 0 && ', ', el('span', null, `${r.id} +${r.points}`)]) : '—',
        ),
      );
    });
    if (body.length === 0) body.push(el('tr', null, el('td', { colspan: 7 }, 'No account has this reason.')));
    $('accounts').tBodies[0].replaceChildren(...body);
  }

  function renderEvidence(evidence) {
    return el(
      'ul',
      { className: 'evidence' },
      evidence.map((e) => {
        const url = safeUrl(e.url);
        const label = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, e.label) : e.label;
        const facts = Object.entries(e.facts ?? {})
          .filter(([, v]) => v !== null && v !== '')
          .map(([k, v]) => `${humanize(k)}: ${v}`)
          .join(' · ');
        return el(
          'li',
          null,
          label,
          ' ',
          el('span', { className: 'kind' }, `(${e.type})`),
          facts && el('span', { className: 'facts' }, facts),
        );
      }),
    );
  }

  function renderReason(reason, score) {
    const bar = el('span');
    bar.style.setProperty('width', `${Math.min(100, (reason.points / Math.max(score, 1)) * 100)}%`);
    return el(
      'li',
      { 'data-reason-id': reason.id },
      el(
        'div',
        { className: 'reason-head' },
        el('h4', null, reason.title),
        el('span', { className: 'points' }, `+${reason.points} pts`),
      ),
      el('div', { className: 'bar', 'aria-hidden': 'true' }, bar),
      el('p', { className: 'headline' }, reason.headline),
      reason.evidence.length > 0 && [el('h5', null, 'Evidence'), renderEvidence(reason.evidence)],
      reason.playbook.length > 0 && [
        el('h5', null, 'Playbook'),
        el(
          'ol',
          { className: 'playbook' },
          reason.playbook.map((step) => el('li', null, step)),
        ),
      ],
    );
  }

  function renderCard() {
    const account = selectedAccount();
    const card = $('card-body');
    if (!account) {
      card.replaceChildren(el('p', null, 'Select a company in the table to preview its risk card.'));
      return;
    }
    const a = account.assessment;
    if (!a) {
      card.replaceChildren(
        el('h3', null, account.name),
        el('p', null, 'Not scored yet: the backfill has not reached this company.'),
      );
      return;
    }
    const trend = `${TREND_LABELS[a.trend] ?? a.trend}${a.previousScore == null ? '' : ` (from ${a.previousScore})`}`;
    const assessed = new Date(a.assessedAt).toISOString().replace('T', ' ').slice(0, 16);
    card.replaceChildren(
      el('h3', null, account.name),
      el(
        'div',
        { className: 'card-head' },
        el(
          'p',
          { className: 'score' },
          el('span', { className: 'sr-only' }, 'Churn risk score '),
          String(a.score),
          el('small', { className: 'out-of' }, ' / 100'),
        ),
        el(
          'div',
          null,
          el('p', { className: 'card-meta' }, levelBadge(a.level), ' ', trend),
          el('p', { className: 'card-meta' }, `Assessed ${assessed} UTC`),
        ),
      ),
      a.reasons.length === 0
        ? el(
            'div',
            { className: 'healthy' },
            el('strong', null, 'No churn signals'),
            'Nothing in this company’s records points to churn right now.',
          )
        : el(
            'ol',
            { className: 'reasons', 'aria-label': 'Reasons' },
            a.reasons.map((r) => renderReason(r, a.score)),
          ),
    );
  }

  function render() {
    renderTiles();
    renderFilter();
    renderTable();
    renderCard();
  }

  async function load() {
    const status = $('status');
    try {
      const response = await fetch(API, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const raw = await response.text();
      // Unchanged data is left alone: no re-render under the user's pointer, no repeated live-region announcement.
      if (raw === state.raw && status.className !== 'error') return;
      status.className = '';
      status.textContent = `Updated ${new Date().toLocaleTimeString()}`;
      state.raw = raw;
      state.portfolio = JSON.parse(raw);
      if (!state.selected && state.portfolio.accounts.length > 0)
        state.selected = state.portfolio.accounts[0].companyId;
      render();
    } catch (error) {
      status.className = 'error';
      status.textContent = `Could not load the portfolio (${error.message}); retrying.`;
    }
  }

  $('reason-filter').addEventListener('change', (event) => {
    state.reason = event.target.value;
    saveLocation();
    renderTable();
  });
  $('accounts').addEventListener('click', (event) => {
    const button = event.target.closest('button.company');
    if (!button) return;
    state.selected = button.getAttribute('data-company-id');
    saveLocation();
    renderTable();
    renderCard();
    $('accounts')
      .querySelector(`button[data-company-id="${CSS.escape(state.selected)}"]`)
      ?.focus();
  });

  load();
  setInterval(load, REFRESH_MS);
})();
