// A real SMTP server for the end-to-end suite: accepts every message on ARSHJUL_SMTP_SINK_PORT,
// parses it, and lists what it received as JSON on ARSHJUL_SMTP_SINK_HTTP_PORT (GET /messages),
// so tests read exactly what members would have got.
import http from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const smtpPort = Number(process.env.ARSHJUL_SMTP_SINK_PORT ?? 2525);
const httpPort = Number(process.env.ARSHJUL_SMTP_SINK_HTTP_PORT ?? 2526);
const received = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom && session.envelope.mailFrom.address,
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          attachments: (mail.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content.toString('utf8'),
          })),
        });
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(smtpPort, '127.0.0.1');

http
  .createServer((req, res) => {
    if (req.url === '/messages') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(received));
    } else {
      res.writeHead(404).end();
    }
  })
  .listen(httpPort, '127.0.0.1');
