// A mail catcher for tests: an SMTP server on port 1025 that keeps every message in memory, and an
// HTTP server on port 8025 with the part of Mailpit's API that the ops test reads. STARTTLS is
// offered when MP_SMTP_TLS_CERT and MP_SMTP_TLS_KEY name PEM files, as with Mailpit. It uses only
// Node built-ins, so the image needs nothing but Debian's nodejs.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import tls from "node:tls";

const SMTP_PORT = 1025;
const HTTP_PORT = 8025;
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const MAX_STORED_MESSAGES = 500;
const HOSTNAME = "mail";

const messages = [];
const secureContext = loadSecureContext();

function loadSecureContext() {
  const certFile = process.env.MP_SMTP_TLS_CERT;
  const keyFile = process.env.MP_SMTP_TLS_KEY;
  if (!certFile || !keyFile) return null;
  return tls.createSecureContext({ cert: readFileSync(certFile), key: readFileSync(keyFile) });
}

function log(message, fields = {}) {
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), msg: message, ...fields })}\n`,
  );
}

// One SMTP conversation (RFC 5321, without AUTH and without pipelining).
function handleSmtpConnection(rawSocket) {
  let socket = rawSocket;
  let buffer = "";
  let envelope = { from: null, to: [] };
  let data = null;
  let dataBytes = 0;

  function reply(line) {
    socket.write(`${line}\r\n`);
  }

  function onData(chunk) {
    buffer += chunk.toString("latin1");
    let end;
    while ((end = buffer.indexOf("\r\n")) !== -1) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (data !== null) receiveDataLine(line);
      else if (runCommand(line) === "starttls") return;
    }
  }

  function receiveDataLine(line) {
    if (line === ".") {
      const tooLarge = dataBytes > MAX_MESSAGE_BYTES;
      const raw = Buffer.from(data.join("\r\n"), "latin1");
      data = null;
      dataBytes = 0;
      if (tooLarge) {
        reply(`552 Message exceeds ${MAX_MESSAGE_BYTES} bytes`);
        return;
      }
      const id = storeMessage(envelope, raw);
      envelope = { from: null, to: [] };
      reply(`250 OK: queued as ${id}`);
      return;
    }
    dataBytes += line.length + 2;
    if (dataBytes <= MAX_MESSAGE_BYTES) data.push(line.startsWith(".") ? line.slice(1) : line);
  }

  function runCommand(line) {
    const verb = line.slice(0, 4).toUpperCase();
    const argument = line.slice(4).trim();
    if (line.toUpperCase() === "STARTTLS") return startTls();
    switch (verb) {
      case "EHLO": {
        const extensions = [`SIZE ${MAX_MESSAGE_BYTES}`, "8BITMIME", "SMTPUTF8"];
        if (secureContext && !socket.encrypted) extensions.push("STARTTLS");
        reply(`250-${HOSTNAME} greets ${argument || "client"}`);
        extensions.forEach((extension, index) =>
          reply(`250${index === extensions.length - 1 ? " " : "-"}${extension}`),
        );
        return "ok";
      }
      case "HELO":
        reply(`250 ${HOSTNAME}`);
        return "ok";
      case "MAIL":
        envelope = { from: addressIn(argument), to: [] };
        reply("250 OK");
        return "ok";
      case "RCPT":
        if (envelope.from === null) {
          reply("503 Send MAIL FROM first");
          return "ok";
        }
        envelope.to.push(addressIn(argument));
        reply("250 OK");
        return "ok";
      case "DATA":
        if (envelope.to.length === 0) {
          reply("503 Send RCPT TO first");
          return "ok";
        }
        data = [];
        reply("354 End data with <CR><LF>.<CR><LF>");
        return "ok";
      case "RSET":
        envelope = { from: null, to: [] };
        reply("250 OK");
        return "ok";
      case "NOOP":
        reply("250 OK");
        return "ok";
      case "QUIT":
        reply("221 Bye");
        socket.end();
        return "ok";
      default:
        reply("502 Command not implemented");
        return "ok";
    }
  }

  function startTls() {
    if (!secureContext || socket.encrypted) {
      reply("502 STARTTLS not available");
      return "ok";
    }
    reply("220 Ready to start TLS");
    rawSocket.removeListener("data", onData);
    buffer = "";
    envelope = { from: null, to: [] };
    socket = new tls.TLSSocket(rawSocket, { isServer: true, secureContext });
    socket.on("data", onData);
    socket.on("error", (error) => log("TLS error", { error: error.message }));
    return "starttls";
  }

  rawSocket.on("data", onData);
  rawSocket.on("error", (error) => log("SMTP connection error", { error: error.message }));
  reply(`220 ${HOSTNAME} ESMTP test mail catcher`);
}

function addressIn(argument) {
  const match = /<([^>]*)>/.exec(argument);
  return match ? match[1] : argument.replace(/^(FROM|TO):/i, "").trim();
}

function storeMessage(envelope, raw) {
  const parsed = parseMessage(raw.toString("latin1"));
  const message = {
    ID: randomUUID(),
    From: { Name: "", Address: envelope.from ?? "" },
    To: envelope.to.map((address) => ({ Name: "", Address: address })),
    Subject: parsed.subject,
    Created: new Date().toISOString(),
    Size: raw.length,
    Text: parsed.text,
    HTML: parsed.html,
  };
  messages.unshift(message);
  messages.splice(MAX_STORED_MESSAGES);
  log("message received", { id: message.ID, recipients: envelope.to.length, size: raw.length });
  return message.ID;
}

// Enough MIME (RFC 2045/2046) for what nodemailer sends: one level of multipart, with quoted-printable,
// base64 or plain parts in UTF-8.
function parseMessage(source) {
  const { headers, body } = splitHeaders(source);
  const result = { subject: decodeEncodedWords(headers.get("subject") ?? ""), text: "", html: "" };
  collectParts(headers, body, result);
  return result;
}

function collectParts(headers, body, result) {
  const contentType = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.toLowerCase().startsWith("multipart/") && boundary) {
    const sections = body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith("--")) break;
      const part = splitHeaders(section.replace(/^\r\n/, ""));
      collectParts(part.headers, part.body, result);
    }
    return;
  }
  const decoded = decodeBody(body, headers.get("content-transfer-encoding") ?? "7bit");
  if (contentType.toLowerCase().startsWith("text/html")) result.html ||= decoded;
  else if (contentType.toLowerCase().startsWith("text/plain")) result.text ||= decoded;
}

function splitHeaders(source) {
  const end = source.indexOf("\r\n\r\n");
  const headerText = end === -1 ? source : source.slice(0, end);
  const body = end === -1 ? "" : source.slice(end + 4);
  const headers = new Map();
  for (const line of headerText.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body, encoding) {
  const bytes = (() => {
    switch (encoding.toLowerCase()) {
      case "base64":
        return Buffer.from(body.replace(/\s+/g, ""), "base64");
      case "quoted-printable":
        return decodeQuotedPrintable(body);
      default:
        return Buffer.from(body, "latin1");
    }
  })();
  return bytes.toString("utf8").replace(/\r\n/g, "\n").trimEnd();
}

function decodeQuotedPrintable(text) {
  const joined = text.replace(/=\r\n/g, "");
  const bytes = [];
  for (let index = 0; index < joined.length; index += 1) {
    const hex = joined.slice(index + 1, index + 3);
    if (joined[index] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(joined.charCodeAt(index) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeEncodedWords(text) {
  return text.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, _charset, kind, payload) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(payload, "base64").toString("utf8")
      : decodeQuotedPrintable(payload.replace(/_/g, " ")).toString("utf8"),
  );
}

function handleHttpRequest(request, response) {
  const url = new URL(request.url ?? "/", "http://localhost");
  const send = (status, body) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };

  if (request.method === "GET" && url.pathname === "/readyz") return send(200, { status: "ok" });
  if (request.method === "GET" && url.pathname === "/api/v1/messages") {
    const summaries = messages.map(({ Text: _text, HTML: _html, ...summary }) => summary);
    return send(200, { total: messages.length, count: messages.length, messages: summaries });
  }
  if (request.method === "DELETE" && url.pathname === "/api/v1/messages") {
    messages.length = 0;
    return send(200, { status: "ok" });
  }
  const single = /^\/api\/v1\/message\/([0-9a-f-]+)$/.exec(url.pathname);
  if (request.method === "GET" && single) {
    const message = messages.find((candidate) => candidate.ID === single[1]);
    return message ? send(200, message) : send(404, { error: "message not found" });
  }
  return send(404, { error: "not found" });
}

net.createServer(handleSmtpConnection).listen(SMTP_PORT, "0.0.0.0");
http.createServer(handleHttpRequest).listen(HTTP_PORT, "0.0.0.0");
log("mail catcher started", {
  smtpPort: SMTP_PORT,
  httpPort: HTTP_PORT,
  starttls: secureContext !== null,
});
