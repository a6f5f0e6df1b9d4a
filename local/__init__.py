"""numeriQc's Docker-free local runtime: the synthesized template's wiring, run in-process on moto.

Grouped by what it emulates; each group only reads the template through `template/`:

* `template/`: loading the synthesized template, resolving intrinsics, naming resources, reading
  the wiring into typed records;
* `aws/`: the template's resources created in moto, and the outbox of sent mail and SMS;
* `functions/`: invoking a function in-process, with its environment and a Lambda-like context;
* `http/`: the HTTP API as API Gateway answers it (routes, events, authorizer, CORS, errors);
* `triggers/`: queues, streams, rules, topics and schedules, polled and delivered;
* `dev/`: `numeriqc dev` (server, `.numeriqc/dev.env`, the demo organization) and admin commands.

The public faces stay at the top: `runtime.LocalRuntime` (the whole platform of one template),
`pytest_plugin` (its fixtures), `cli` (the `numeriqc` command), with the fixed local `account`
and the `clock` every group shares.
"""
