"""CDK constructs of the numeriQc platform; `infra/app.py` assembles them into the one stack."""
