// A client that is not ours (Node's `ws`, Debian's node-ws) sends messages over the server's
// limits while it is still sending them, and must learn why it was closed: the close code
// from sync/PROTOCOL.md ("Limits"), never 1006 (the connection just dropped).
// Run as: node oversize_close.js path/to/stockline-server
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const WebSocket = require('ws');

const MiB = 1024 * 1024;

function startServer(binary) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-oversize-'));
  const server = spawn(binary, ['serve', '--db', `sqlite:${folder}/server.db`,
                                '--listen', '127.0.0.1:0']);
  return new Promise((resolve, reject) => {
    let said = '';
    const listen = (chunk) => {
      said += chunk;
      const listening = said.match(/listening on (ws:\/\/127\.0\.0\.1:\d+)\//);
      if (listening)
        resolve({ server, url: listening[1] });
    };
    server.stdout.on('data', listen);
    server.stderr.on('data', listen);
    server.on('exit', (code) => reject(new Error(`server exited (${code}): ${said}`)));
  });
}

// Sends `frames` frames of `frameBytes` each as one message; resolves with the close code.
function sendAndClose(url, frameBytes, frames, binary) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('open', () => {
      const chunk = binary ? Buffer.alloc(frameBytes, 0x78) : 'x'.repeat(frameBytes);
      for (let i = 0; i < frames; ++i)
        ws.send(chunk, { fin: i === frames - 1, binary });
    });
    ws.on('error', () => {});
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    // unref: a pending guard must not keep node running once every case is done.
    setTimeout(() => { ws.terminate(); resolve({ code: 'none in 20 s', reason: '' }); }, 20000).unref();
  });
}

// The server's answer to one small message.
function answerTo(url, text) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('open', () => ws.send(text));
    ws.on('message', (data) => { resolve(JSON.parse(data.toString())); ws.close(); });
    ws.on('error', (e) => resolve({ error: e.message }));
    setTimeout(() => { ws.terminate(); resolve({ error: 'no answer in 5 s' }); }, 5000).unref();
  });
}

const cases = [
  { name: '64 MiB text message in one frame', frameBytes: 64 * MiB, frames: 1, binary: false, code: 1009 },
  { name: '64 MiB binary message in one frame', frameBytes: 64 * MiB, frames: 1, binary: true, code: 1009 },
  { name: '64 MiB text message in 1 MiB frames', frameBytes: MiB, frames: 64, binary: false, code: 4413 },
  { name: '6 MiB text message in one frame', frameBytes: 6 * MiB, frames: 1, binary: false, code: 4413 },
];

async function main() {
  const { server, url } = await startServer(process.argv[2]);
  let failed = 0;
  try {
    for (const c of cases) {
      const { code, reason } = await sendAndClose(url, c.frameBytes, c.frames, c.binary);
      const ok = code === c.code;
      failed += ok ? 0 : 1;
      console.log(`${ok ? 'PASS' : 'FAIL'}: ${c.name}: closed ${code} "${reason}"` +
                  (ok ? '' : `, expected ${c.code}`));
    }
    // The server still serves after all of it.
    const answer = await answerTo(url, 'not json');
    const ok = answer.type === 'error';
    failed += ok ? 0 : 1;
    console.log(`${ok ? 'PASS' : 'FAIL'}: a small bad message afterwards is answered: ` +
                JSON.stringify(answer));
  } finally {
    server.kill('SIGTERM');
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
