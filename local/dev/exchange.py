"""`numeriqc exchange verify PROOF --public-key KEY.pem`: verify a range of a dataset's exchange log
offline, with nothing but the proof (GET /v1/exchange/datasets/{id}/log/proof) and the signing
public key (GET /v1/exchange/log/public-key, obtained and trusted apart from the proof).

The same code as the API's verification (numeriqc.exchange.log_audit.check_proof) runs here, on
the auditor's machine, without AWS: the chain, the Merkle path of each signed head, the signature.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    parser = commands.add(
        "exchange verify", run_verify, help="verify an exchange log proof offline with the public key"
    )
    parser.add_argument("proof", help="the proof document (JSON), or - for stdin")
    parser.add_argument("--public-key", required=True, help="the log's signing public key (PEM file)")


def run_verify(args: argparse.Namespace) -> int:
    from numeriqc.exchange.log_audit import check_proof
    from numeriqc.exchange.signatures import PublicKeyCheck

    text = sys.stdin.read() if args.proof == "-" else Path(args.proof).read_text(encoding="utf-8")
    report = check_proof(json.loads(text), PublicKeyCheck.from_pem(Path(args.public_key).read_bytes()))
    print(
        json.dumps(
            {
                "dataset_id": report.dataset_id,
                "first": report.first,
                "last": report.last,
                "valid": report.valid,
                "checked": report.checked,
                "signed_through": report.signed_through,
                "batches": report.batches,
                "failures": report.failures,
            },
            indent=2,
        )
    )
    return 0 if report.valid else 1
