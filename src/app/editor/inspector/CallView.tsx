import type { LMCallRecord } from '../../../core/adapters/types';

/** One LM call exactly as sent and received. Everything is rendered as text, never as HTML. */
export function CallView({ call, index }: { call: LMCallRecord; index: number }) {
  return (
    <details className="call" open={index === 0}>
      <summary>
        Call {index + 1} · {call.adapter} adapter · {call.usage.totalTokens} tokens{call.cached ? ' · cached' : ''}{call.error ? ' · failed' : ''}
      </summary>
      <section aria-label={`Messages of call ${index + 1}`}>
        {call.messages.map((m, i) => (
          <div className="message" key={i}>
            <div className="message-role">{m.role}</div>
            <pre>{typeof m.content === 'string' ? m.content : JSON.stringify(m.content, null, 2)}</pre>
          </div>
        ))}
      </section>
      <section className="message raw-reply" aria-label={`Raw reply of call ${index + 1}`}>
        <div className="message-role">raw reply</div>
        <pre>{call.raw ?? '(no reply)'}</pre>
      </section>
      {call.error && <p className="error">{call.error}</p>}
    </details>
  );
}
