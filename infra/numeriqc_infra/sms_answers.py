"""SmsAnswers: replies to the questions platform services ask by SMS, counted by the service that asked.

The notification service routes a reply to its question (numeriqc.notifications.sms_questions) and
sends `{sender, ref, answer_key, value, language}` to this queue; the function hands it to the
asking service's rule (consultations' SMS polls, feedback's ratings), with that service's table.

One function and queue for every asking service, not one per service: a consumer of its own costs
about eleven CloudFormation resources and the stack is near its 500 limit. Its failures wait in the
inbound SMS queue's dead-letter queue (the replies' own), which alarms on its first message, and
its TLS-only statement lives in that queue's policy: the queue and its mapping are the only
resources this adds besides the function.
"""

from typing import cast

from aws_cdk import Duration
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda_event_sources as sources
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from numeriqc_infra.consultations import Consultations
from numeriqc_infra.feedback import Feedback
from numeriqc_infra.functions import MAX_RECEIVE_COUNT, PlatformFunction
from numeriqc_infra.nag import acknowledge
from numeriqc_infra.naming import fix_logical_id
from numeriqc_infra.notifications import Notifications
from numeriqc_infra.platform import Platform

TIMEOUT = Duration.seconds(30)


class SmsAnswers(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        platform: Platform,
        notifications: Notifications,
        consultations: Consultations,
        feedback: Feedback,
    ) -> None:
        super().__init__(scope, id)
        self.function = PlatformFunction(
            self,
            "SmsAnswers",
            platform=platform,
            handler="numeriqc.platform.handlers.sms_answers_queue.handler",
            environment={
                "CONSULTATIONS_TABLE": consultations.table.table_name,
                "FEEDBACK_TABLE": feedback.table.table_name,
                "PEPPER_SECRET_ARN": platform.pepper.secret_arn,
            },
            timeout=TIMEOUT,
            description="SMS replies routed by notifications -> SMS poll ballots, service ratings",
        )
        self.queue = sqs.Queue(
            self,
            "SmsAnswersQueue",
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=platform.key,
            visibility_timeout=Duration.seconds(6 * TIMEOUT.to_seconds()),
            dead_letter_queue=sqs.DeadLetterQueue(
                queue=notifications.inbound_dead_letters, max_receive_count=MAX_RECEIVE_COUNT
            ),
        )
        fix_logical_id(self.queue, "SmsAnswersQueue")
        self._share_tls_policy(notifications.inbound_dead_letters)
        self.function.add_event_source(
            sources.SqsEventSource(self.queue, batch_size=10, report_batch_item_failures=True)
        )
        consultations.table.grant_read_write_data(self.function)
        feedback.table.grant_read_write_data(self.function)
        platform.pepper.grant_read(self.function)
        self.function.acknowledge_key_grant_wildcards()
        for table in ("ConsultationsTable", "FeedbackTable"):
            acknowledge(
                self.function.role or self.function,
                f"AwsSolutions-IAM5[Resource::<{table}.Arn>/index/*]",
                "CDK's table grant covers the table's own indexes, nothing else.",
            )
        for sender in ("consultations", "feedback"):
            notifications.answer_to(sender, self.queue)

    def _share_tls_policy(self, dead_letters: sqs.IQueue) -> None:
        """TLS only, as every queue (CDK's `enforce_ssl`), in the resource policy its dead-letter
        queue already has: one `AWS::SQS::QueuePolicy` may apply to several queues, so this queue
        costs no policy resource of its own (the stack's 500-resource limit)."""
        policy = cast(sqs.QueuePolicy, dead_letters.node.find_child("Policy"))  # from its enforce_ssl
        policy.document.add_statements(
            iam.PolicyStatement(
                effect=iam.Effect.DENY,
                principals=[iam.AnyPrincipal()],
                actions=["sqs:*"],
                resources=[self.queue.queue_arn],
                conditions={"Bool": {"aws:SecureTransport": "false"}},
            )
        )
        shared = cast(sqs.CfnQueuePolicy, policy.node.default_child)
        shared.queues = [*shared.queues, self.queue.queue_url]
