// Small DOM helpers: every value that reaches innerHTML goes through escapeHtml.

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function stateBadge(state) {
  const s = escapeHtml(state || 'UNKNOWN');
  return `<span class="badge state-${s.toLowerCase()}">${s.toLowerCase()}</span>`;
}

export function setCrumbs(parts) {
  const crumbs = document.getElementById('crumbs');
  crumbs.innerHTML = parts.map((p) => (p.href
    ? `<a href="${escapeHtml(p.href)}" data-link>${escapeHtml(p.text)}</a>`
    : `<span>${escapeHtml(p.text)}</span>`)).join('<span class="sep">/</span>');
}

export function setLive(text, active) {
  const live = document.getElementById('live');
  live.hidden = !text;
  live.classList.toggle('active', Boolean(active));
  document.getElementById('live-text').textContent = text || '';
}

export function errorBox(message) {
  return `<div class="error-box" role="alert">${escapeHtml(message)}</div>`;
}
