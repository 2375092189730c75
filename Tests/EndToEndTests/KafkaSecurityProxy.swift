import Foundation
import XCTest

/// A TLS and SASL front for Tansu (whose own TLS and SASL do not work with kafka-python): a Python
/// asyncio proxy that terminates TLS with Python's `ssl` (OpenSSL) and a certificate made by the
/// `openssl` command, answers SaslHandshake/SaslAuthenticate itself (PLAIN, SCRAM-SHA-256/512
/// with hashlib's PBKDF2, user `alice`), refuses other requests before authentication, and
/// forwards every other byte to the broker. Tansu advertises the proxy's port, so kafka-python
/// (an independent TLS/SCRAM client) and Sluice both reach the broker only through it.
final class KafkaSecurityProxy {
  let port: Int
  let process: Process
  let directory: URL
  var caFile: String { directory.appendingPathComponent("cert.pem").path }

  static let user = "alice"
  static let password = "s3cret-pw"

  /// `tls`: terminate TLS; `mechanisms`: SASL mechanisms to require (empty = no SASL).
  init(
    port: Int, upstream: Int, tls: Bool, mechanisms: [String], file: StaticString = #filePath,
    line: UInt = #line
  )
    throws
  {
    self.port = port
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kafka-proxy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    if tls {
      let openssl = Process()
      openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      openssl.arguments = [
        "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
        "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
      ]
      openssl.currentDirectoryURL = directory
      openssl.standardOutput = FileHandle.nullDevice
      openssl.standardError = FileHandle.nullDevice
      try openssl.run()
      openssl.waitUntilExit()
      XCTAssertEqual(
        openssl.terminationStatus, 0, "openssl could not make a test certificate", file: file, line: line)
    }
    guard let python = InteropPython.interpreter else {
      XCTFail("no interop Python: run scripts/test.sh", file: file, line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [
      "-c", Self.script, String(port), String(upstream), tls ? "tls" : "plain",
      mechanisms.joined(separator: ","),
      Self.user, Self.password,
    ]
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(10)
    while !TansuBroker.accepts(port: port) {
      guard Date() < deadline, process.isRunning else {
        stop()
        XCTFail("the TLS/SASL proxy did not start", file: file, line: line)
        throw CocoaError(.executableLoad)
      }
      usleep(20_000)
    }
  }

  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: directory)
  }

  static let script = #"""
    import asyncio, base64, hashlib, hmac, os, ssl, struct, sys
    port, upstream, mode, mechs, USER, PASSWORD = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
    MECHS = [m for m in mechs.split(",") if m]
    SALT, ITER = b"kafka-proxy-salt", 4096

    def uvarint(data, i):
        shift = value = 0
        while True:
            b = data[i]; i += 1
            value |= (b & 0x7F) << shift; shift += 7
            if not b & 0x80:
                return value, i

    def enc_uvarint(n):
        out = bytearray()
        while True:
            b = n & 0x7F; n >>= 7
            if n: out.append(b | 0x80)
            else:
                out.append(b); return bytes(out)

    def frame(corr, body, flexible_header):
        head = struct.pack(">i", corr) + (b"\x00" if flexible_header else b"")
        return struct.pack(">i", len(head) + len(body)) + head + body

    class Scram:
        def __init__(self, name):
            self.h = "sha256" if name == "SCRAM-SHA-256" else "sha512"
        def first(self, msg):
            bare = msg.split(",", 2)[2]
            attrs = dict(p.split("=", 1) for p in bare.split(","))
            self.user_ok = attrs.get("n") == USER
            self.nonce = attrs["r"] + base64.b64encode(os.urandom(12)).decode()
            self.server_first = "r=%s,s=%s,i=%d" % (self.nonce, base64.b64encode(SALT).decode(), ITER)
            self.bare = bare
            return self.server_first
        def final(self, msg):
            without, proof = msg.rsplit(",p=", 1)
            attrs = dict(p.split("=", 1) for p in without.split(","))
            if not self.user_ok or attrs.get("r") != self.nonce:
                return None
            am = (self.bare + "," + self.server_first + "," + without).encode()
            salted = hashlib.pbkdf2_hmac(self.h, PASSWORD.encode(), SALT, ITER)
            ck = hmac.new(salted, b"Client Key", self.h).digest()
            sig = hmac.new(hashlib.new(self.h, ck).digest(), am, self.h).digest()
            if bytes(a ^ b for a, b in zip(ck, sig)) != base64.b64decode(proof):
                return None
            sk = hmac.new(salted, b"Server Key", self.h).digest()
            return "v=" + base64.b64encode(hmac.new(sk, am, self.h).digest()).decode()

