"""Tracing without the X-Ray SDK: active tracing by default, OpenTelemetry (ADOT) behind `-c tracing=otel`.

The flag's template is synthesized once for this module, cdk-nag included (the synth raises on an
unacknowledged finding), and compared with the default one.
"""

import re
from pathlib import Path
from typing import Any

import pytest
from infra_app import Synthesized, synthesize
from infra_cfn import render

# The public ADOT Python layer, in the stack's own region, for the functions' architecture (arm64).
ADOT_LAYER = re.compile(
    r"^arn:aws:lambda:\$\{AWS::Region\}:901920570463:layer:aws-otel-python-arm64-ver-[0-9-]+:[0-9]+$"
)
WRAPPER = ("AWS_LAMBDA_EXEC_WRAPPER", "/opt/otel-instrument")


@pytest.fixture(scope="module")
def otel(tmp_path_factory: pytest.TempPathFactory) -> Synthesized:
    return synthesize(tmp_path_factory.mktemp("cdk.out-otel"), {"tracing": "otel"})


def functions(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        lid: resource["Properties"]
        for lid, resource in template["Resources"].items()
        if resource["Type"] == "AWS::Lambda::Function"
    }


def adot_layers(properties: dict[str, Any]) -> list[str]:
    return [layer for layer in map(render, properties.get("Layers", [])) if ADOT_LAYER.match(layer)]


def test_by_default_functions_are_traced_by_lambda_alone(template: dict[str, Any]) -> None:
    every = functions(template)
    assert every
    for lid, properties in every.items():
        assert properties["TracingConfig"] == {"Mode": "Active"}, lid
        assert adot_layers(properties) == [], lid
        assert WRAPPER[0] not in properties["Environment"]["Variables"], lid


def test_the_flag_adds_the_adot_layer_and_wrapper_to_every_function(
    otel: Synthesized, template: dict[str, Any]
) -> None:
    flagged = functions(otel.json)
    assert set(flagged) == set(functions(template))
    for lid, properties in flagged.items():
        assert len(adot_layers(properties)) == 1, lid
        variables = properties["Environment"]["Variables"]
        assert (WRAPPER[0], variables.get(WRAPPER[0])) == WRAPPER, lid
        assert properties["TracingConfig"] == {"Mode": "Active"}, lid


def test_the_flag_costs_no_resource(otel: Synthesized, template: dict[str, Any]) -> None:
    """The layer is AWS's public one and the wrapper an environment variable: the stack's count holds."""
    assert len(otel.json["Resources"]) == len(template["Resources"])


def test_an_unknown_tracing_value_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="tracing"):
        synthesize(tmp_path, {"tracing": "xray-sdk"})
