// One SKP as a formal document (#/print/skp/{nip}/{id}): identity of the employee and of the pejabat
// penilai, period, the RHK with their IKI, the behaviour part with the superior's expectations, the
// evaluation and predikat, and the signature blocks. The print style sheet (app.css, @media print)
// leaves out the console's frame and buttons. The pejabat penilai is the superior on the plan's last
// day (its closing day for a plan closed by a transfer, today otherwise); a reader who may not ask
// for it (evaluators) sees the evaluator's NIP or an empty block.
import { Alert } from '../components/Alert.jsx';
import { Loading } from '../components/Loading.jsx';
import { intervensiLabel, periodOf } from '../components/SkpParts.jsx';
import { t } from '../i18n/index.js';
import { get, seg } from '../lib/api.js';
import { getOpd } from '../lib/directory.js';
import { messageFor } from '../lib/errors.js';
import { enumLabel, formatDate, nipOf, parseIsoDate, todayInJakarta } from '../lib/format.js';
import { useAsync } from '../lib/hooks.js';
import { BERAKHLAK, RHK_KINDS, getSkp, intervensiOptions, opdCode } from '../lib/skp.js';

const quiet = (promise) => promise.catch(() => null); // what the reader may not see stays empty

function superiorFor(nip, skp) {
  const d = skp.closedOn?.year ? skp.closedOn : null;
  const query = d ? { 'date.year': d.year, 'date.month': d.month, 'date.day': d.day } : undefined;
  return quiet(get(`/v1/employees/${seg(nip)}/superior`, query));
}

async function loadDocument(nip, id) {
  const skp = await getSkp(nip, id);
  const [options, superior, opd] = await Promise.all([
    quiet(intervensiOptions(nip, skp.year)),
    superiorFor(nip, skp),
    quiet(getOpd(opdCode(skp.opd))),
  ]);
  return { skp, options, superior, opd };
}

function Signature({ role, name, nip, place }) {
  return (
    <div class="signature">
      <p>{place || '\u00a0'}</p>
      <p>{role}</p>
      <div class="signature-space" />
      <p class="signature-name">{name || '\u00a0'}</p>
      <p>{nip ? `${t('employee.nip')} ${nip}` : '\u00a0'}</p>
    </div>
  );
}

function HasilKerja({ skp, options }) {
  const rhks = skp.rhks ?? [];
  let n = 0;
  return (
    <table class="doc-table" data-testid="doc-rhk">
      <thead>
        <tr>
          <th class="num">{t('doc.no')}</th>
          <th>{t('doc.intervensi')}</th>
          <th>{t('skp.rhkText')}</th>
          <th>{t('skp.aspect')}</th>
          <th>{t('skp.iki')}</th>
          <th>{t('skp.target')}</th>
        </tr>
      </thead>
      {RHK_KINDS.map((kind) => {
        const group = rhks.filter((r) => r.kind === kind);
        return (
          <tbody key={kind}>
            <tr class="group">
              <td colSpan={6}>{kind === 'RHK_KIND_UTAMA' ? t('doc.utama') : t('doc.tambahan')}</td>
            </tr>
            {group.length === 0 && (
              <tr>
                <td colSpan={6} class="muted">—</td>
              </tr>
            )}
            {group.map((r) => {
              n += 1;
              const ikis = r.ikis?.length ? r.ikis : [{}];
              const upper = r.intervensi
                ? intervensiLabel(r.intervensi, options)
                : r.perjanjianKinerja
                  ? t('doc.perjanjian', { text: r.perjanjianKinerja })
                  : '—';
              return ikis.map((iki, j) => (
                <tr key={`${r.id}-${j}`}>
                  {j === 0 && (
                    <>
                      <td class="num" rowSpan={ikis.length}>{n}</td>
                      <td rowSpan={ikis.length}>
                        {upper}
                        {r.perspective && <div class="small">{t('doc.perspective', { p: enumLabel('Perspective', r.perspective) })}</div>}
                      </td>
                      <td rowSpan={ikis.length}>{r.text}</td>
                    </>
                  )}
                  <td>{iki.aspect ? enumLabel('IkiAspect', iki.aspect) : '—'}</td>
                  <td>{iki.text || '—'}</td>
                  <td class="nowrap">{iki.target ? `${iki.target} ${iki.unit || ''}` : '—'}</td>
                </tr>
              ));
            })}
          </tbody>
        );
      })}
    </table>
  );
}

