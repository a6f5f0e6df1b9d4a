"""Consultations' analysis function keeps its vote matrix files in the service's bucket: exactly the
object actions it uses, under analysis/ only (never the exports), and the bucket named to it."""

from typing import Any

from infra_cfn import props
from test_infra_functions import environment, grants


def test_the_analysis_function_reads_and_writes_matrix_files_under_analysis_only(
    template: dict[str, Any],
) -> None:
    granted = grants(template, "ConsultationsAnalysis")
    s3 = {action: arns for action, arns in granted.items() if action.startswith("s3:")}
    objects = {"${ConsultationsExportsBucket.Arn}/analysis/*"}
    assert s3 == {"s3:GetObject": objects, "s3:PutObject": objects, "s3:DeleteObject": objects}
    assert environment(template, "ConsultationsAnalysis")["EXPORTS_BUCKET"] == {
        "Ref": "ConsultationsExportsBucket"
    }


def test_the_exporter_still_writes_under_exports_only(template: dict[str, Any]) -> None:
    s3 = {a: r for a, r in grants(template, "ConsultationsExporter").items() if a.startswith("s3:")}
    assert s3 == {"s3:PutObject": {"${ConsultationsExportsBucket.Arn}/exports/*"}}


def test_export_files_expire_after_7_days_and_matrix_files_after_90(template: dict[str, Any]) -> None:
    rules = props(template, "ConsultationsExportsBucket")["LifecycleConfiguration"]["Rules"]
    assert {(rule["Prefix"], rule["ExpirationInDays"]) for rule in rules} == {
        ("exports/", 7),
        ("analysis/", 90),
    }
