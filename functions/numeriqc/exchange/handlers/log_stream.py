"""The table's stream, new log blocks only: deliver each block's messages to the dataset's current
grantees (delivery.py). A block that could not reach every grantee is reported failed, so the
stream retries it (bisecting on error) and, when retries run out, its coordinates go to the
on-failure queue, whose first message alarms: an accepted message is never silently lost.
Delivery and failure events are published once per invocation, for what happened."""

from datetime import datetime
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import events
from numeriqc.core.dynamo import from_item
from numeriqc.core.events import publishes_events
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.exchange import deps

# A block failing whole is answered, not raised: the delivery events already emitted are facts.
processor = BatchProcessor(event_type=EventType.DynamoDBStreams, raise_on_entire_batch_failure=False)


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    delivery = deps.delivery()

    def deliver(record: DynamoDBRecord) -> None:
        image = from_item(record.raw_event["dynamodb"]["NewImage"])
        reached = delivery.deliver(
            str(image["dataset_id"]),
            datetime.fromisoformat(str(image["time"])),
            deps.block_entries(image),
            events.current(),
        )
        logger.info("block delivered", extra={"dataset_id": image["dataset_id"], "consumers": reached})

    return dict(
        process_partial_response(event=event, record_handler=deliver, processor=processor, context=context)
    )