function PerilakuKerja({ skp }) {
  const byValue = Object.fromEntries((skp.expectations ?? []).map((e) => [e.value, e.text]));
  return (
    <table class="doc-table" data-testid="doc-perilaku">
      <thead>
        <tr>
          <th class="num">{t('doc.no')}</th>
          <th>{t('skp.value')}</th>
          <th>{t('skp.guidance')}</th>
          <th>{t('skp.expectation')}</th>
        </tr>
      </thead>
      <tbody>
        {BERAKHLAK.map((v, i) => (
          <tr key={v}>
            <td class="num">{i + 1}</td>
            <td class="nowrap">{enumLabel('Berakhlak', v)}</td>
            <td>{t(`berakhlak.${v}`)}</td>
            <td>{byValue[v] || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SkpPrintPage({ nip, id, back }) {
  const doc = useAsync(() => loadDocument(nip, id), [nip, id]);
  if (doc.loading) return <Loading />;
  if (doc.error) return <Alert kind="error">{messageFor(doc.error)}</Alert>;
  const { skp, options, superior, opd } = doc.data;
  const ev = skp.evaluation ?? {};
  const sup = superior?.employee;
  const evaluatorNip = nipOf(ev.evaluator || '');
  // The evaluator signs an evaluated plan; the superior on the day an unevaluated one.
  const penilai = evaluatorNip && sup?.nip !== evaluatorNip
    ? { name: '', nip: evaluatorNip, position: '' }
    : { name: sup?.fullName ?? '', nip: sup?.nip ?? '', position: sup?.currentAssignment?.positionTitle ?? '' };
  const opdName = opd?.displayName ? `${opd.displayName} (${opd.code})` : opdCode(skp.opd);
  const approved = ['SKP_STATE_APPROVED', 'SKP_STATE_EVALUATED', 'SKP_STATE_FINAL'].includes(skp.state);
  const place = t('doc.placeDate', { date: formatDate(parseIsoDate(todayInJakarta())) });
  return (
    <section class="print-page">
      <div class="no-print title-row">
        <a href={back}>{t('doc.back')}</a>
        <button type="button" class="button primary" onClick={() => window.print()} data-testid="print-button">
          {t('doc.printNow')}
        </button>
      </div>
      <article class="doc" data-testid="skp-document">
        <header class="doc-head">
          <p class="doc-gov">{t('doc.government')}</p>
          <h1 class="doc-title">{t('doc.title')}</h1>
          <p class="doc-sub">{t('doc.approach', { approach: enumLabel('SkpApproach', skp.approach).toUpperCase() })}</p>
          <p class="doc-sub">{t('doc.period', { period: periodOf(skp) })}</p>
          {!approved && <p class="doc-draft" data-testid="doc-draft">{t('doc.notApproved', { state: enumLabel('SkpState', skp.state) })}</p>}
        </header>

        <table class="doc-table identity">
          <thead>
            <tr>
              <th class="num">{t('doc.no')}</th>
              <th colSpan={2}>{t('doc.employee')}</th>
              <th class="num">{t('doc.no')}</th>
              <th colSpan={2}>{t('doc.penilai')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td class="num">1</td><td>{t('doc.name')}</td><td data-testid="doc-employee-name">{skp.employeeName}</td>
              <td class="num">1</td><td>{t('doc.name')}</td><td data-testid="doc-penilai-name">{penilai.name || '—'}</td>
            </tr>
            <tr>
              <td class="num">2</td><td>{t('employee.nip')}</td><td class="mono">{nip}</td>
              <td class="num">2</td><td>{t('employee.nip')}</td><td class="mono">{penilai.nip || '—'}</td>
            </tr>
            <tr>
              <td class="num">3</td><td>{t('employee.position')}</td><td>{skp.positionTitle}</td>
              <td class="num">3</td><td>{t('employee.position')}</td><td>{penilai.position || '—'}</td>
            </tr>
            <tr>
              <td class="num">4</td><td>{t('doc.unit')}</td><td>{opdName}</td>
              <td class="num">4</td><td>{t('doc.unit')}</td><td>{penilai.position ? opdName : '—'}</td>
            </tr>
          </tbody>
        </table>

        <h2 class="doc-section">{t('doc.hasilKerja')}</h2>
        <HasilKerja skp={skp} options={options} />

        <h2 class="doc-section">{t('doc.perilakuKerja')}</h2>
        <PerilakuKerja skp={skp} />

        <h2 class="doc-section">{t('doc.evaluation')}</h2>
        <table class="doc-table evaluation" data-testid="doc-evaluation">
          <tbody>
            <tr>
              <td>{t('skp.hasilKerja')}</td>
              <td>{ev.hasilKerja ? enumLabel('Rating', ev.hasilKerja) : '—'}</td>
            </tr>
            <tr>
              <td>{t('skp.perilakuKerja')}</td>
              <td>{ev.perilakuKerja ? enumLabel('Rating', ev.perilakuKerja) : '—'}</td>
            </tr>
            <tr class="strong">
              <td>{t('doc.predikat')}</td>
              <td data-testid="doc-predikat">{ev.predikat ? enumLabel('Predikat', ev.predikat).toUpperCase() : t('doc.notYetEvaluated')}</td>
            </tr>
          </tbody>
        </table>

        <div class="signatures">
          <Signature role={t('doc.employee')} name={skp.employeeName} nip={nip} />
          <Signature role={t('doc.penilai')} name={penilai.name} nip={penilai.nip} place={place} />
        </div>
        <p class="doc-foot">
          {t('doc.footer', { name: skp.name, revision: skp.revision || 1, state: enumLabel('SkpState', skp.state) })}
        </p>
      </article>
    </section>
  );
}

