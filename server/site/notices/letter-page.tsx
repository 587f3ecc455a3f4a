/** @jsxImportSource hono/jsx */
import type { StatementOfReasons } from '#shared/schemas/notices';
import { stringsFor } from '../i18n';
import { STYLESHEET_URL } from '../static-files';
import { noticeRef } from './notice-parts';

/**
 * A notice as a letter to print, in Russian or Kazakh: letterhead, recipient, legal ground,
 * the resources with their evidence hashes, the deadline, and a signature block left blank.
 */
export function LetterPage(props: {
  lang: 'ru' | 'kk';
  statement: StatementOfReasons;
  /** The sender's letterhead lines, from the configuration; a placeholder when unset. */
  letterhead: string | undefined;
}) {
  const { lang, statement: s } = props;
  const t = stringsFor(lang).notices.letter;
  const ground = s.legalGround;
  const court = ground.courtDecision;
  const day = (s.dates.sentAt ?? s.dates.createdAt).slice(0, 10);
  const deadline = s.dates.deadlineAt;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <title>{t.title(noticeRef(s.noticeId))}</title>
        <link rel="stylesheet" href={STYLESHEET_URL} />
      </head>
      <body class="letter">
        <header class="letterhead">
          {(props.letterhead ?? t.letterhead).split('\n').map((line) => (
            <div>{line}</div>
          ))}
        </header>
        <p class="outgoing">{t.outgoing(noticeRef(s.noticeId), day)}</p>
        <address class="addressee">
          <span>{t.to}:</span> <strong>{s.recipient.name}</strong>
          <br />
          {s.recipient.contact}
        </address>
        <h1>{t.subject}</h1>
        <p>{t.opening}</p>
        <h2>{t.ground}</h2>
        <p class="ground">
          {ground.text[lang]}
          <br />
          <span class="meta">
            {t.act(ground.act.title[lang], ground.act.number, ground.act.date)}
            {ground.provision && `, ${t.provision(ground.provision)}`}
            {court && `; ${t.court(court.number, court.date)}`}
          </span>
        </p>
        <h2>{t.explanation}</h2>
        <p class="prewrap">{s.explanation}</p>
        <p>{t.scope}</p>
        <h2>{t.urls}</h2>
        <table class="letter-urls">
          <thead>
            <tr>
              <th scope="col">№</th>
              <th scope="col">
                {t.url} / {t.pageTitle}
              </th>
              <th scope="col">{t.hashes}</th>
            </tr>
          </thead>
          <tbody>
            {s.urls.map((u, i) => (
              <tr>
                <td>{i + 1}</td>
                <td>
                  <span class="url">{u.url}</span>
                  <br />
                  {u.title}
                </td>
                <td class="hash">
                  {u.evidenceSha256.length === 0 && t.noEvidence}
                  {u.evidenceSha256.map((h) => (
                    <div>
                      <code>{h}</code>
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="request">
          {t.request}{' '}
          {deadline
            ? t.deadline(`${deadline.slice(0, 10)} ${deadline.slice(11, 16)}`)
            : t.noDeadline}
        </p>
        <footer class="signature">
          <div>
            <span>{t.position}</span>
          </div>
          <div>
            <span>{t.signature}</span>
          </div>
          <div>
            <span>{t.name}</span>
          </div>
        </footer>
      </body>
    </html>
  );
}
