# Conveniences over the two README commands.
.PHONY: demo test bench format
demo:
	./scripts/demo.sh
test:
	./scripts/test.sh
bench:
	./scripts/bench.sh
format:
	swift format -i -r Sources Tests Package.swift