    async def handle(reader, writer):
        up_r, up_w = await asyncio.open_connection("127.0.0.1", upstream)
        authenticated = not MECHS
        mechanism, scram, step = None, None, 0
        async def pump():
            try:
                while True:
                    data = await up_r.read(65536)
                    if not data: break
                    writer.write(data); await writer.drain()
            finally:
                writer.close()
        task = asyncio.create_task(pump())
        try:
            while True:
                size = struct.unpack(">i", await reader.readexactly(4))[0]
                body = await reader.readexactly(size)
                key, version, corr = struct.unpack(">hhi", body[:8])
                if key == 17:  # SaslHandshake v0/v1
                    n = struct.unpack(">h", body[8:10])[0]; i = 10 + max(n, 0)
                    m = struct.unpack(">h", body[i:i + 2])[0]; mechanism = body[i + 2:i + 2 + m].decode()
                    err = 0 if mechanism in MECHS else 33
                    out = struct.pack(">hi", err, len(MECHS)) + b"".join(struct.pack(">h", len(x)) + x.encode() for x in MECHS)
                    writer.write(frame(corr, out, False)); await writer.drain()
                    scram = Scram(mechanism) if mechanism.startswith("SCRAM") else None
                    continue
                if key == 36:  # SaslAuthenticate v0-2
                    flexible = version >= 2
                    n = struct.unpack(">h", body[8:10])[0]; i = 10 + max(n, 0)
                    if flexible:
                        _, i = uvarint(body, i)
                        ln, i = uvarint(body, i); auth = body[i:i + ln - 1]
                    else:
                        ln = struct.unpack(">i", body[i:i + 4])[0]; auth = body[i + 4:i + 4 + ln]
                    reply, err = b"", 0
                    if mechanism == "PLAIN":
                        parts = auth.split(b"\x00")
                        ok = len(parts) == 3 and parts[1].decode() == USER and parts[2].decode() == PASSWORD
                        err = 0 if ok else 58; authenticated = ok
                    elif scram and step == 0:
                        reply = scram.first(auth.decode()).encode(); step = 1
                    elif scram and step == 1:
                        final = scram.final(auth.decode())
                        if final is None: err = 58
                        else: reply = final.encode(); authenticated = True
                    else:
                        err = 34
                    message = b"Authentication failed: Invalid username or password" if err else None
                    if flexible:
                        out = struct.pack(">h", err)
                        out += (enc_uvarint(len(message) + 1) + message) if message else b"\x00"
                        out += enc_uvarint(len(reply) + 1) + reply + struct.pack(">q", 0) + b"\x00"
                    else:
                        out = struct.pack(">h", err)
                        out += (struct.pack(">h", len(message)) + message) if message else struct.pack(">h", -1)
                        out += struct.pack(">i", len(reply)) + reply
                        if version >= 1: out += struct.pack(">q", 0)
                    writer.write(frame(corr, out, flexible)); await writer.drain()
                    if err: break
                    continue
                if not authenticated and key != 18:
                    break  # like Kafka: nothing but ApiVersions and SASL before authentication
                up_w.write(struct.pack(">i", size) + body); await up_w.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            up_w.close(); writer.close(); task.cancel()

    async def main():
        context = None
        if mode == "tls":
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain("cert.pem", "key.pem")
        server = await asyncio.start_server(handle, "127.0.0.1", port, ssl=context)
        async with server:
            await server.serve_forever()

    asyncio.run(main())
    """#
}
