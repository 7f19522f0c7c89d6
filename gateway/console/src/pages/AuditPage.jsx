// The audit log for BKPP administrators (GET /v1/auditEvents, newest first): filters by actor,
// method, resource prefix and Jakarta days; 20 to a page; times in Asia/Jakarta (WIB).
import { useEffect, useState } from 'preact/hooks';
import { Alert } from '../components/Alert.jsx';
import { Field } from '../components/Field.jsx';
import { Loading } from '../components/Loading.jsx';
import { Pager } from '../components/Pager.jsx';
import { hasText, t } from '../i18n/index.js';
import { AUDITED_METHODS, auditPage, shortMethod } from '../lib/audit.js';
import { messageFor } from '../lib/errors.js';
import { formatDateTime, jakartaDayStart, nipOf } from '../lib/format.js';
import { usePagedList } from '../lib/hooks.js';
import { hrefOf, navigate } from '../lib/router.js';

const methodLabel = (m) => (hasText(`method.${shortMethod(m)}`) ? t(`method.${shortMethod(m)}`) : shortMethod(m));

function changeOf(event) {
  if (!event.beforeJson && event.afterJson) return t('audit.created');
  if (event.beforeJson && !event.afterJson) return t('audit.deleted');
  return t('audit.changed');
}

function pretty(json) {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

function Target({ resource }) {
  const m = /^employees\/(\d{18})$/.exec(resource || '');
  if (m) return <a class="mono" href={hrefOf(`/employees/${m[1]}`)}>{resource}</a>;
  return <span class="mono">{resource}</span>;
}

function Events({ filters }) {
  const list = usePagedList((token) => auditPage(filters, token));
  return (
    <div data-testid="audit-results">
      <Alert kind="error">{list.error && messageFor(list.error)}</Alert>
      {list.loading && <Loading />}
      {!list.loading && !list.error && list.items.length === 0 && <p class="muted">{t('audit.none')}</p>}
      {!list.loading && list.items.length > 0 && (
        <table class="table audit" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('audit.time')}</th>
              <th>{t('audit.actor')}</th>
              <th>{t('audit.method')}</th>
              <th>{t('audit.target')}</th>
              <th>{t('audit.outcome')}</th>
              <th>{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((ev) => (
              <tr key={ev.name}>
                <td class="nowrap">{formatDateTime(ev.time)}</td>
                <td class="mono">{nipOf(ev.actor)}</td>
                <td>
                  {methodLabel(ev.method)}
                  <div class="mono muted small">{shortMethod(ev.method)}</div>
                </td>
                <td><Target resource={ev.resource} /></td>
                <td>{changeOf(ev)}</td>
                <td>
                  <details>
                    <summary>{t('audit.show')}</summary>
                    {ev.beforeJson && (<><h3>{t('audit.before')}</h3><pre>{pretty(ev.beforeJson)}</pre></>)}
                    {ev.afterJson && (<><h3>{t('audit.after')}</h3><pre>{pretty(ev.afterJson)}</pre></>)}
                    {ev.requestId && <p class="small muted">request_id: {ev.requestId}</p>}
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager list={list} />
    </div>
  );
}

export function AuditPage({ query }) {
  const applied = {
    actor: query.get('actor') ?? '',
    method: query.get('method') ?? '',
    resource: query.get('resource') ?? '',
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
  };
  const key = JSON.stringify(applied);
  const [form, setForm] = useState(applied);
  useEffect(() => setForm(applied), [key]);
  const update = (field) => (e) => setForm({ ...form, [field]: e.currentTarget.value });
  const filters = {
    actor: /^\d{18}$/.test(applied.actor) ? `accounts/${applied.actor}` : applied.actor,
    method: applied.method,
    resourcePrefix: applied.resource,
    startTime: applied.from ? jakartaDayStart(applied.from) : '',
    endTime: applied.to ? jakartaDayStart(applied.to, true) : '',
  };
  function submit(event) {
    event.preventDefault();
    navigate('/audit', { ...form, actor: form.actor.trim(), resource: form.resource.trim() });
  }
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <form class="card form" onSubmit={submit} data-testid="audit-filters">
        <div class="form-grid">
          <Field label={t('audit.actorNip')} htmlFor="audit-actor">
            <input id="audit-actor" value={form.actor} onInput={update('actor')} inputMode="numeric" />
          </Field>
          <Field label={t('audit.method')} htmlFor="audit-method">
            <select id="audit-method" value={form.method} onChange={update('method')}>
              <option value="">{t('audit.allMethods')}</option>
              {AUDITED_METHODS.map((m) => (
                <option key={m} value={m}>{methodLabel(m)}</option>
              ))}
            </select>
          </Field>
          <Field label={t('audit.resourcePrefix')} htmlFor="audit-resource" hint={t('audit.resourceHint')}>
            <input id="audit-resource" value={form.resource} onInput={update('resource')} />
          </Field>
          <Field label={t('audit.from')} htmlFor="audit-from">
            <input id="audit-from" type="date" value={form.from} onInput={update('from')} />
          </Field>
          <Field label={t('audit.to')} htmlFor="audit-to">
            <input id="audit-to" type="date" value={form.to} onInput={update('to')} />
          </Field>
        </div>
        <button type="submit" class="button primary">{t('audit.apply')}</button>
      </form>
      <Events key={key} filters={filters} />
    </section>
  );
}
