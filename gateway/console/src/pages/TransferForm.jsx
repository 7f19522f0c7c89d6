// BKPP administrators record a transfer (POST /v1/employees/{nip}:transfer): destination OPD and
// position, effective date, kind. Each submission carries a fresh request_id. Field errors come from
// the google.rpc.BadRequest details of a 400.
import { useState } from 'preact/hooks';
import { Alert } from '../components/Alert.jsx';
import { Field } from '../components/Field.jsx';
import { t } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';
import { allOpds, newRequestId, positionsOfOpd, transferEmployee } from '../lib/directory.js';
import { fieldErrors, messageFor } from '../lib/errors.js';
import { enumLabel, parseIsoDate } from '../lib/format.js';
import { useAsync } from '../lib/hooks.js';

const REASONS = ['MUTASI', 'PROMOSI', 'DEMOSI'];
const FIELDS = ['position', 'effectivedate', 'reason'];

export function TransferForm({ nip, currentOpd, onTransferred }) {
  const [opd, setOpd] = useState(currentOpd || '');
  const [position, setPosition] = useState('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('MUTASI');
  const [errors, setErrors] = useState({});
  const [general, setGeneral] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const opds = useAsync(allOpds, []);
  const positions = useAsync(() => (opd ? positionsOfOpd(opd) : Promise.resolve([])), [opd]);

  async function submit(event) {
    event.preventDefault();
    setGeneral('');
    setDone('');
    const local = {};
    if (!position) local.position = t('transfer.choosePosition');
    const effectiveDate = parseIsoDate(date);
    if (!effectiveDate) local.effectivedate = t('transfer.chooseDate');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const a = await transferEmployee(nip, { position, effectiveDate, reason, requestId: newRequestId() });
      setDone(t('transfer.done', { position: a.positionTitle || a.position }));
      setPosition('');
      setDate('');
      onTransferred();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const { byField, other } = fieldErrors(err, FIELDS);
        setErrors(byField);
        if (other.length > 0) setGeneral(`${messageFor(err)} ${other.join('; ')}`);
        else if (Object.keys(byField).length === 0) setGeneral(messageFor(err));
      } else {
        setGeneral(messageFor(err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card form" onSubmit={submit} noValidate data-testid="transfer-form">
      <h2>{t('transfer.title')}</h2>
      <p class="muted">{t('transfer.intro')}</p>
      <Alert kind="success" testId="transfer-done">{done}</Alert>
      <Alert kind="error" testId="transfer-error">
        {general || (opds.error && messageFor(opds.error)) || (positions.error && messageFor(positions.error))}
      </Alert>
      <div class="form-grid">
        <Field label={t('transfer.opd')} htmlFor="transfer-opd">
          <select id="transfer-opd" value={opd} onChange={(e) => { setOpd(e.currentTarget.value); setPosition(''); }}>
            <option value="">{t('transfer.chooseOpd')}</option>
            {(opds.data ?? []).map((o) => (
              <option key={o.code} value={o.code}>{`${o.code} — ${o.displayName}`}</option>
            ))}
          </select>
        </Field>
        <Field label={t('transfer.position')} htmlFor="transfer-position" error={errors.position}>
          <select id="transfer-position" value={position} disabled={!opd || positions.loading}
            onChange={(e) => setPosition(e.currentTarget.value)}>
            <option value="">{t('transfer.choosePosition')}</option>
            {(positions.data ?? []).map((p) => (
              <option key={p.code} value={p.code}>{`${p.title} (${p.code})`}</option>
            ))}
          </select>
        </Field>
        <Field label={t('transfer.effectiveDate')} htmlFor="transfer-date" error={errors.effectivedate}>
          <input id="transfer-date" type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </Field>
        <Field label={t('transfer.reason')} htmlFor="transfer-reason" error={errors.reason}>
          <select id="transfer-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
            {REASONS.map((r) => (
              <option key={r} value={r}>{enumLabel('AssignmentReason', r)}</option>
            ))}
          </select>
        </Field>
      </div>
      <button type="submit" class="button primary" disabled={busy}>
        {busy ? t('common.saving') : t('transfer.submit')}
      </button>
    </form>
  );
}
