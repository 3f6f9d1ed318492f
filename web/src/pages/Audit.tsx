// The auditor's view: the full history of a movement or guarantee with who acted (user and organisation),
// the transaction and the block; and the verification of a block range, in chunks with progress, with a
// clear pass/fail per block.
import { useEffect, useState } from 'react';
import { useApp, type FeedEvent } from '../app-context';
import { ErrorBox, FieldMessage, StatusBadge, When } from '../components/ui';
import type { FieldError } from '../lib/actions';
import { isValidGrn, isValidMrn } from '../../../chaincode/src/domain/identifiers';

interface HistoryEntry {
  actor?: { mspId?: string; user?: string };
  office?: string;
  status?: string;
  timestamp?: string;
  txId?: string;
  isDelete?: boolean;
}
interface BlockResult {
  number: string;
  dataHashValid: boolean;
  linkValid: boolean | null;
  valid: boolean;
  transactions: { txId: string; creatorMspId?: string; creatorSignatureValid: boolean | null; validationCode: number; endorsements: { mspId: string; valid: boolean }[] }[];
}

const CHUNK = 50;

export function Audit() {
  const { t, api } = useApp();
  const initial = new URLSearchParams(window.location.search).get('subject') ?? '';
  const [subject, setSubject] = useState(initial);
  const [subjectErr, setSubjectErr] = useState<FieldError | undefined>();
  const [hist, setHist] = useState<{ history: HistoryEntry[]; events: FeedEvent[]; kind: 'mrn' | 'grn'; id: string } | null>(null);
  const [histErr, setHistErr] = useState<unknown>(null);
  const [height, setHeight] = useState<bigint | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rangeErr, setRangeErr] = useState<FieldError | undefined>();
  const [blocks, setBlocks] = useState<BlockResult[] | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [verifyErr, setVerifyErr] = useState<unknown>(null);

  useEffect(() => {
    fetch('/health')
      .then((r) => r.json())
      .then((h: { index?: { ledgerHeight?: string | null } }) => {
        if (h.index?.ledgerHeight) {
          const hh = BigInt(h.index.ledgerHeight);
          setHeight(hh);
          setTo(String(hh - 1n));
          setFrom(String(hh - 1n > 19n ? hh - 20n : 0n));
        }
      })
      .catch(() => undefined);
    if (initial) void show(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const show = async (raw: string) => {
    const s = raw.trim().toUpperCase();
    const kind = isValidMrn(s) ? 'mrn' : isValidGrn(s) ? 'grn' : null;
    setSubjectErr(kind ? undefined : { key: 'v.mrn' });
    if (!kind) return;
    setHistErr(null);
    setHist(null);
    try {
      if (kind === 'mrn') {
        const r = await api.get<{ history: HistoryEntry[]; events: FeedEvent[] }>(`/audit/movements/${s}`);
        setHist({ ...r, kind, id: s });
      } else {
        const r = await api.get<{ events: FeedEvent[] }>(`/audit/guarantees/${s}`);
        setHist({ history: r.events.map((e) => ({ actor: e.payload.actor as HistoryEntry['actor'], status: String(e.payload.status ?? e.name), timestamp: String(e.payload.timestamp ?? ''), txId: e.transactionId, office: e.payload.office as string | undefined })), events: r.events, kind, id: s });
      }
    } catch (e) {
      setHistErr(e);
    }
  };

  const verify = async (e: React.FormEvent) => {
    e.preventDefault();
    let [fromText, toText] = [from, to];
    if (!fromText && !toText) {
      // nothing typed yet: the last 20 blocks of the ledger as it is now
      const h = await fetch('/health').then((r) => r.json() as Promise<{ index?: { ledgerHeight?: string | null } }>).catch(() => null);
      if (h?.index?.ledgerHeight) {
        const hh = BigInt(h.index.ledgerHeight);
        [fromText, toText] = [String(hh - 1n > 19n ? hh - 20n : 0n), String(hh - 1n)];
        setFrom(fromText);
        setTo(toText);
        setHeight(hh);
      }
    }
    const ok = /^\d{1,12}$/.test(fromText) && /^\d{1,12}$/.test(toText);
    const f = ok ? BigInt(fromText) : 0n;
    const tt = ok ? BigInt(toText) : 0n;
    if (!ok) return setRangeErr({ key: 'v.blockNumber' });
    if (f > tt || tt - f >= 1000n) return setRangeErr({ key: 'v.blockRange' });
    setRangeErr(undefined);
    setVerifyErr(null);
    setBlocks([]);
    const out: BlockResult[] = [];
    try {
      for (let a = f; a <= tt; a += BigInt(CHUNK)) {
        const b = a + BigInt(CHUNK - 1) < tt ? a + BigInt(CHUNK - 1) : tt;
        setVerifying(t('audit.verifying', { from: String(a), to: String(b) }));
        const r = await api.get<{ blocks: BlockResult[] }>(`/audit/blocks?from=${a}&to=${b}`);
        out.push(...r.blocks);
        setBlocks([...out]);
      }
    } catch (err) {
      setVerifyErr(err);
    } finally {
      setVerifying(null);
    }
  };

  const blockOf = new Map((hist?.events ?? []).map((e) => [e.transactionId, e.blockNumber]));
  const failed = (blocks ?? []).filter((b) => !b.valid);
  const sigOk = (b: BlockResult) => b.transactions.every((x) => x.creatorSignatureValid !== false && x.endorsements.every((en) => en.valid));

  return (
    <section aria-labelledby="au-h">
      <h1 id="au-h">{t('audit.title')}</h1>
      <form
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void show(subject);
        }}
      >
        <h2>{t('audit.history')}</h2>
        <div className="toolbar">
          <div className="field inline">
            <label htmlFor="au-subject">{t('audit.subject')}</label>
            <input id="au-subject" className="mono" value={subject} onChange={(e) => setSubject(e.target.value)} aria-invalid={!!subjectErr || undefined} aria-describedby={subjectErr ? 'au-subject-err' : undefined} />
            <FieldMessage id="au-subject-err" error={subjectErr} />
          </div>
          <button type="submit">{t('audit.show')}</button>
        </div>
        <ErrorBox error={histErr} />
        {hist && (
          <div className="table-wrap">
            <table data-testid="audit-history">
              <caption>{hist.id}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.at')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('common.office')}</th>
                  <th scope="col">{t('common.who')}</th>
                  <th scope="col">{t('common.tx')}</th>
                  <th scope="col">{t('common.block')}</th>
                </tr>
              </thead>
              <tbody>
                {hist.history.map((h, i) => (
                  <tr key={`${h.txId}-${i}`}>
                    <td>
                      <When at={h.timestamp} office={h.office ?? hist.id.slice(2, 4)} seconds />
                    </td>
                    <td>{h.status && /^[A-Z_]+$/.test(h.status) ? <StatusBadge status={h.status} /> : h.status}</td>
                    <td className="mono">{h.office}</td>
                    <td>
                      {h.actor?.user} <span className="muted">({h.actor?.mspId})</span>
                    </td>
                    <td className="mono small" title={h.txId}>
                      {h.txId}
                    </td>
                    <td className="mono">{h.txId ? blockOf.get(h.txId) ?? '' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </form>

      <form className="card" noValidate onSubmit={verify} aria-labelledby="vb-h">
        <h2 id="vb-h">{t('audit.blocks')}</h2>
        {height !== null && <p className="muted">{t('audit.height', { h: String(height) })}</p>}
        <div className="toolbar">
          <div className="field inline">
            <label htmlFor="vb-from">{t('audit.from')}</label>
            <input id="vb-from" inputMode="numeric" value={from} onChange={(e) => setFrom(e.target.value.trim())} aria-invalid={!!rangeErr || undefined} aria-describedby={rangeErr ? 'vb-err' : undefined} />
          </div>
          <div className="field inline">
            <label htmlFor="vb-to">{t('audit.to')}</label>
            <input id="vb-to" inputMode="numeric" value={to} onChange={(e) => setTo(e.target.value.trim())} aria-invalid={!!rangeErr || undefined} aria-describedby={rangeErr ? 'vb-err' : undefined} />
          </div>
          <button type="submit" disabled={!!verifying} data-testid="verify">
            {t('audit.verify')}
          </button>
        </div>
        <FieldMessage id="vb-err" error={rangeErr} />
        {verifying && (
          <p role="status" className="progress">
            <span className="spinner" aria-hidden="true" /> {verifying}
          </p>
        )}
        <ErrorBox error={verifyErr} />
        {blocks && !verifying && blocks.length > 0 && (
          <p className={failed.length ? 'error-box' : 'success'} role="status" data-testid="verify-summary">
            {failed.length ? t('audit.someFail', { n: failed.length }) : t('audit.allPass', { n: blocks.length })}
          </p>
        )}
        {blocks && blocks.length > 0 && (
          <div className="table-wrap">
            <table data-testid="blocks">
              <thead>
                <tr>
                  <th scope="col">{t('common.block')}</th>
                  <th scope="col">{t('audit.dataHash')}</th>
                  <th scope="col">{t('audit.link')}</th>
                  <th scope="col">{t('audit.signatures')}</th>
                  <th scope="col">{t('audit.txs')}</th>
                  <th scope="col">{t('common.status')}</th>
                </tr>
              </thead>
              <tbody>
                {blocks.map((b) => (
                  <tr key={b.number} data-block={b.number} className={b.valid ? undefined : 'row-fail'}>
                    <td className="mono">{b.number}</td>
                    <td>{b.dataHashValid ? '✓' : '✗'}</td>
                    <td>{b.linkValid === null ? '—' : b.linkValid ? '✓' : '✗'}</td>
                    <td>{sigOk(b) ? '✓' : '✗'}</td>
                    <td>{b.transactions.length}</td>
                    <td>
                      <strong className={b.valid ? 'pass' : 'fail'}>{b.valid ? t('audit.pass') : t('audit.fail')}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </form>
    </section>
  );
}
