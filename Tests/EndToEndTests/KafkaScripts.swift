/// Python run against Tansu by the Kafka end-to-end tests (kafka-python and confluent-kafka from
/// `.venv-interop`). `BOOTSTRAP` is defined before the prelude.
enum KafkaScripts {
  static let prelude = """
    import json, sys, time

    def create_topics(names, partitions):
        from kafka.admin import KafkaAdminClient, NewTopic
        admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
        admin.create_topics([NewTopic(n, partitions, 1) for n in names])
        admin.close()

    CLIENTS = [(client, codec) for client in ("kafka-python", "confluent-kafka")
               for codec in ("none", "gzip", "snappy", "lz4", "zstd")]

    def produce(topic, values, client, codec, key_field):
        # Sends JSON values (dicts) keyed by value[key_field]; headers name client and codec.
        headers = [("producer", client.encode()), ("codec", codec.encode())]
        if client == "kafka-python":
            from kafka import KafkaProducer
            p = KafkaProducer(bootstrap_servers=BOOTSTRAP, linger_ms=5, batch_size=16384,
                              compression_type=None if codec == "none" else codec)
            for v in values:
                p.send(topic, key=str(v.get(key_field)).encode(), value=json.dumps(v).encode(), headers=headers)
            p.flush()
            p.close()
        else:
            from confluent_kafka import Producer
            p = Producer({"bootstrap.servers": BOOTSTRAP, "compression.type": codec, "linger.ms": 5,
                          "batch.num.messages": 40, "enable.idempotence": codec == "zstd"})
            errors = []
            def report(err, msg):
                if err is not None:
                    errors.append(str(err))
            for v in values:
                p.produce(topic, key=str(v.get(key_field)).encode(), value=json.dumps(v).encode(),
                          headers=headers, on_delivery=report)
                p.poll(0)
            p.flush(30)
            if errors:
                raise RuntimeError("confluent-kafka delivery failed: " + errors[0])

    def produce_with_every_client(topic, values, key_field):
        # Splits values into one slice per (client, codec) and produces each slice.
        n = len(CLIENTS)
        for i, (client, codec) in enumerate(CLIENTS):
            produce(topic, values[i::n], client, codec, key_field)

    def read_lines(path):
        with open(path) as f:
            return [json.loads(line) for line in f if line.strip()]

    def group_offsets(group):
        from kafka.admin import KafkaAdminClient
        admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
        listed = admin.list_group_offsets(group)
        listed = listed.get(group, listed)  # kafka-python 3 answers {group: {tp: meta}}
        out = {}
        for tp, meta in listed.items():
            out.setdefault(tp.topic, {})[str(tp.partition)] = meta.offset
        admin.close()
        return out

    def compare_table(table, raw_file, raw_key, table_key):
        # Multisets of keys: produced values vs rows in the Delta table (delta-rs).
        from collections import Counter
        from deltalake import DeltaTable
        def norm(v):
            try:
                return str(int(v))
            except (TypeError, ValueError):
                return str(v)
        produced = Counter(norm(v.get(raw_key)) for v in read_lines(raw_file))
        dt = DeltaTable(table)
        landed = Counter(norm(v) for v in dt.to_pyarrow_table().column(table_key).to_pylist())
        return {"produced": sum(produced.values()), "rows": sum(landed.values()),
                "missing": sum((produced - landed).values()), "extra": sum((landed - produced).values()),
                "version": dt.version()}

    """
}
